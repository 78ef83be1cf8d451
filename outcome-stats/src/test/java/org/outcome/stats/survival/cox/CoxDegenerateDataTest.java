package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/** Data on which no Cox model can be fitted get a typed error that names what is wrong. */
class CoxDegenerateDataTest {
  static final double[] TIME = {9, 1, 1, 6, 6, 8, 3, 4};
  static final boolean[] STATUS = {true, true, false, true, true, false, true, false};
  static final double[] X = {0.5, 1, 1.5, 1, 0, -0.2, 2, 0.3};

  private static SurvivalSample.Builder base() {
    return SurvivalSample.builder(TIME, STATUS).covariate("x", X);
  }

  @Test
  void noCovariateIsInvalidInput() {
    SurvivalSample s = SurvivalSample.of(TIME, STATUS);
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).singleElement()
            .satisfies(v -> assertThat(v.location()).isEqualTo("covariates")));
  }

  @Test
  void noRows() {
    SurvivalSample s = SurvivalSample.builder(new double[0], new boolean[0]).covariate("x", new double[0]).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("no rows");
  }

  @Test
  void noEvents() {
    SurvivalSample s = SurvivalSample.builder(TIME, new boolean[TIME.length]).covariate("x", X).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .satisfies(e -> {
          DegenerateDataException d = (DegenerateDataException) e;
          assertThat(d.problem()).contains("no events").contains("8 rows");
          assertThat(d.remedy()).contains("at least one observed event");
        });
  }

  @Test
  void aConstantCovariateIsNamed() {
    SurvivalSample s = base().covariate("site", new double[] {3, 3, 3, 3, 3, 3, 3, 3}).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("covariate 'site' has no variance");
  }

  @Test
  void aCovariateConstantWithinEveryStratumIsNamed() {
    double[] sex = {1, 2, 1, 2, 1, 2, 1, 2};
    Factor strata = Factor.of("a", "b", "a", "b", "a", "b", "a", "b");
    SurvivalSample s = base().covariate("sex", sex).strata(strata).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("'sex' is constant within every stratum");
  }

  @Test
  void collinearCovariatesAreNamed() {
    double[] twice = new double[X.length];
    double[] other = {1, 0, 0, 1, 1, 0, 1, 0};
    double[] sum = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      twice[i] = 2 * X[i] + 1;
      sum[i] = X[i] - 3 * other[i];
    }
    SurvivalSample pair = base().covariate("doubled", twice).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(pair)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("covariates 'x' and 'doubled' are collinear");
    SurvivalSample three = base().covariate("other", other).covariate("sum", sum).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(three)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("covariates 'x', 'other' and 'sum' are collinear")
        .satisfies(e -> assertThat(((DegenerateDataException) e).remedy()).contains("drop 'sum'"));
  }

  @Test
  void aCovariateThatVariesOnlyOutsideTheRiskSetsIsNamed() {
    // only the row censored at time 1, before the first event at 2, has x = 5: it is never at risk at an event
    double[] time = {1, 2, 3, 4, 5};
    boolean[] status = {false, true, true, false, true};
    double[] x = {5, 0, 0, 0, 0};
    double[] z = {0.1, 0.4, -0.3, 0.8, 0.2};
    SurvivalSample s = SurvivalSample.builder(time, status).covariate("z", z).covariate("x", x).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("covariate 'x' does not vary among the rows at risk");
  }

  @Test
  void anEmptyGroupLevelIsAConstantIndicator() {
    Factor group = Factor.withLevels(new String[] {"a", "a", "b", "b", "a", "b", "a", "b"}, java.util.List.of("a", "b", "c"));
    SurvivalSample s = SurvivalSample.builder(TIME, STATUS).group(group).build();
    assertThatThrownBy(() -> CoxPh.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("'groupc' has no variance");
  }

  @Test
  void aModelBasedVarianceWithAClusterColumnWarnsThatTheClusterIsIgnored() {
    SurvivalSample s = base().cluster(Factor.of("1", "1", "2", "2", "3", "3", "4", "4")).build();
    CoxPh.Result r = CoxPh.withDefaults().withVariance(Variance.MODEL_BASED).fit(s);
    assertThat(r.robust()).isFalse();
    assertThat(r.warnings()).extracting(w -> w.code()).containsExactly("cluster-ignored");
  }

  @Test
  void allEventsAtOneTimeLeaveTheProportionalHazardsTestUndefined() {
    double[] time = {2, 2, 2, 5, 6};
    boolean[] status = {true, true, true, false, false};
    SurvivalSample s = SurvivalSample.builder(time, status).covariate("x", new double[] {0.1, 0.5, 2, 1, -1}).build();
    CoxPh.Result r = CoxPh.withDefaults().fit(s);
    assertThat(r.proportionalHazards()).isEmpty();
    assertThat(r.warnings()).extracting(w -> w.code()).contains("zph-singular");
  }

  @Test
  void aFitThatRunsAwayWarnsAndNeverReportsNaN() {
    // one event among four rows at risk, three covariates: the likelihood has no maximum and the
    // risk scores reach exp(770). R (coxph(..., robust = TRUE)) also runs out of iterations with
    // coefficients 770.9865, -1381.6962, 2569.9550 and warns that they may be infinite.
    double[] t = new double[39];
    boolean[] e = new boolean[39];
    double[] x1 = new double[39];
    double[] x2 = new double[39];
    double[] x3 = new double[39];
    java.util.Arrays.fill(t, 0.01);
    t[9] = 0.02;
    x1[9] = 1;
    x3[5] = 0.31;
    t[15] = 0.02;
    x3[15] = 0.3;
    t[16] = 0.02;
    e[16] = true;
    x2[16] = -0.81;
    x3[16] = -0.13;
    t[26] = 0.02;
    x2[26] = -0.93;
    x3[26] = -0.2;
    SurvivalSample s = SurvivalSample.builder(t, e).covariate("x1", x1).covariate("x2", x2).covariate("x3", x3).build();
    for (Variance v : Variance.values()) {
      CoxPh.Result r = CoxPh.withDefaults().withVariance(v).fit(s);
      assertThat(r.converged()).isFalse();
      assertThat(r.coefficients()[0]).isCloseTo(770.9865, org.assertj.core.api.Assertions.within(1e-4));
      assertThat(r.warnings()).extracting(w -> w.code()).contains("did-not-converge", "coefficients-may-be-infinite");
      for (CoxTerm term : r.terms()) {
        assertThat(term.se()).isNotNaN();
        assertThat(term.p()).isBetween(0.0, 1.0);
      }
    }
  }

  /**
   * The sample on which {@code CoxPropertiesTest.rowOrderChangesNothing} once failed: 36 rows all at
   * time 0.01, one event, and covariates that separate the event from every other row, so the
   * likelihood has no maximum and Newton–Raphson runs out of iterations at an arbitrary point of a
   * divergent path. Whether the information of x3 is numerically singular there depended on the
   * order of the rows, and a singular one used to be refused as degenerate. R survival 3.5-3
   * ({@code coxph(Surv(time, status) ~ x1 + x2 + x3)}) refuses neither order: it warns "Ran out of
   * iterations and did not converge", with loglik -3.58351893845611 (-log 36) at zero and
   * -1.27897692436818e-13 at the end, score test 25.5054945054945, and a zero variance for x3 in
   * some row orders but not others.
   */
  @Test
  void aFitThatRunsOutOfIterationsIsReturnedWhateverTheRowOrder() {
    // rows of: the event, x1 = 1, x2 = 0.03, x3 = 0.01 (as generated, and as shuffled by Random(0))
    for (int[] at : new int[][] {{2, 4, 5, 27}, {26, 22, 32, 27}}) {
      double[] t = new double[36];
      java.util.Arrays.fill(t, 0.01);
      boolean[] e = new boolean[36];
      double[] x1 = new double[36];
      double[] x2 = new double[36];
      double[] x3 = new double[36];
      e[at[0]] = true;
      x2[at[0]] = 0.05;
      x1[at[1]] = 1;
      x2[at[2]] = 0.03;
      x3[at[3]] = 0.01;
      SurvivalSample s = SurvivalSample.builder(t, e).covariate("x1", x1).covariate("x2", x2).covariate("x3", x3)
          .build();
      for (Ties ties : Ties.values()) {
        CoxPh.Result r = CoxPh.withDefaults().withTies(ties).fit(s);
        assertThat(r.converged()).isFalse();
        assertThat(r.warnings()).extracting(w -> w.code()).contains("did-not-converge");
        assertThat(r.nEvent()).isEqualTo(1);
        assertRunawayFit(r, 36, -3.58351893845611, -1.27897692436818e-13, 25.5054945054945);
      }
    }
  }

  /**
   * A monotone likelihood on which the fit converges: two events, three covariates. R survival
   * 3.5-3 warns "Loglik converged before variable 1,2,3; coefficient may be infinite" with loglik
   * -6.24027584517077 at zero and -2.83321334502591 at the end and score test 25.7896345195571,
   * and reports x3 as NA (its information singular at the end) in some row orders but not others.
   * This fit is never refused: x3 is named in a warning and its standard error is infinite.
   */
  @Test
  void aConvergedFitWhoseInformationVanishedIsReturnedWithTheCovariateNamed() {
    double[] time = {0.02, 0.03, 0.02, 0.02, 0.02, 0.03, 0.01, 0.02, 0.01, 0.03, 0.03, 0.02, 0.01, 0.02, 0.01, 0.02,
        0.01, 0.03, 0.03, 0.01, 0.01, 0.01, 0.03, 0.02, 0.03, 0.03, 0.02};
    int n = time.length;
    for (boolean reversed : new boolean[] {false, true}) {
      java.util.function.IntUnaryOperator row = i -> reversed ? n - 1 - i : i;
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        t[row.applyAsInt(i)] = time[i];
      }
      boolean[] event = new boolean[n];
      double[] x1 = new double[n];
      double[] x2 = new double[n];
      double[] x3 = new double[n];
      event[row.applyAsInt(0)] = true;
      event[row.applyAsInt(20)] = true;
      x1[row.applyAsInt(14)] = 1;
      x1[row.applyAsInt(22)] = 1;
      x2[row.applyAsInt(7)] = -0.01;
      x2[row.applyAsInt(16)] = 0.1;
      x2[row.applyAsInt(20)] = 1;
      x3[row.applyAsInt(7)] = 0.05;
      SurvivalSample s = SurvivalSample.builder(t, event).covariate("x1", x1).covariate("x2", x2).covariate("x3", x3)
          .build();
      for (Ties ties : Ties.values()) {
        CoxPh.Result r = CoxPh.withDefaults().withTies(ties).fit(s);
        assertThat(r.converged()).isTrue();
        assertThat(r.warnings()).extracting(w -> w.code()).contains("coefficient-may-be-infinite");
        assertRunawayFit(r, n, -6.24027584517077, -2.83321334502591, 25.7896345195571);
        if (!reversed) {
          // here the iterations stop where x3's pivot is below toler.chol, as in some of R's row orders
          assertThat(r.warnings()).extracting(w -> w.code()).contains("information-vanished");
        }
      }
    }
  }

  /**
   * What a fit on a monotone likelihood must report whatever the row order: R's likelihoods and
   * score test, no NaN, and no p = 0 from a vanished information.
   */
  private static void assertRunawayFit(CoxPh.Result r, int n, double loglikNull, double loglik, double score) {
    assertThat(r.n()).isEqualTo(n);
    assertThat(r.loglikNull()).isCloseTo(loglikNull, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.loglik()).isCloseTo(loglik, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.score().statistic()).isCloseTo(score, org.assertj.core.api.Assertions.within(1e-9));
    java.util.List<String> vanished = r.warnings().stream().filter(w -> w.code().equals("information-vanished"))
        .map(w -> w.message()).toList();
    assertThat(vanished).hasSizeLessThanOrEqualTo(1);
    for (CoxTerm term : r.terms()) {
      assertThat(term.se()).isNotNaN().isPositive();
      assertThat(term.p()).isBetween(0.0, 1.0);
      if (term.se() == Double.POSITIVE_INFINITY) {
        assertThat(vanished).singleElement().asString().contains("'" + term.name() + "'");
        assertThat(term.z()).isZero();
        assertThat(term.p()).isEqualTo(1.0);
        assertThat(term.hazardRatioInterval().lower()).isZero();
        assertThat(term.hazardRatioInterval().upper()).isInfinite();
      } else {
        assertThat(vanished).noneMatch(m -> m.contains("'" + term.name() + "'"));
      }
    }
  }
}
