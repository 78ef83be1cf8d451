package org.outcome.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.RFixtures;

/**
 * Small data worked by hand, each value also checked against R (survival 3.5-3); the R call is
 * written next to the values.
 */
class WorkedExamplesTest {
  private static final double TOL = 1e-12;

  /**
   * therneau/survival tests/book1.R, test1 without its row of missing status: times 1, 1+, 6, 6,
   * 8+, 9 — a tie of events, an event and a censoring at the same time, a censored observation
   * before the last time, and the curve ending at 0.
   */
  private static final double[] BOOK1_TIME = {9, 1, 1, 6, 6, 8};
  private static final boolean[] BOOK1_EVENT = {true, true, false, true, true, false};

  @Test
  void book1ByHand() {
    KaplanMeierCurve c = KaplanMeier.withDefaults().fit(SurvivalSample.of(BOOK1_TIME, BOOK1_EVENT)).curves().get(0);

    // distinct times 1, 6, 8, 9; at risk 6, 4, 2, 1; the censoring at 1 counts as at risk at 1
    assertThat(c.time()).containsExactly(1, 6, 8, 9);
    assertThat(c.nRisk()).containsExactly(6, 4, 2, 1);
    assertThat(c.nEvent()).containsExactly(1, 2, 0, 1);
    assertThat(c.nCensor()).containsExactly(1, 0, 1, 0);
    // S = 5/6, 5/6 * 2/4 = 5/12, 5/12, 5/12 * 0/1 = 0
    assertThat(c.survival()).containsExactly(new double[] {5.0 / 6, 5.0 / 12, 5.0 / 12, 0}, within(TOL));
    // Greenwood on the cumulative hazard: sqrt(1/(6*5)), sqrt(1/30 + 2/(4*2)), same, Inf (n = d)
    double[] se = c.stdErrCumHazard();
    assertThat(se[0]).isCloseTo(Math.sqrt(1.0 / 30), within(TOL));
    assertThat(se[1]).isCloseTo(Math.sqrt(1.0 / 30 + 0.25), within(TOL));
    assertThat(se[2]).isCloseTo(se[1], within(TOL));
    assertThat(se[3]).isInfinite();
    // R: survfit(Surv(time, status) ~ 1, d)$std.err = 0.18257418583505536 0.53229064742237708 .. Inf
    assertThat(se[1]).isCloseTo(0.53229064742237708, within(TOL));
    // log limits are NA where S = 0
    assertThat(c.lower(3)).isEmpty();
    assertThat(c.upper(3)).isEmpty();

    // median: first time S <= 0.5 is 6; the upper limit curve never reaches 0.5 (R: NA)
    assertThat(c.median().median()).hasValue(6);
    assertThat(c.median().lower()).hasValue(6);
    assertThat(c.median().upper()).isEmpty();

    // rmean to the last time 9: 1*1 + 5*(5/6) + 2*(5/12) + 1*(5/12) = 77/12;
    // se^2 = A(1)^2/30 + A(6)^2/4 with A(1) = 65/12 (area from 1 to 9), A(6) = 15/12
    assertThat(c.restrictedMean().mean()).isCloseTo(77.0 / 12, within(TOL));
    double a1 = 65.0 / 12;
    double a6 = 15.0 / 12;
    assertThat(c.restrictedMean().stdErr()).isCloseTo(Math.sqrt(a1 * a1 / 30 + a6 * a6 / 4), within(TOL));
    // R: summary(survfit(Surv(time, status) ~ 1, d))$table: rmean 6.416666666666667, se 1.1698864300688592
    assertThat(c.restrictedMean().stdErr()).isCloseTo(1.1698864300688592, within(TOL));
  }

  /**
   * Two readmissions and one censoring on the day of discharge (time 0; R's {@code Surv} allows
   * it), then times 2, 3, 3+, 5, 7+, 8, 10+. At 0 all ten are at risk and the censoring there
   * still counts, so {@code S(0) = 8/10}; the curve starts below 1, as R's: {@code f <-
   * survfit(Surv(time, status) ~ 1, data = d)}: time 0 2 3 5 7 8 10, n.risk 10 7 6 4 3 2 1,
   * surv 0.8 0.68571428571428572 0.57142857142857151 ..., std.err 0.15811388300841897
   * 0.22092877542213421 ...; {@code summary(f)$table}: median 5, 0.95LCL 2, 0.95UCL NA, rmean
   * 5.1428571428571432, se(rmean) 1.2525658796242352; {@code summary(f, times = c(0, 1))}: n.risk
   * 10 7, n.event 2 0, n.censor 1 0, surv 0.8 0.8 (the rows at 0 are read at 0, not before it).
   */
  @Test
  void readmissionsOnTheDayOfDischargeByHand() {
    SurvivalSample s = SurvivalSample.of(new double[] {0, 0, 0, 2, 3, 3, 5, 7, 8, 10},
        new boolean[] {true, true, false, true, false, true, true, false, true, false});
    KaplanMeierCurve c = KaplanMeier.withDefaults().withTimes(0, 1).fit(s).curves().get(0);

    assertThat(c.time()).containsExactly(0, 2, 3, 5, 7, 8, 10);
    assertThat(c.nRisk()).containsExactly(10, 7, 6, 4, 3, 2, 1);
    assertThat(c.nEvent()).containsExactly(2, 1, 1, 1, 0, 1, 0);
    assertThat(c.nCensor()).containsExactly(1, 0, 1, 0, 1, 0, 1);
    // 8/10, then 8/10 * 6/7, 8/10 * 6/7 * 5/6 = 4/7
    assertThat(c.survival()[0]).isCloseTo(0.8, within(TOL));
    assertThat(c.survival()[1]).isCloseTo(0.68571428571428572, within(TOL));
    assertThat(c.survival()[2]).isCloseTo(0.57142857142857151, within(TOL));
    // Greenwood at 0: sqrt(2 / (10 * 8))
    assertThat(c.stdErrCumHazard()[0]).isCloseTo(0.15811388300841897, within(TOL));
    assertThat(c.stdErrCumHazard()[1]).isCloseTo(0.22092877542213421, within(TOL));
    assertThat(c.median().median()).hasValue(5);
    assertThat(c.median().lower()).hasValue(2);
    assertThat(c.median().upper()).isEmpty();
    // the first rectangle, from 0 to 0, is empty: 2 * 0.8 + 1 * 24/35 + 2 * 4/7 + 2 * 3/7 + 1 * 3/7 + 2 * 3/14
    assertThat(c.restrictedMean().mean()).isCloseTo(5.1428571428571432, within(TOL));
    assertThat(c.restrictedMean().stdErr()).isCloseTo(1.2525658796242352, within(TOL));
    assertThat(c.at()).extracting(SurvivalAt::nRisk).containsExactly(10L, 7L);
    assertThat(c.at()).extracting(SurvivalAt::nEvent).containsExactly(2L, 0L);
    assertThat(c.at()).extracting(SurvivalAt::nCensor).containsExactly(1L, 0L);
    assertThat(c.at()).allSatisfy(a -> assertThat(a.survival().getAsDouble()).isCloseTo(0.8, within(TOL)));
  }

  @Test
  void medianOnAFlatSegmentIsTheMidpoint() {
    // four events at 1..4: S = .75, .5, .25, 0; S is exactly 0.5 from 2 to 3, so the median is 2.5.
    // R: summary(survfit(Surv(c(1,2,3,4), c(1,1,1,1)) ~ 1))$table: median 2.5, 0.95LCL 1, 0.95UCL NA,
    //    rmean 2.5, se(rmean) 0.55901699437494745
    KaplanMeierCurve c = KaplanMeier.withDefaults()
        .fit(SurvivalSample.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true})).curves().get(0);

    assertThat(c.median().median()).hasValue(2.5);
    assertThat(c.median().lower()).hasValue(1);
    assertThat(c.median().upper()).isEmpty();
    assertThat(c.restrictedMean().mean()).isCloseTo(2.5, within(TOL));
    assertThat(c.restrictedMean().stdErr()).isCloseTo(0.55901699437494745, within(TOL));
  }

  @Test
  void logRankByHand() {
    // A: events at 1 and 3; B: events at 2 and 4.
    // t=1: N=4, nA=2, D=1 -> E_A += 1/2, V_AA += 2*3/12 * (1 - 2/4) = 1/4
    // t=2: N=3, nA=1, D=1 -> E_A += 1/3, V_AA += 1*2/6 * (1 - 1/3) = 2/9
    // t=3: N=2, nA=1, D=1 -> E_A += 1/2, V_AA += 1*1/2 * (1 - 1/2) = 1/4
    // t=4: N=1, nA=0 -> nothing (one at risk: no variance)
    // chisq = (O_B - E_B)^2 / V = (2 - 8/3)^2 / (13/18) = 8/13
    // R: survdiff(Surv(c(1,3,2,4), c(1,1,1,1)) ~ c("A","A","B","B")): obs 2 2, exp 1.3333 2.6667,
    //    chisq 0.61538461538461509, var 0.7222222222222221
    SurvivalSample s = SurvivalSample.builder(new double[] {1, 3, 2, 4}, new boolean[] {true, true, true, true})
        .group(Factor.of("A", "A", "B", "B")).build();
    LogRank.Result r = LogRank.withDefaults().test(s);

    assertThat(r.observed()).containsExactly(new double[] {2, 2}, within(TOL));
    assertThat(r.expected()).containsExactly(new double[] {4.0 / 3, 8.0 / 3}, within(TOL));
    assertThat(r.variance()[0][0]).isCloseTo(13.0 / 18, within(TOL));
    assertThat(r.variance()[0][1]).isCloseTo(-13.0 / 18, within(TOL));
    assertThat(r.chisq()).isCloseTo(8.0 / 13, within(TOL));
    assertThat(r.df()).isEqualTo(1);
  }

  /**
   * After a curve's last time the last step is carried forward, marked as such (issue 19). R, on
   * the fixture's rows (lung, complete cases): {@code summary(survfit(Surv(time, event) ~ sex,
   * data = d), times = c(500, 1000, 1100), extend = TRUE)}: sex = 2 (last time 965) at 1000 and
   * 1100 both give surv 0.08321444351, std.err 0.04992127444, log limits (0.02567753896,
   * 0.2696770754), n.risk 0; n.event 11 then 0; sex = 1 (last time 1022) at 1100: 0.03597455548.
   */
  @Test
  void aCurveReadAfterItsLastTimeCarriesItsLastValueAsRDoesWithExtend() {
    SurvivalSample lung = SurvivalFixturesTest.sample(RFixtures.byId("kaplan-meier", "survival/km-lung-sex"), "sex",
        java.util.Optional.empty());
    KaplanMeier.Result km = KaplanMeier.withDefaults().withTimes(500, 1000, 1100).fit(lung);
    List<SurvivalAt> women = km.curve("2").orElseThrow().at();
    assertThat(women).extracting(SurvivalAt::beyondLastTime).containsExactly(false, true, true);
    assertThat(women).extracting(SurvivalAt::nRisk).containsExactly(21L, 0L, 0L);
    assertThat(women).extracting(SurvivalAt::nEvent).containsExactly(42L, 11L, 0L);
    assertThat(women).extracting(SurvivalAt::nCensor).containsExactly(27L, 10L, 0L);
    for (SurvivalAt a : women.subList(1, 3)) {
      close(a.survival().getAsDouble(), 0.08321444351);
      close(a.stdErrSurvival().getAsDouble(), 0.04992127444);
      close(a.lower().getAsDouble(), 0.02567753896);
      close(a.upper().getAsDouble(), 0.2696770754);
    }
    // men: last time 1022, so 1000 is inside the curve and 1100 is carried
    List<SurvivalAt> men = km.curve("1").orElseThrow().at();
    assertThat(men).extracting(SurvivalAt::beyondLastTime).containsExactly(false, false, true);
    close(men.get(2).survival().getAsDouble(), 0.03597455548);
    assertThat(men.get(2).nCensor()).isEqualTo(2);
  }

  private static SurvivalSample aml() {
    return SurvivalFixturesTest.sample(RFixtures.byId("log-rank", "survival/logrank-aml"), "group",
        java.util.Optional.empty());
  }

  private static final double REL = 1e-10;

  private static void close(double actual, double r) {
    assertThat(actual).isCloseTo(r, within(1e-12 + REL * Math.abs(r)));
  }

  @Test
  void oneLineOfGroupedCurvesGivesEachMedian() {
    KaplanMeier.Result km = KaplanMeier.withDefaults().fit(aml());

    // R: survfit(Surv(time, status) ~ x, aml): medians 31 (18, NA) and 23 (8, NA); no upper limit,
    // so no interval is shown
    assertThat(km.estimate()).isEmpty();
    assertThat(km.estimates()).extracting(e -> e.value()).containsExactly(31.0, 23.0);
    assertThat(org.outcome.api.result.ResultText.oneLine(km))
        .isEqualTo("median survival time, Maintained 31; median survival time, Nonmaintained 23");
  }

  @Test
  void petoPetoOnAml() {
    // R: s <- survdiff(Surv(time, status) ~ x, data = aml, rho = 1)
    //    s$obs 3.8454106280193239 7.1815044858523116; s$exp 6.1428571428571423 4.8840579710144922
    //    s$chisq 2.7792795447517733; s$pvalue 0.095491115406493104
    LogRank.Result r = LogRank.withDefaults().withRho(1).test(aml());
    close(r.observed()[0], 3.8454106280193239);
    close(r.observed()[1], 7.1815044858523116);
    close(r.expected()[0], 6.1428571428571423);
    close(r.expected()[1], 4.8840579710144922);
    close(r.chisq(), 2.7792795447517733);
    close(r.p(), 0.095491115406493104);
    assertThat(r.method()).contains("Peto-Peto");
  }

  @Test
  void gRhoHalfOnAml() {
    // R: s <- survdiff(Surv(time, status) ~ x, data = aml, rho = 0.5)
    //    s$obs 5.0535219122710195 8.6606715085145662; s$exp 7.8469663647850298 5.8672270560005559
    //    s$chisq 3.0186432878698306; s$pvalue 0.082312300579023653
    LogRank.Result r = LogRank.withDefaults().withRho(0.5).test(aml());
    close(r.observed()[0], 5.0535219122710195);
    close(r.expected()[1], 5.8672270560005559);
    close(r.chisq(), 3.0186432878698306);
    close(r.p(), 0.082312300579023653);
  }

  @Test
  void plainLimitsClipAndAreNaWhereSurvivalIsZero() {
    // R: fp <- survfit(Surv(time, status) ~ x, data = aml, conf.type = "plain"); fp$lower, fp$upper
    KaplanMeier.Result km = KaplanMeier.withDefaults().withConfType(ConfType.PLAIN).fit(aml());
    KaplanMeierCurve maintained = km.curve("Maintained").orElseThrow();
    KaplanMeierCurve non = km.curve("Nonmaintained").orElseThrow();
    double[] lowerM = {0.73920433313384837, 0.59025505879901674, 0.44217077871507732, 0.31448249194643668,
        0.31448249194643668, 0.16909620065170372, 0.049356660555454401, 0.049356660555454401, 0, 0};
    double[] upperM = {1, 1, 0.98964740310310439, 0.91279023532629044, 0.91279023532629044, 0.81272198116647798,
        0.68700697580818193, 0.68700697580818193, 0.48493116272020675, 0.48493116272020675};
    for (int i = 0; i < lowerM.length; i++) {
      close(maintained.lower()[i], lowerM[i]);
      close(maintained.upper()[i], upperM[i]);
    }
    // the last Nonmaintained time has S = 0: R gives NaN for both plain limits
    assertThat(non.lower(non.size() - 1)).isEmpty();
    assertThat(non.upper(non.size() - 1)).isEmpty();
    close(non.lower()[8], 0); // clipped at 0
    close(non.upper()[8], 0.27727698894917452);
    // R: summary(fp)$table: medians 31 (18, 48) and 23 (8, 33)
    assertThat(maintained.median()).isEqualTo(new MedianSurvival(opt(31), opt(18), opt(48), 0.95));
    assertThat(non.median()).isEqualTo(new MedianSurvival(opt(23), opt(8), opt(33), 0.95));
  }

  @Test
  void logLogAtNinetyPercent() {
    // R: fl <- survfit(Surv(time, status) ~ x, data = aml, conf.int = 0.9, conf.type = "log-log"); fl$lower
    KaplanMeier.Result km = KaplanMeier.withDefaults().withConfType(ConfType.LOG_LOG).withConfLevel(0.9).fit(aml());
    KaplanMeierCurve non = km.curve("Nonmaintained").orElseThrow();
    double[] lower = {0.55747768856873925, 0.39531602419137729, 0.3214736302023905, 0.3214736302023905,
        0.23571444720132789, 0.16135465709025271, 0.097798874872532873, 0.046262345005378472, 0.010668302903133029};
    for (int i = 0; i < lower.length; i++) {
      close(non.lower()[i], lower[i]);
    }
    assertThat(non.lower(9)).isEmpty();
    assertThat(non.median().lower()).hasValue(8);
    assertThat(non.median().upper()).hasValue(33);
  }

  @Test
  void rmstDifferenceAndRatioAtForty() {
    // R: t40 <- summary(survfit(Surv(time, status) ~ x, data = aml), rmean = 40)$table
    //    rmean 28.897727272727270 (se 3.4675776788915997), 21.930555555555557 (se 3.8356411631845924)
    //    difference (Nonmaintained - Maintained) and its se, CI and p by
    //    dd <- m1 - m0; se <- sqrt(s1^2 + s0^2); dd -/+ qnorm(.975) * se; 2 * pnorm(-abs(dd) / se):
    //    -6.9671717171717127 5.1707096313623442 -17.101576369156284 3.1672329348128585 0.17784163219555257
    //    ratio exp(log(m1) - log(m0)), se sqrt(s1^2/m1^2 + s0^2/m0^2), CI and p:
    //    0.75890243369598476 0.21210506881644242 0.50077401299706015 1.1500854455741687 0.19336601737045381
    Rmst.Result r = Rmst.withDefaults().withTau(40).compare(aml());

    assertThat(r.tau()).isEqualTo(40);
    close(r.groups().get(0).rmean(), 28.897727272727270);
    close(r.groups().get(0).stdErr(), 3.4675776788915997);
    close(r.groups().get(1).rmean(), 21.930555555555557);
    close(r.groups().get(1).stdErr(), 3.8356411631845924);
    RmstContrast c = r.contrasts().get(0);
    assertThat(c.group()).isEqualTo("Nonmaintained");
    assertThat(c.reference()).isEqualTo("Maintained");
    close(c.difference(), -6.9671717171717127);
    close(c.differenceStdErr(), 5.1707096313623442);
    close(c.differenceInterval().lower(), -17.101576369156284);
    close(c.differenceInterval().upper(), 3.1672329348128585);
    close(c.differenceP(), 0.17784163219555257);
    close(c.ratio(), 0.75890243369598476);
    close(c.logRatioStdErr(), 0.21210506881644242);
    close(c.ratioInterval().lower(), 0.50077401299706015);
    close(c.ratioInterval().upper(), 1.1500854455741687);
    close(c.ratioP(), 0.19336601737045381);
    assertThat(r.estimate()).hasValueSatisfying(e -> close(e.value(), -6.9671717171717127));
    assertThat(r.test()).hasValueSatisfying(t -> close(t.pValue(), 0.17784163219555257));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void readingCurvesAtChosenTimes() {
    // R: sa <- summary(survfit(Surv(time, status) ~ x, data = aml, conf.type = "log-log"),
    //                  times = c(5, 12, 30, 45, 48))
    KaplanMeier.Result km = KaplanMeier.withDefaults().withConfType(ConfType.LOG_LOG).withTimes(48, 5, 12, 30, 45)
        .fit(aml());
    List<SurvivalAt> m = km.curve("Maintained").orElseThrow().at();
    assertThat(m).extracting(SurvivalAt::time).containsExactly(5.0, 12.0, 30.0, 45.0, 48.0);
    assertThat(m).extracting(SurvivalAt::nRisk).containsExactly(11L, 10L, 5L, 3L, 2L);
    assertThat(m).extracting(SurvivalAt::nEvent).containsExactly(0L, 1L, 3L, 2L, 1L);
    assertThat(m).extracting(SurvivalAt::nCensor).containsExactly(0L, 0L, 2L, 1L, 0L);
    // before the first event: survival 1 with limits (1, 1), as R reads survfit0's time-0 row
    assertThat(m.get(0).survival()).hasValue(1);
    assertThat(m.get(0).lower()).hasValue(1);
    close(m.get(2).survival().getAsDouble(), 0.61363636363636354);
    close(m.get(2).stdErrSurvival().getAsDouble(), 0.15263233102731200);
    close(m.get(2).lower().getAsDouble(), 0.265752040001286105);
    close(m.get(4).upper().getAsDouble(), 0.52501484272664145);

    List<SurvivalAt> n = km.curve("Nonmaintained").orElseThrow().at();
    assertThat(n).extracting(SurvivalAt::nRisk).containsExactly(12L, 8L, 4L, 1L, 0L);
    assertThat(n).extracting(SurvivalAt::nEvent).containsExactly(2L, 3L, 3L, 3L, 0L);
    // at 45, S = 0: R gives std.err NaN and NA limits
    assertThat(n.get(3).survival()).hasValue(0);
    assertThat(n.get(3).stdErrSurvival()).isEmpty();
    assertThat(n.get(3).lower()).isEmpty();
    // 48 is after the last Nonmaintained time (45): the last step carried forward, as R's
    // summary(fit, times = c(5, 12, 30, 45, 48), extend = TRUE): surv 0, std.err NaN, lower NA
    assertThat(n.get(4).survival()).hasValue(0);
    assertThat(n.get(4).beyondLastTime()).isTrue();
    assertThat(n.get(4).stdErrSurvival()).isEmpty();
    assertThat(n.get(4).lower()).isEmpty();
    assertThat(n.subList(0, 4)).noneMatch(SurvivalAt::beyondLastTime);
    assertThat(m).noneMatch(SurvivalAt::beyondLastTime);
  }

  private static java.util.OptionalDouble opt(double v) {
    return java.util.OptionalDouble.of(v);
  }
}
