package org.outcome.stats;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.Coefficient;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoSampleTTest;
import org.outcome.stats.paired.McNemarTest;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import org.outcome.stats.tables.ChiSquareTest;
import org.outcome.stats.tables.FisherExactTest;
import org.outcome.stats.tables.RateRatioTest;
import org.outcome.stats.tables.RiskComparison;
import org.outcome.testkit.fixtures.Fixture;

/**
 * Every R reference fixture of the before-and-after and comparison-group kinds, run through the
 * Java API and compared field by field within the fixture's tolerance. The field names are the
 * fixtures' (and the CLI's JSON); each case's R call is in its {@code source}.
 */
class RFixturesTest {
  @Test
  void everyFixtureKindOfTheseDesignsIsPresent() {
    for (String kind : new String[] {"paired", "two-group", "ancova", "two-by-two", "mcnemar", "rate-ratio"}) {
      assertThat(RFixtures.ofKind(kind)).as(kind).isNotEmpty();
    }
  }

  static List<Fixture> paired() {
    return RFixtures.ofKind("paired");
  }

  static List<Fixture> twoGroup() {
    return RFixtures.ofKind("two-group");
  }

  static List<Fixture> ancova() {
    return RFixtures.ofKind("ancova");
  }

  static List<Fixture> twoByTwo() {
    return RFixtures.ofKind("two-by-two");
  }

  static List<Fixture> mcnemar() {
    return RFixtures.ofKind("mcnemar");
  }

  static List<Fixture> rateRatio() {
    return RFixtures.ofKind("rate-ratio");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void paired(Fixture f) {
    PairedSample sample = PairedSample.of(f.numbers("before"), f.numbers("after"));
    double level = f.option("confLevel", 0.95);
    PairedTTest.Result t = PairedTTest.withDefaults().withConfLevel(level).test(sample);
    WilcoxonSignedRankTest.Result w = WilcoxonSignedRankTest.withDefaults().test(sample);
    PairedEffectSize.Result e = PairedEffectSize.withDefaults().withConfLevel(level).compute(sample);
    f.assertMatches(Map.ofEntries(
        entry("n", t.n()),
        entry("meanDifference", t.meanDifference()),
        entry("sdDifference", t.sdDifference()),
        entry("t", t.t()),
        entry("df", t.df()),
        entry("tP", t.pValue()),
        entry("ciLower", t.interval().lower()),
        entry("ciUpper", t.interval().upper()),
        entry("cohenDz", e.dz().value()),
        entry("wilcoxonV", w.v()),
        entry("wilcoxonP", w.pValue()),
        entry("wilcoxonMethod", w.pValueMethod().label())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoGroup(Fixture f) {
    GroupedSample sample = GroupedSample.of(f.numbers("value"), Factor.of(f.texts("group")));
    double level = f.option("confLevel", 0.95);
    GroupChoice groups = GroupChoice.first(f.option("firstGroup").orElse(sample.levels().get(0)));
    TwoSampleTTest.Result welch = TwoSampleTTest.withDefaults().withConfLevel(level).withGroups(groups).test(sample);
    TwoSampleTTest.Result student = TwoSampleTTest.student().withConfLevel(level).withGroups(groups).test(sample);
    MannWhitneyTest.Result mw = MannWhitneyTest.withDefaults().withGroups(groups).test(sample);
    StandardizedMeanDifference.Result smd =
        StandardizedMeanDifference.withDefaults().withConfLevel(level).withGroups(groups).compute(sample);
    f.assertMatches(Map.ofEntries(
        entry("groups", List.of(welch.first().level(), welch.second().level())),
        entry("n", List.of(welch.first().n(), welch.second().n())),
        entry("mean", List.of(welch.first().mean(), welch.second().mean())),
        entry("sd", List.of(welch.first().sd(), welch.second().sd())),
        entry("welchT", welch.t()), entry("welchDf", welch.df()), entry("welchP", welch.pValue()),
        entry("welchCiLower", welch.interval().lower()), entry("welchCiUpper", welch.interval().upper()),
        entry("studentT", student.t()), entry("studentDf", student.df()), entry("studentP", student.pValue()),
        entry("mannWhitneyW", mw.w()), entry("mannWhitneyP", mw.pValue()),
        entry("mannWhitneyMethod", mw.pValueMethod().label()),
        entry("cohenD", smd.d().value()), entry("hedgesG", smd.g().value())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void ancova(Fixture f) {
    GroupedPrePostSample sample =
        GroupedPrePostSample.of(f.numbers("pre"), f.numbers("post"), Factor.of(f.texts("group")));
    Ancova.Result r = Ancova.withDefaults().withReference(f.option("referenceGroup").orElse(sample.groups().levels().get(0)))
        .withConfLevel(f.option("confLevel", 0.95)).fit(sample);
    List<Coefficient> c = r.ancova().coefficients();
    f.assertMatches(Map.of(
        "terms", c.stream().map(Coefficient::term).toList(),
        "coef", c.stream().map(Coefficient::estimate).toList(),
        "se", c.stream().map(Coefficient::standardError).toList(),
        "t", c.stream().map(Coefficient::t).toList(),
        "p", c.stream().map(Coefficient::pValue).toList(),
        "ciLower", c.stream().map(x -> x.interval().lower()).toList(),
        "ciUpper", c.stream().map(x -> x.interval().upper()).toList(),
        "residualDf", r.ancova().residualDf(),
        "rSquared", r.ancova().rSquared(),
        "sigma", r.ancova().sigma()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoByTwo(Fixture f) {
    long[] cells = cells(f);
    TwoByTwoTable table = TwoByTwoTable.of(cells[0], cells[1], cells[2], cells[3]);
    double level = f.option("confLevel", 0.95);
    FisherExactTest.Result fisher = FisherExactTest.withDefaults().withConfLevel(level).test(table);
    ChiSquareTest.Result yates = ChiSquareTest.withDefaults().test(table);
    ChiSquareTest.Result plain = ChiSquareTest.withDefaults().withCorrection(ContinuityCorrection.NONE).test(table);
    RiskComparison.Result risk = RiskComparison.withDefaults().withConfLevel(level).compare(table);
    f.assertMatches(Map.ofEntries(
        entry("fisherP", fisher.pValue()),
        entry("fisherOddsRatio", fisher.oddsRatio().value()),
        entry("fisherOrLower", fisher.oddsRatio().interval().orElseThrow().lower()),
        entry("fisherOrUpper", fisher.oddsRatio().interval().orElseThrow().upper()),
        entry("chisqYates", yates.statistic()),
        entry("chisqYatesP", yates.pValue()),
        entry("chisq", plain.statistic()),
        entry("chisqP", plain.pValue()),
        entry("riskRatio", risk.riskRatio().orElseThrow().value()),
        entry("riskRatioLower", risk.riskRatio().orElseThrow().interval().orElseThrow().lower()),
        entry("riskRatioUpper", risk.riskRatio().orElseThrow().interval().orElseThrow().upper()),
        entry("riskDifference", risk.riskDifference().value())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mcnemar(Fixture f) {
    long[] cells = cells(f);
    McNemarTest.Result r = McNemarTest.withDefaults().test(PairedBinaryTable.of(cells[0], cells[1], cells[2], cells[3]));
    f.assertMatches(Map.of(
        "chisqCorrected", r.chisqCorrected(),
        "pCorrected", r.pCorrected(),
        "chisq", r.chisq(),
        "p", r.p(),
        "exactP", r.exactP()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void rateRatio(Fixture f) {
    double[] events = f.numbers("events");
    double[] time = f.numbers("personTime");
    RateRatioTest.Result r = RateRatioTest.withDefaults().withConfLevel(f.option("confLevel", 0.95))
        .test(new PersonTimeCounts((long) events[0], time[0], (long) events[1], time[1]));
    f.assertMatches(Map.of(
        "rateRatio", r.rateRatio().value(),
        "lower", r.rateRatio().interval().orElseThrow().lower(),
        "upper", r.rateRatio().interval().orElseThrow().upper(),
        "p", r.pValue()));
  }

  /** A 2x2 {@code table} input, given by rows, as {@code {a, b, c, d}}. */
  private static long[] cells(Fixture f) {
    double[][] t = f.matrix("table");
    return new long[] {(long) t[0][0], (long) t[0][1], (long) t[1][0], (long) t[1][1]};
  }
}
