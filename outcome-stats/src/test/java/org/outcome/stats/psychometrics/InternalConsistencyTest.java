package org.outcome.stats.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * A nearly singular correlation matrix (8 rows, 7 items; its smallest eigenvalue 4.2e-7, its
   * determinant 4.7e-8) with an interior minimum, found by the property test
   * {@code omegaIsBetweenZeroAndOneAndIgnoresUnitsAndRowOrder}. From R's start every uniqueness is
   * at the lower bound; the fit used to stall at a residual of 2e-5 with no omega, because R's
   * form of the objective (from the smallest eigenvalues) carried rounding errors of 1e-9 there.
   *
   * <p>R 4.2.2: {@code f <- factanal(covmat = cor(x), factors = 1, n.obs = 8)} converges (no
   * uniqueness at a bound) to {@code l <- f$loadings[, 1]}
   * {@code 0.0446711, 0.2172307, -0.8223308, 0.9585005, -0.3953412, 0.2635084, 0.8443379} and
   * {@code sum(l)^2 / (sum(l)^2 + sum(1 - l^2))} = 0.218273988 (its gradient there is still 3e-4);
   * {@code psych::fa(x, 1, fm = "ml")} gives omega 0.218273765. Polished in R with
   * {@code optim(f$uniquenesses, fn, gr, method = "L-BFGS-B", lower = 0.005, upper = 1,
   * control = list(factr = 1, pgtol = 0))}, {@code fn} factanal's objective written with
   * {@code log det R} as {@link OneFactorMl} writes it, the loadings are
   * {@code 0.04466365, 0.21722903, -0.82232442, 0.95850359, -0.39534099, 0.26351278, 0.84433580}
   * and omega 0.2182745637 (and factanal started there stays there). factanal's own optimiser cannot
   * polish it: with {@code control = list(opt = list(factr = 1e4))} it stops, "unable to optimize".
   */
  @Test
  void aNearlySingularCorrelationMatrixIsFittedToRsInteriorMinimum() {
    double[][] x = {
        {2.472064731670149, 3.1984844174299107, 2.0730107048829254, 4.782018127045969, 3.052702238524589,
            2.2030149145018174, 3.470605986982326, 4.4439427077364515},
        {2.0447460967984137, 2.533861754695561, 2.4776572546828275, 3.9006727291922063, 3.90478548407928,
            3.202115794045903, 3.8494686047383424, 1.8214525871148664},
        {1.6565607290566535, 5.4689667380481, 1.6719887437046943, 2.4452625953749876, 2.885238173237572,
            4.206174180270101, -0.32911099319795634, 2.101057489773175},
        {3.1029127748506817, 1.694198225795056, 3.7345967996801654, 1.4301467676628847, 2.798218801714256,
            2.092566399369926, 8.063383888279763, 3.548684569582367},
        {3.5109226503866235, 2.7198718629883745, 1.2951544888508342, 3.3547108542015165, 1.8196452709911062,
            4.428161934469043, 2.021320236741894, 4.60708480634157},
        {2.5955835519586055, 3.497551768837901, 2.71855124467406, 2.927023893612619, 3.401308216819786,
            2.7252510082432755, 3.456241499140961, 2.3722499848851877},
        {3.6583375519918477, 3.3002933366176737, 2.7315369568564094, 3.1960871509773554, 3.488179258041657,
            2.0455269445693913, 5.428540629260298, 3.2286573771036027}};
    InternalConsistency.Result r = InternalConsistency.withDefaults()
        .analyse(ItemResponses.of(List.of("i1", "i2", "i3", "i4", "i5", "i6", "i7"), x));
    assertThat(r.warnings()).extracting(w -> w.code()).doesNotContain("omega-not-computed", "heywood-case");
    OneFactorModel m = r.omega().orElseThrow();
    assertThat(m.heywood()).isFalse();
    // R polished: to its own last digits
    assertThat(m.loadings()).containsExactly(new double[] {0.04466365, 0.21722903, -0.82232442, 0.95850359,
        -0.39534099, 0.26351278, 0.84433580}, within(1e-8));
    assertThat(m.omegaTotal()).isCloseTo(0.2182745637, within(1e-9));
    // factanal as it stops: the flat direction (item i1, barely loading) is where it is short
    assertThat(m.loadings()).containsExactly(new double[] {0.0446711, 0.2172307, -0.8223308, 0.9585005, -0.3953412,
        0.2635084, 0.8443379}, within(1e-5));
    assertThat(m.omegaTotal()).isCloseTo(0.218273988, within(1e-6));
  }

  /**
   * Correlations 1/11, −1/11, 1/11 (their product negative: no one-factor model fits them), from a
   * stress run of the property test. The start ψ = 9/11 (tied largest eigenvalues), and the path
   * falls to a saddle, ψ = (1, 1/1.1, 1/1.1), where the damped Newton steps used to crawl until the
   * iterations ran out: no omega.
   *
   * <p>R 4.2.2: {@code x <- cbind(c(3, 4, 2, 4), c(3, 1, 1, 2), c(3, 3, 2, 1));
   * factanal(covmat = cor(x), factors = 1, n.obs = 4)} stops at that saddle, uniquenesses
   * {@code 0.9999962, 0.9090899, 0.9090919}, objective 0.0183491; {@code psych::fa(x, 1, fm = "ml")}
   * reaches the minimum, a Heywood case, uniquenesses {@code 0.9917024, 0.9917024, 0.005}, loadings
   * {@code -0.0910914, 0.0910914, 0.9974969}, objective 0.0100587, omega 0.3335116. Items b and c
   * are exchangeable (with a's sign flipped), so holding b at the bound instead is as good a
   * minimum, with loadings {@code 0.0910914, 0.9974969, 0.0910914} and another omega: which one a
   * fit reaches is not fixed, so only that pattern is checked.
   */
  @Test
  void aFitThatReachesASaddleStepsDownToTheHeywoodMinimum() {
    double[][] x = {{3, 4, 2, 4}, {3, 1, 1, 2}, {3, 3, 2, 1}};
    InternalConsistency.Result r = InternalConsistency.withDefaults()
        .analyse(ItemResponses.of(List.of("a", "b", "c"), x));
    OneFactorModel m = r.omega().orElseThrow();
    assertThat(m.heywood()).isTrue();
    assertThat(r.warnings()).extracting(w -> w.code()).contains("heywood-case").doesNotContain("omega-not-computed");
    double[] psi = m.uniquenesses();
    double[] abs = Arrays.stream(m.loadings()).map(Math::abs).toArray();
    assertThat(psi[0]).isCloseTo(0.9917024, within(1e-7));
    assertThat(Math.min(psi[1], psi[2])).isCloseTo(1 - 0.9974969 * 0.9974969, within(1e-6));
    assertThat(Math.max(psi[1], psi[2])).isCloseTo(0.9917024, within(1e-7));
    assertThat(abs[0]).isCloseTo(0.0910914, within(1e-7));
    assertThat(Math.max(abs[1], abs[2])).isCloseTo(0.9974969, within(1e-7));
    assertThat(Math.min(abs[1], abs[2])).isCloseTo(0.0910914, within(1e-7));
  }

  /**
   * Correlations 0.5, 0, 0: the third item is unrelated (uniqueness 1), and the other two are
   * fitted exactly by any loadings with {@code λ_1 λ_2 = 0.5}, a ridge of equally good fits. R's path
   * from its symmetric start stays symmetric; so must this one (a step off the saddle at the
   * symmetric point once sent it, by the sign of an eigenvector, to one end or the other, from a
   * stress run of the property test).
   *
   * <p>R 4.2.2: {@code x <- cbind(c(2, 4, 4, 4, 5, 1, 1, 3), c(3, 4, 3, 2, 4, 2, 3, 3),
   * c(3, 2, 2, 3, 3, 2, 3, 4)); factanal(covmat = cor(x), factors = 1, n.obs = 8)}: uniquenesses
   * {@code 0.5000000130, 0.5000000131, 1}, loadings {@code 0.7071067766, 0.7071067766, 0}, omega
   * 0.4999999951; {@code psych::fa(x, 1, fm = "ml")}: loadings {@code 0.7071067273, 0.7071067273, 0},
   * omega 0.4999999428.
   */
  @Test
  void aRidgeOfEquallyGoodFitsIsLeftWhereRsSymmetricPathMeetsIt() {
    double[][] x = {{2, 4, 4, 4, 5, 1, 1, 3}, {3, 4, 3, 2, 4, 2, 3, 3}, {3, 2, 2, 3, 3, 2, 3, 4}};
    OneFactorModel m = InternalConsistency.withDefaults().analyse(ItemResponses.of(List.of("a", "b", "c"), x))
        .omega().orElseThrow();
    assertThat(m.heywood()).isFalse();
    assertThat(m.loadings()).containsExactly(new double[] {0.7071068, 0.7071068, 0}, within(1e-6));
    assertThat(m.omegaTotal()).isCloseTo(0.5, within(1e-7));
  }

  @Test
  void withNoMoreRowsThanItemsThereIsNoOmegaAndTheWarningSaysWhy() {
    ItemResponses x = ItemResponses.of(List.of("a", "b", "c"), new double[] {1, 2, 4}, new double[] {2, 1, 5},
        new double[] {1, 3, 3});
    InternalConsistency.Result r = InternalConsistency.withDefaults().analyse(x);
    assertThat(r.omega()).isEmpty();
    assertThat(r.warnings()).filteredOn(w -> w.code().equals("omega-not-computed")).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("no more complete rows (3) than items (3)"));
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
