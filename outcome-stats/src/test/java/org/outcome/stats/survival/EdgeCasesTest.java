package org.outcome.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.outcome.api.AnalysisId;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/** Degenerate data, time matching, validation of aggregated counts, registration, the fixture helper. */
class EdgeCasesTest {
  private static SurvivalSample sample(double[] t, boolean[] e, String... groups) {
    SurvivalSample.Builder b = SurvivalSample.builder(t, e);
    if (groups.length > 0) {
      b.group(Factor.of(groups));
    }
    return b.build();
  }

  @Test
  void nearEqualTimesAreTiedAsRDoes() {
    // R: f <- survfit(Surv(c(1, 1+1e-10, 2, 3, 3*(1+1e-9)), c(1,1,0,1,0)) ~ 1)
    //    f$time 1 2 3; f$n.event 2 0 1; f$surv 0.6 0.6 0.3
    double[] t = {1, 1 + 1e-10, 2, 3, 3 * (1 + 1e-9)};
    boolean[] e = {true, true, false, true, false};
    KaplanMeierCurve c = KaplanMeier.withDefaults().fit(SurvivalSample.of(t, e)).curves().get(0);
    assertThat(c.time()).containsExactly(1, 2, 3);
    assertThat(c.nEvent()).containsExactly(2, 0, 1);
    assertThat(c.survival()).containsExactly(0.6, 0.6, 0.3);

    KaplanMeierCurve exact = KaplanMeier.withDefaults().withTimeMatching(TimeMatching.EXACT)
        .fit(SurvivalSample.of(t, e)).curves().get(0);
    assertThat(exact.size()).isEqualTo(5);
  }

  @Test
  void minusZeroIsTheTimeZero() {
    // R: survfit(Surv(c(-0, 0, 0, 1), c(1, 1, 0, 1)) ~ 1, timefix = FALSE): time 0 1, n.event 2 1,
    //    n.censor 1 0, surv 0.5 0 (R's numbers have one zero; Java's doubles have two, equal but not identical)
    double[] t = {-0.0, 0.0, 0.0, 1};
    boolean[] e = {true, true, false, true};
    for (TimeMatching m : TimeMatching.values()) {
      KaplanMeierCurve c = KaplanMeier.withDefaults().withTimeMatching(m).fit(sample(t, e)).curves().get(0);
      assertThat(c.time()).as("%s", m).containsExactly(0, 1);
      assertThat(Double.doubleToRawLongBits(c.time()[0])).isZero(); // +0, not -0
      assertThat(c.nEvent()).containsExactly(2, 1);
      assertThat(c.nCensor()).containsExactly(1, 0);
      assertThat(c.survival()).containsExactly(0.5, 0);
    }
    SurvivalCounts.Builder b = SurvivalCounts.builder(Optional.empty(), Optional.empty())
        .timeMatching(TimeMatching.EXACT);
    b.add(0, 0, -0.0, 2, 0).add(0, 0, 0.0, 0, 1).add(0, 0, 1, 1, 0);
    assertThat(b.build()).isEqualTo(SurvivalCounts.of(sample(t, e), TimeMatching.EXACT));
  }

  @Test
  void allCensoredGivesAFlatCurveWithAWarningNotAnError() {
    KaplanMeier.Result r = KaplanMeier.withDefaults()
        .fit(SurvivalSample.of(new double[] {3, 1, 2}, new boolean[] {false, false, false}));
    KaplanMeierCurve c = r.curves().get(0);
    assertThat(c.survival()).containsOnly(1.0);
    assertThat(c.median().median()).isEmpty();
    assertThat(c.restrictedMean().mean()).isEqualTo(3);
    assertThat(c.restrictedMean().stdErr()).isZero();
    assertThat(r.warnings()).extracting(Warning::code).containsExactly("no-events");
    assertThat(r.estimate()).isEmpty();
  }

  @Test
  void anEmptyGroupLevelIsLeftOutWithAWarning() {
    SurvivalSample s = SurvivalSample.builder(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, false})
        .group(Factor.withLevels(new String[] {"a", "a", "c", "c"}, List.of("a", "b", "c"))).build();

    KaplanMeier.Result km = KaplanMeier.withDefaults().fit(s);
    assertThat(km.curves()).extracting(c -> c.group().orElseThrow()).containsExactly("a", "c");
    assertThat(km.warnings()).extracting(Warning::code).contains("empty-curve");

    LogRank.Result lr = LogRank.withDefaults().test(s);
    assertThat(lr.groups()).containsExactly("a", "c");
    assertThat(lr.df()).isEqualTo(1);
    assertThat(lr.warnings()).extracting(Warning::code).contains("empty-group");
  }

  @Test
  void logRankNeedsTwoGroupsAndEvents() {
    assertThatThrownBy(() -> LogRank.withDefaults().test(sample(new double[] {1, 2}, new boolean[] {true, true})))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("no group column");
    assertThatThrownBy(() -> LogRank.withDefaults()
        .test(sample(new double[] {1, 2}, new boolean[] {true, true}, "x", "x")))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("only one group (x)");
    assertThatThrownBy(() -> LogRank.withDefaults()
        .test(sample(new double[] {1, 2, 3}, new boolean[] {false, false, false}, "x", "y", "y")))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("no events");
  }

  @Test
  void aGroupNeverAtRiskAtAnEventTimeAddsNoDegreeOfFreedom() {
    // group z's only row is censored before the first event: expected 0, as R's survdiff drops it from df.
    // R: survdiff(Surv(c(5,6,7,8,1), c(1,0,1,1,0)) ~ c("x","x","y","y","z")) -> 1 degree of freedom
    SurvivalSample s = sample(new double[] {5, 6, 7, 8, 1}, new boolean[] {true, false, true, true, false},
        "x", "x", "y", "y", "z");
    LogRank.Result r = LogRank.withDefaults().test(s);
    assertThat(r.df()).isEqualTo(1);
    assertThat(r.expected()[2]).isZero();
    assertThat(r.warnings()).extracting(Warning::code).contains("no-expected-events");
  }

  @Test
  void aSampleWithNoRowsIsDegenerate() {
    SurvivalSample empty = SurvivalSample.of(new double[0], new boolean[0]);
    assertThatThrownBy(() -> KaplanMeier.withDefaults().fit(empty)).isInstanceOf(DegenerateDataException.class);
  }

  @Test
  void rmstRejectsStrataAndUnknownReferences() {
    SurvivalSample stratified = SurvivalSample.builder(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true})
        .group(Factor.of("a", "b", "a", "b")).strata(Factor.of("s", "s", "t", "t")).build();
    assertThatThrownBy(() -> Rmst.withDefaults().compare(stratified)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("strata");
    SurvivalSample two = sample(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true}, "a", "b", "a", "b");
    assertThatThrownBy(() -> Rmst.withDefaults().withReference("zz").compare(two))
        .isInstanceOf(InvalidInputException.class);
  }

  /**
   * Restricted means with no variance are given, with standard error 0, point intervals, no test
   * and a warning naming both groups (issue 19: this was refused, with a message wrongly saying no
   * group had an event). R: {@code d <- data.frame(time = c(12, 15, 11, 20, 3, 4, 4), status =
   * c(1, 1, 0, 1, 1, 1, 1), g = c("a", "a", "b", "b", "c", "d", "d")); summary(survfit(Surv(time,
   * status) ~ g, data = d), rmean = 10)$table}: rmean 10, 10, 3, 4, every se(rmean) 0.
   */
  @Test
  void rmstWithoutVarianceGivesTheMeansWithStandardErrorZeroAndNoTest() {
    SurvivalSample s = sample(new double[] {12, 15, 11, 20, 3, 4, 4},
        new boolean[] {true, true, false, true, true, true, true}, "a", "a", "b", "b", "c", "d", "d");
    Rmst.Result r = Rmst.withDefaults().withTau(10).compare(s);
    assertThat(r.groups()).extracting(RmstGroup::rmean).containsExactly(10.0, 10.0, 3.0, 4.0);
    assertThat(r.groups()).extracting(RmstGroup::stdErr).containsExactly(0.0, 0.0, 0.0, 0.0);
    RmstContrast cVsA = r.contrasts().get(1);
    assertThat(cVsA.group()).isEqualTo("c");
    assertThat(cVsA.difference()).isEqualTo(-7.0);
    assertThat(cVsA.differenceStdErr()).isZero();
    assertThat(cVsA.differenceInterval().lower()).isEqualTo(-7.0);
    assertThat(cVsA.differenceInterval().upper()).isEqualTo(-7.0);
    assertThat(cVsA.differenceP()).isNaN();
    assertThat(cVsA.ratio()).isCloseTo(0.3, within(1e-15));
    assertThat(r.warnings()).filteredOn(w -> w.code().equals("rmst-no-variance")).hasSize(3)
        .first().satisfies(w -> assertThat(w.message()).contains("group b and group a"));
    // two groups, one with variance: an ordinary test
    SurvivalSample two = sample(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true}, "a", "b", "a", "b");
    assertThat(Rmst.withDefaults().withTau(3.5).compare(two).test()).isPresent();
    assertThat(Rmst.withDefaults().withTau(0.5).compare(two).test()).isEmpty();
  }

  /**
   * A group whose every row is an event at time 0 has a restricted mean of 0, and the ratio to it
   * is 0 whatever the other mean. R: {@code d <- data.frame(time = c(0, 0, 0, 1, 2, 3), status =
   * c(1, 1, 1, 1, 0, 1), g = c("b", "b", "b", "a", "a", "a")); t <- summary(survfit(Surv(time,
   * status) ~ g, data = d), rmean = 2.5)$table}: rmean 2 (se 0.40824829046386302) and 0 (se 0);
   * with survRM2's arithmetic (as in WorkedExamplesTest) the difference -2, se 0.40824829046386302,
   * p 9.6335700864309671e-07; the ratio exp(log(0) - log(2)) = 0 and NaN for its se, interval and p.
   */
  @Test
  void rmstOfAGroupThatHasItsEveryEventAtTimeZeroIsZeroAndItsRatioIsAPoint() {
    SurvivalSample s = sample(new double[] {0, 0, 0, 1, 2, 3}, new boolean[] {true, true, true, true, false, true},
        "b", "b", "b", "a", "a", "a");
    Rmst.Result r = Rmst.withDefaults().withTau(2.5).compare(s);
    assertThat(r.groups().get(0).rmean()).isCloseTo(2, within(1e-12));
    assertThat(r.groups().get(1).rmean()).isZero();
    assertThat(r.groups().get(0).stdErr()).isCloseTo(0.40824829046386302, within(1e-15));
    assertThat(r.groups().get(1).stdErr()).isZero();
    RmstContrast c = r.contrasts().get(0);
    assertThat(c.difference()).isCloseTo(-2, within(1e-12));
    assertThat(c.differenceStdErr()).isCloseTo(0.40824829046386302, within(1e-15));
    assertThat(c.differenceP()).isCloseTo(9.6335700864309671e-07, within(1e-9 * 9.6335700864309671e-07));
    assertThat(c.ratio()).isZero();
    assertThat(c.ratioInterval().lower()).isZero();
    assertThat(c.ratioInterval().upper()).isZero();
    assertThat(c.logRatioStdErr()).isNaN();
    assertThat(c.ratioP()).isNaN();
    assertThat(r.test()).isPresent(); // the difference has a variance
    assertThat(r.warnings()).filteredOn(w -> w.code().equals("rmst-zero-mean")).singleElement()
        .satisfies(w -> assertThat(w.message()).contains("group b is 0"));
    // with b as the reference the ratio is infinite
    RmstContrast reversed = Rmst.withDefaults().withTau(2.5).withReference("b").compare(s).contrasts().get(0);
    assertThat(reversed.ratio()).isInfinite();
    assertThat(reversed.ratioInterval().lower()).isInfinite();
    // the default tau, the smaller last time, would be 0: refused as withTau(0) is
    assertThatThrownBy(() -> Rmst.withDefaults().compare(s)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("restriction time 0");
    assertThatThrownBy(() -> Rmst.withDefaults().withTau(0)).isInstanceOf(IllegalArgumentException.class);
    // two groups with every row an event at 0 have no ratio (R: NaN)
    SurvivalSample none = sample(new double[] {0, 0, 0, 1}, new boolean[] {true, true, true, true}, "a", "b", "a", "c");
    assertThatThrownBy(() -> Rmst.withDefaults().withTau(1).withReference("a").compare(none))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("group b and group a are both 0");
  }

  @Test
  void rmstWarnsWhenTauIsAfterAGroupsLastTime() {
    SurvivalSample two = sample(new double[] {1, 2, 3, 9}, new boolean[] {true, true, true, false}, "a", "b", "a", "b");
    Rmst.Result r = Rmst.withDefaults().withTau(5).compare(two);
    assertThat(r.warnings()).extracting(Warning::code).containsExactly("rmean-extrapolated");
    // the default tau is the smaller of the last times (3 and 9)
    assertThat(Rmst.withDefaults().compare(two).tau()).isEqualTo(3);
  }

  @Test
  void aggregatedCountsAreValidatedEntryByEntry() {
    SurvivalCounts.Builder b = SurvivalCounts.builder(Optional.of(List.of("a", "b")), Optional.empty());
    b.add(0, 0, 1, 1, 0).add(0, 2, 1, 1, 0).add(1, 0, 1, 1, 0).add(0, 1, -1, 1, 0).add(0, 1, 2, -1, 0);
    assertThatThrownBy(b::build).isInstanceOf(InvalidInputException.class).satisfies(e -> {
      InvalidInputException invalid = (InvalidInputException) e;
      assertThat(invalid.violations()).hasSize(4);
      assertThat(invalid.violations().get(0).toString()).contains("entry 2", "group index 2");
    });
  }

  @Test
  void mergingRequiresTheSameLevels() {
    SurvivalCounts a = SurvivalCounts.of(sample(new double[] {1}, new boolean[] {true}, "a"));
    SurvivalCounts b = SurvivalCounts.of(sample(new double[] {1}, new boolean[] {true}, "b"));
    assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAnalysesAreRegistered() {
    AnalysisRegistry registry = AnalysisRegistry.load();
    assertThat(registry.ids()).contains(AnalysisId.of("kaplan-meier"), AnalysisId.of("log-rank"), AnalysisId.of("rmst"));
    SurvivalSample two = sample(new double[] {1, 2, 3, 4, 5, 6}, new boolean[] {true, true, true, true, false, true},
        "a", "b", "a", "b", "a", "b");
    for (String id : List.of("kaplan-meier", "log-rank", "rmst")) {
      var analysis = registry.require(AnalysisId.of(id));
      assertThat(analysis.design()).isEqualTo(Design.SURVIVAL);
      assertThat(analysis.sampleType()).isEqualTo(SurvivalSample.class);
    }
    @SuppressWarnings("unchecked")
    var logRank = (org.outcome.api.plugin.Analysis<SurvivalSample>) registry.require(AnalysisId.of("log-rank"));
    AnalysisResult r = logRank.run(two, AnalysisSettings.defaults());
    assertThat(r.test()).isPresent();
    assertThat(r.nUsed()).isEqualTo(6);
  }

  @Test
  void registeredRmstRestrictsToTheSettingsHorizon() {
    AnalysisRegistry registry = AnalysisRegistry.load();
    SurvivalSample two = sample(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new boolean[] {true, true, true, true, false, true, true, false},
        "a", "b", "a", "b", "a", "b", "a", "b");
    @SuppressWarnings("unchecked")
    var rmst = (org.outcome.api.plugin.Analysis<SurvivalSample>) registry.require(AnalysisId.of("rmst"));

    Rmst.Result byId = (Rmst.Result) rmst.run(two, AnalysisSettings.defaults().withHorizon(4.5));

    assertThat(byId.tau()).isEqualTo(4.5);
    assertThat(byId.groups()).isEqualTo(Rmst.withDefaults().withTau(4.5).compare(two).groups());
  }
}
