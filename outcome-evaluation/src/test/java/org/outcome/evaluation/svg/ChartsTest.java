package org.outcome.evaluation.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> withClass(Document d, String cls) {
    NodeList all = d.getElementsByTagName("*");
    List<Element> out = new java.util.ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        out.add(e);
      }
    }
    return out;
  }

  private static KaplanMeierChart.Curve curve(String label) {
    return KaplanMeierChart.Curve.of(label, new double[] {5, 10, 20, 30}, new double[] {0.9, 0.9, 0.6, 0.3},
        new double[] {0.7, 0.7, 0.4, Double.NaN}, new double[] {1, 1, 0.8, Double.NaN}, List.of("40", "*", "0"));
  }

  @Test
  void kaplanMeierChartHasACurveAndBandPerGroupAndTheNumbersAtRisk() throws Exception {
    String svg = KaplanMeierChart.of("Time to readmission", "Days", "Not readmitted",
        List.of(curve("Peer support"), curve("Usual care <&>")), new double[] {0, 15, 30}).render();
    Document d = parse(svg);

    assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(withClass(d, "km-curve")).hasSize(2);
    assertThat(withClass(d, "km-band")).hasSize(2);
    assertThat(withClass(d, "at-risk")).extracting(Element::getTextContent)
        .containsExactly("40", "*", "0", "40", "*", "0");
    assertThat(withClass(d, "at-risk-label")).extracting(Element::getTextContent)
        .containsExactly("Peer support", "Usual care <&>");
    assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Time to readmission");
  }

  @Test
  void kaplanMeierPathIsAStepFunctionFromOneThatNeverRises() {
    String d = KaplanMeierChart.steps(new double[] {5, 10, 20}, new double[] {0.9, 0.9, 0.6}, 20, 100, 1, 1);
    // x = 140 + 100 * t / 20, y = 40 + 300 * (1 - s)
    assertThat(d).isEqualTo("M140,40 H165 V70 H190 H240 V160");
  }

  @Test
  void curveNeedsOneNumberAtRiskPerTime() {
    assertThatThrownBy(() -> KaplanMeierChart.of("t", "x", "y", List.of(curve("a")), new double[] {0, 10}))
        .hasMessageContaining("has 3 numbers at risk for 2 times");
  }

  @Test
  void curvesAndChartsAreValuesThatDoNotShareTheirArrays() {
    double[] time = {5, 10};
    KaplanMeierChart.Curve a = KaplanMeierChart.Curve.of("a", time, new double[] {0.9, 0.5},
        new double[] {0.7, Double.NaN}, new double[] {1, Double.NaN}, List.of("2"));
    time[0] = 99;
    KaplanMeierChart.Curve b = KaplanMeierChart.Curve.of("a", new double[] {5, 10}, new double[] {0.9, 0.5},
        new double[] {0.7, Double.NaN}, new double[] {1, Double.NaN}, List.of("2"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.time()).containsExactly(5.0, 10.0);
    assertThatThrownBy(() -> a.time().set(0, 1.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(KaplanMeierChart.of("t", "x", "y", List.of(a), new double[] {0}))
        .isEqualTo(KaplanMeierChart.of("t", "x", "y", List.of(b), new double[] {0}));
    assertThatThrownBy(() -> KaplanMeierChart.Curve.of("a", time, new double[] {1}, new double[] {1},
        new double[] {1}, List.of())).hasMessageContaining("differ in length");
  }

  @Test
  void forestPlotHasARowPerEstimateAndANullLine() throws Exception {
    Document d = parse(new ForestPlot("Effect sizes", "Hedges' g", 0, false, List.of(
        new ForestPlot.Row("Empowerment, ITT", 0.31, 0.05, 0.57),
        new ForestPlot.Row("Empowerment, as treated", 0.52, 0.18, 0.86))).render());

    assertThat(withClass(d, "forest-row")).hasSize(2);
    assertThat(withClass(d, "null-line")).hasSize(1);
    assertThat(withClass(d, "row-numbers")).extracting(Element::getTextContent)
        .containsExactly("0.31 (0.05 to 0.57)", "0.52 (0.18 to 0.86)");
  }

  @Test
  void logScaleForestPlotNeedsPositiveValues() {
    assertThatThrownBy(() -> new ForestPlot("Ratios", "Hazard ratio", 1, true,
        List.of(new ForestPlot.Row("x", 0.5, -0.1, 1.2)))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void beforeAfterChartDrawsTwoBoxesPerGroup() throws Exception {
    Document d = parse(new BeforeAfterChart("SWEMWBS", "SWEMWBS (7-35)", List.of(
        new BeforeAfterChart.Group("Peer support", new BeforeAfterChart.Box(17, 18.5, 20, 21.5, 25),
            new BeforeAfterChart.Box(20, 21.5, 23, 24.5, 28)),
        new BeforeAfterChart.Group("Usual care", new BeforeAfterChart.Box(18, 19, 20, 21, 23),
            new BeforeAfterChart.Box(18, 19, 21, 22, 22)))).render());

    assertThat(withClass(d, "box-before")).hasSize(2);
    assertThat(withClass(d, "box-after")).hasSize(2);
  }

  @Test
  void boxValuesMustAscend() {
    assertThatThrownBy(() -> new BeforeAfterChart.Box(1, 3, 2, 4, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
