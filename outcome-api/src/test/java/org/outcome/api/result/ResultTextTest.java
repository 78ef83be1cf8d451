package org.outcome.api.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultTextTest {
  /** A result as a plugin might make it. */
  record Stub(String method, long nUsed, Optional<Estimate> estimate, Optional<HypothesisTest> test,
      List<Warning> warnings) implements AnalysisResult {}

  // R 4.2.2: t <- t.test(c(1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4)) (sleep, group 2);
  // print(c(t$estimate, t$conf.int, t$statistic, t$parameter, t$p.value), digits = 17)
  private static final Stub ONE_SAMPLE_T = new Stub("One Sample t-test", 10,
      Optional.of(Estimate.of("mean of x", 2.3300000000000001,
          new ConfidenceInterval(0.89767753937670547, 3.76232246062329434, 0.95))),
      Optional.of(HypothesisTest.of("t", 3.6799158947951888798, 9, 0.0050761326497724005)), List.of());

  @Test
  void oneLineHasTheEstimateItsIntervalAndTheTest() {
    assertThat(ResultText.oneLine(ONE_SAMPLE_T))
        .isEqualTo("mean of x 2.33 (95% CI 0.8977 to 3.762); t = 3.68, df = 9, p = 0.005076");
  }

  @Test
  void anFTestShowsBothDegreesOfFreedom() {
    // R: anova(lm(...)) printing F(1, 48) as "df = 1, 48"
    assertThat(ResultText.test(HypothesisTest.of("F", 7.27475517926809, 1, 48, 9.61873340759245e-03)))
        .isEqualTo("F = 7.275, df = 1, 48, p = 0.009619");
  }

  @Test
  void partsAResultLacksAreLeftOut() {
    Stub testOnly = new Stub("Wilcoxon signed-rank test, exact", 10, Optional.empty(),
        Optional.of(HypothesisTest.of("V", 253.5, 0.000461121198022)), List.of());
    Stub estimateOnly = new Stub("Cohen's d_z", 10, Optional.of(Estimate.of("Cohen's d_z", 0.946457126496290)),
        Optional.empty(), List.of());
    Stub neither = new Stub("a descriptive summary", 10, Optional.empty(), Optional.empty(), List.of());

    assertThat(ResultText.oneLine(testOnly)).isEqualTo("V = 253.5, p = 0.0004611");
    assertThat(ResultText.oneLine(estimateOnly)).isEqualTo("Cohen's d_z 0.9465");
    assertThat(ResultText.oneLine(neither)).isEqualTo("a descriptive summary");
  }

  @Test
  void theSummaryAddsTheMethodTheNumberUsedAndTheWarnings() {
    Stub warned = new Stub(ONE_SAMPLE_T.method(), 10, ONE_SAMPLE_T.estimate(), ONE_SAMPLE_T.test(),
        List.of(Warning.of("small", "fewer than 20 people")));

    assertThat(ResultText.summary(warned)).isEqualTo("One Sample t-test, n = 10\n"
        + "mean of x 2.33 (95% CI 0.8977 to 3.762); t = 3.68, df = 9, p = 0.005076\n"
        + "warning: fewer than 20 people");
  }

  @Test
  void intervalsNameTheirLevelAndMayBeInfinite() {
    assertThat(ResultText.interval(new ConfidenceInterval(0.1, Double.POSITIVE_INFINITY, 0.9)))
        .isEqualTo("90% CI 0.1 to Inf");
    assertThat(ResultText.interval(new ConfidenceInterval(-1.25, 2, 0.975))).isEqualTo("97.5% CI -1.25 to 2");
  }

  @Test
  void numbersFollowRsFormatWithFourDigits() {
    // R 4.2.2: format(x, digits = 4) for each x (whole numbers aside)
    String[][] cases = {
      {"0.70011", "0.7001"}, {"2.4598858", "2.46"}, {"4.0621", "4.062"}, {"253.5", "253.5"},
      {"1234.56", "1235"}, {"1234567.8", "1234568"}, {"8.20266779969e-05", "8.203e-05"},
      {"0.00283289019738427", "0.002833"}, {"9.99996", "10"}, {"0.099996", "0.1"}, {"48.54916263152", "48.55"},
      {"-0.196646276657438", "-0.1966"}, {"1e-20", "1e-20"}, {"0.99996", "1"}, {"-3.09929344104522e-05", "-3.099e-05"},
      {"123456.75", "123457"}, {"0.0001234567", "0.0001235"}, {"671.710698479891", "671.7"},
      {"1.5e300", "1.5e+300"}, {"2.5e-5", "2.5e-05"},
    };
    for (String[] c : cases) {
      assertThat(ResultText.number(Double.parseDouble(c[0]))).as(c[0]).isEqualTo(c[1]);
    }
    // R: format(c(1.58, 0.700114, 2.459886)[i], digits = 3)
    assertThat(ResultText.number(1.58, 3)).isEqualTo("1.58");
    assertThat(ResultText.number(0.700114, 3)).isEqualTo("0.7");
    assertThat(ResultText.number(2.459886, 3)).isEqualTo("2.46");
  }

  @Test
  void wholeNumbersNotANumberAndInfinitiesHaveFixedForms() {
    assertThat(ResultText.number(24)).isEqualTo("24");
    assertThat(ResultText.number(100000)).isEqualTo("100000");
    assertThat(ResultText.number(-0.0)).isEqualTo("0");
    assertThat(ResultText.number(1e20)).isEqualTo("1e+20");
    assertThat(ResultText.number(Double.NaN)).isEqualTo("NA");
    assertThat(ResultText.number(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
    assertThat(ResultText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThatThrownBy(() -> ResultText.number(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tinyPValuesAreBoundedAsRBoundsThem() {
    // R: format.pval(c(1e-20, 0), digits = 4) = "< 2.2e-16" "< 2.2e-16"
    assertThat(ResultText.pValue(1e-20)).isEqualTo("< 2.2e-16");
    assertThat(ResultText.pValue(0)).isEqualTo("< 2.2e-16");
    assertThat(ResultText.pValue(1)).isEqualTo("1");
    assertThat(ResultText.test(HypothesisTest.of("z", 12.5, 0))).isEqualTo("z = 12.5, p < 2.2e-16");
  }

  @Test
  void aPrintedNumberIsTheValueRoundedToItsPrintedDigits() {
    qt().withExamples(500)
        .forAll(doubles().between(-1e7, 1e7), integers().between(-25, 5), integers().between(1, 8))
        .checkAssert((mantissa, exponent, digits) -> {
          double value = mantissa * Math.pow(10, exponent);
          String text = ResultText.number(value, digits);
          BigDecimal printed = new BigDecimal(text);
          BigDecimal exact = new BigDecimal(value);
          // never more significant digits than asked, unless they are digits before the point
          BigDecimal stripped = printed.stripTrailingZeros();
          assertThat(stripped.precision() <= digits || stripped.scale() <= 0).as(text).isTrue();
          // within half a unit of the last digit printed
          BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Math.max(printed.scale(), 0)).divide(BigDecimal.valueOf(2));
          if (printed.scale() < 0) {
            halfUnit = BigDecimal.ONE.movePointRight(-printed.scale()).divide(BigDecimal.valueOf(2));
          }
          assertThat(printed.subtract(exact).abs()).as("%s printed as %s", value, text).isLessThanOrEqualTo(halfUnit);
        });
  }
}
