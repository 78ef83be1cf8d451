package org.outcome.stats.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;
import org.outcome.testkit.fixtures.Tolerance;

/**
 * psych's numbers: the shared fixture ({@code psych::alpha(attitude)}) and the cases made by
 * {@code src/test/resources/psychometrics-cases/generate.R} (R 4.2.2, psych 2.2.9), each compared
 * field by field within its file's tolerance; and the errors of data alpha cannot be computed on.
 */
class InternalConsistencyTest {
  private static final Path CASES = Path.of("src/test/resources/psychometrics-cases");

  @Test
  void theSharedAttitudeFixtureGivesPsychsAlpha() {
    Fixture f = RFixtures.byId("internal-consistency", "psychometrics/attitude");
    InternalConsistency.Result r = InternalConsistency.withDefaults().analyse(responses(f, List.of()));
    f.assertMatches(Map.of("rawAlpha", r.rawAlpha(), "stdAlpha", r.stdAlpha(),
        "itemRestCorrelation", r.itemStatistics().stream().map(ItemStatistics::itemRestCorrelation).toList(),
        "alphaIfDropped", r.itemStatistics().stream().map(s -> s.alphaIfDropped().orElseThrow()).toList()));
  }

  static List<Fixture> cases() {
    return Fixture.ofKind(CASES, "internal-consistency-case");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseGivesPsychsNumbers(Fixture f) {
    List<String> reverse = texts(f.options().get("reverse"));
    InternalConsistency.Result r = InternalConsistency.withDefaults().withConfLevel(f.option("confLevel", 0.95))
        .analyse(responses(f, reverse));
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("n", r.n());
    actual.put("omittedRows", r.omittedRows());
    actual.put("rawAlpha", r.rawAlpha());
    actual.put("stdAlpha", r.stdAlpha());
    actual.put("averageR", r.averageR());
    actual.put("totalMean", r.totalMean());
    actual.put("totalSd", r.totalSd());
    actual.put("itemTotalCorrelation", r.itemStatistics().stream().map(ItemStatistics::itemTotalCorrelation).toList());
    actual.put("itemRestCorrelation", r.itemStatistics().stream().map(ItemStatistics::itemRestCorrelation).toList());
    actual.put("negativeItems", r.itemStatistics().stream().filter(s -> s.itemRestCorrelation() < 0)
        .map(ItemStatistics::item).toList());
    actual.put("feldtLower", r.feldt().lower());
    actual.put("feldtUpper", r.feldt().upper());
    if (r.items().size() > 2) {
      actual.put("alphaIfDropped", r.itemStatistics().stream().map(s -> s.alphaIfDropped().orElseThrow()).toList());
      actual.put("stdAlphaIfDropped", r.itemStatistics().stream().map(s -> s.stdAlphaIfDropped().orElseThrow())
          .toList());
      OneFactorModel m = r.omega().orElseThrow();
      actual.put("omegaTotal", m.omegaTotal());
      actual.put("loadings", list(m.loadings()));
    } else {
      assertThat(r.itemStatistics()).allSatisfy(s -> assertThat(s.alphaIfDropped()).isEmpty());
      assertThat(r.omega()).isEmpty();
    }
    f.assertMatches(actual);
    // psych's own fa(fm = "ml") stops its optimiser earlier: it agrees to its own, looser, tolerance
    if (psychFa(f) instanceof Map<?, ?> fa) {
      @SuppressWarnings("unchecked")
      Map<String, Object> tol = (Map<String, Object>) fa.get("tolerance");
      Fixture psych = new Fixture(f.file(), f.id() + " (psych::fa)", f.kind(), String.valueOf(fa.get("source")),
          f.input(), f.options(), Map.of("omegaTotal", fa.get("omegaTotal"), "loadings", fa.get("loadings")),
          new Tolerance(((Number) tol.get("relative")).doubleValue(), ((Number) tol.get("absolute")).doubleValue()));
      psych.assertMatches(Map.of("omegaTotal", actual.get("omegaTotal"), "loadings", actual.get("loadings")));
    }
    boolean warned = r.warnings().stream().anyMatch(w -> w.code().equals("negative-item-rest-correlation"));
    assertThat(warned).isEqualTo(!((List<?>) actual.get("negativeItems")).isEmpty());
  }

  @Test
  void everyCaseFileIsRead() {
    assertThat(cases()).extracting(Fixture::id).contains("psychometrics-case/attitude",
        "psychometrics-case/bfi-agreeableness", "psychometrics-case/small-negative", "psychometrics-case/two-items",
        "psychometrics-case/three-items");
  }

  @Test
  void theWarningNamesTheItemThatRunsAgainstTheOthers() {
    Fixture f = cases().stream().filter(c -> c.id().endsWith("/bfi-agreeableness-unreversed")).findFirst().orElseThrow();
    InternalConsistency.Result r = InternalConsistency.withDefaults().analyse(responses(f, List.of()));
    assertThat(r.warnings()).filteredOn(w -> w.code().equals("negative-item-rest-correlation")).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("item A1 ").doesNotContain("A2"));
  }

  @Test
  void fewerThanTwoItemsIsInvalid() {
    ItemResponses one = ItemResponses.of(List.of("q1"), new double[] {1, 2, 3});
    assertThatThrownBy(() -> InternalConsistency.withDefaults().analyse(one)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least two");
  }

  @Test
  void fewerThanTwoCompleteRowsIsDegenerateAndSaysHowMany() {
    ItemResponses r = ItemResponses.of(List.of("a", "b"), new double[] {1, Double.NaN, 3},
        new double[] {Double.NaN, 2, 3});
    assertThat(r.omittedRows()).containsExactly(1L, 2L);
    assertThatThrownBy(() -> InternalConsistency.withDefaults().analyse(r)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("1 complete row of 3");
  }

  @Test
  void anItemWithOneAnswerForEveryoneIsNamed() {
    ItemResponses r = ItemResponses.of(List.of("a", "same", "c"), new double[] {1, 2, 3, 4},
        new double[] {4, 4, 4, 4}, new double[] {2, 1, 4, 3});
    assertThatThrownBy(() -> InternalConsistency.withDefaults().analyse(r)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("item same").hasMessageContaining("zero variance");
  }

  @Test
  void aConstantTotalIsDegenerate() {
    ItemResponses r = ItemResponses.of(List.of("a", "b"), new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1});
    assertThatThrownBy(() -> InternalConsistency.withDefaults().analyse(r)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("total score is the same");
  }

  @Test
  void badColumnsAreNamedNeverQuoted() {
    assertThatThrownBy(() -> ItemResponses.of(List.of("a", "b"), new double[] {1, 2}, new double[] {1, 2, 3}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("item b: has 3 answers");
    assertThatThrownBy(() -> ItemResponses.of(List.of("a", "a"), new double[] {1, 2}, new double[] {1, 2}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("item a: is named twice");
    assertThatThrownBy(() -> ItemResponses.of(List.of("a", "b"), new double[] {1, 2},
        new double[] {Double.POSITIVE_INFINITY, 2})).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 1, item b").hasMessageNotContaining("Infinity");
  }

  @Test
  void theBootstrapIsTheSameForASeedAndDiffersForAnother() {
    Fixture f = RFixtures.byId("internal-consistency", "psychometrics/attitude");
    ItemResponses x = responses(f, List.of());
    InternalConsistency boot = InternalConsistency.withDefaults().withBootstrap(2000, 18);
    InternalConsistency.Result a = boot.analyse(x);
    InternalConsistency.Result b = boot.analyse(x);
    InternalConsistency.Result c = boot.withBootstrap(2000, 19).analyse(x);
    assertThat(a.bootstrap()).isEqualTo(b.bootstrap());
    assertThat(a.bootstrap().orElseThrow().interval()).isNotEqualTo(c.bootstrap().orElseThrow().interval());
    InternalConsistency.BootstrapInterval i = a.bootstrap().orElseThrow();
    assertThat(i.resamples()).isEqualTo(2000);
    assertThat(i.degenerate()).isZero();
    // psych::alpha(attitude, n.iter = 10000)$boot.ci gives about 0.73 and 0.90 (R's random numbers)
    assertThat(i.interval().lower()).isBetween(0.68, 0.78);
    assertThat(i.interval().upper()).isBetween(0.87, 0.93);
    assertThat(InternalConsistency.withDefaults().analyse(x).bootstrap()).isEmpty();
  }

  @Test
  void quantilesAreRsTypeSeven() {
    double[] sorted = {1, 2, 4, 8};
    // R: quantile(c(1, 2, 4, 8), c(0, 0.025, 0.5, 0.975, 1)) = 1, 1.075, 3, 7.7, 8
    assertThat(InternalConsistency.quantile(sorted, 0)).isEqualTo(1);
    assertThat(InternalConsistency.quantile(sorted, 0.025)).isCloseTo(1.075, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(InternalConsistency.quantile(sorted, 0.5)).isEqualTo(3);
    assertThat(InternalConsistency.quantile(sorted, 0.975)).isCloseTo(7.7, org.assertj.core.api.Assertions.within(1e-14));
    assertThat(InternalConsistency.quantile(sorted, 1)).isEqualTo(8);
  }

  /** The case's columns, NA as NaN, with the named columns reversed as the options say. */
  static ItemResponses responses(Fixture f, List<String> reverse) {
    List<String> names = f.columns();
    double[][] columns = new double[names.size()][];
    for (int j = 0; j < names.size(); j++) {
      String[] cells = f.texts(names.get(j));
      columns[j] = new double[cells.length];
      boolean reversed = reverse.contains(names.get(j));
      for (int i = 0; i < cells.length; i++) {
        double v = cells[i] == null ? Double.NaN : Double.parseDouble(cells[i]);
        columns[j][i] = reversed ? f.option("scaleMin", Double.NaN) + f.option("scaleMax", Double.NaN) - v : v;
      }
    }
    return ItemResponses.of(names, columns);
  }

  private static List<String> texts(Object list) {
    List<String> out = new ArrayList<>();
    if (list instanceof List<?> l) {
      l.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  private static List<Double> list(double[] values) {
    List<Double> out = new ArrayList<>();
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static Object psychFa(Fixture f) {
    try {
      return ((Map<?, ?>) JsonText.parse(Files.readString(f.file(), StandardCharsets.UTF_8))).get("psychFa");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
