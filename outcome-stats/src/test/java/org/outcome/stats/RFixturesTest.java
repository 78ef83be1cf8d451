package org.outcome.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
import org.outcome.stats.fixtures.Fixture;
import org.outcome.stats.fixtures.FixtureComparison;
import org.outcome.stats.fixtures.Fixtures;
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

/**
 * Every R reference fixture of the before-and-after and comparison-group kinds, run through the
 * Java API and compared field by field within the fixture's tolerance. The field names are the
 * fixtures' (and the CLI's JSON); each case's R call is in its {@code source}.
 */
class RFixturesTest {
  static List<Fixture> paired() {
    return Fixtures.ofKind("paired");
  }

  static List<Fixture> twoGroup() {
    return Fixtures.ofKind("two-group");
  }

  static List<Fixture> ancova() {
    return Fixtures.ofKind("ancova");
  }

  static List<Fixture> twoByTwo() {
    return Fixtures.ofKind("two-by-two");
  }

  static List<Fixture> mcnemar() {
    return Fixtures.ofKind("mcnemar");
  }

  static List<Fixture> rateRatio() {
    return Fixtures.ofKind("rate-ratio");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void paired(Fixture f) {
    PairedSample sample = PairedSample.of(f.numbers("before"), f.numbers("after"));
    double level = f.option("confLevel", 0.95);
    PairedTTest.Result t = PairedTTest.withDefaults().withConfLevel(level).test(sample);
    WilcoxonSignedRankTest.Result w = WilcoxonSignedRankTest.withDefaults().test(sample);
    PairedEffectSize.Result e = PairedEffectSize.withDefaults().withConfLevel(level).compute(sample);
    ObjectNode actual = Fixtures.object()
        .put("n", t.n())
        .put("meanDifference", t.meanDifference())
        .put("sdDifference", t.sdDifference())
        .put("t", t.t())
        .put("df", t.df())
        .put("tP", t.pValue())
        .put("ciLower", t.interval().lower())
        .put("ciUpper", t.interval().upper())
        .put("cohenDz", e.dz().value())
        .put("wilcoxonV", w.v())
        .put("wilcoxonP", w.pValue())
        .put("wilcoxonMethod", w.pValueMethod().label());
    FixtureComparison.assertMatches(f, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoGroup(Fixture f) {
    GroupedSample sample = GroupedSample.of(f.numbers("value"), Factor.of(f.texts("group")));
    double level = f.option("confLevel", 0.95);
    GroupChoice groups = GroupChoice.first(f.option("firstGroup", sample.levels().get(0)));
    TwoSampleTTest.Result welch = TwoSampleTTest.withDefaults().withConfLevel(level).withGroups(groups).test(sample);
    TwoSampleTTest.Result student = TwoSampleTTest.student().withConfLevel(level).withGroups(groups).test(sample);
    MannWhitneyTest.Result mw = MannWhitneyTest.withDefaults().withGroups(groups).test(sample);
    StandardizedMeanDifference.Result smd =
        StandardizedMeanDifference.withDefaults().withConfLevel(level).withGroups(groups).compute(sample);
    ObjectNode actual = Fixtures.object();
    actual.putArray("groups").add(welch.first().level()).add(welch.second().level());
    actual.putArray("n").add(welch.first().n()).add(welch.second().n());
    actual.putArray("mean").add(welch.first().mean()).add(welch.second().mean());
    actual.putArray("sd").add(welch.first().sd()).add(welch.second().sd());
    actual.put("welchT", welch.t()).put("welchDf", welch.df()).put("welchP", welch.pValue())
        .put("welchCiLower", welch.interval().lower()).put("welchCiUpper", welch.interval().upper())
        .put("studentT", student.t()).put("studentDf", student.df()).put("studentP", student.pValue())
        .put("mannWhitneyW", mw.w()).put("mannWhitneyP", mw.pValue())
        .put("mannWhitneyMethod", mw.pValueMethod().label())
        .put("cohenD", smd.d().value()).put("hedgesG", smd.g().value());
    FixtureComparison.assertMatches(f, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void ancova(Fixture f) {
    GroupedPrePostSample sample =
        GroupedPrePostSample.of(f.numbers("pre"), f.numbers("post"), Factor.of(f.texts("group")));
    Ancova.Result r = Ancova.withDefaults().withReference(f.option("referenceGroup", sample.groups().levels().get(0)))
        .withConfLevel(f.option("confLevel", 0.95)).fit(sample);
    ObjectNode actual = Fixtures.object();
    ArrayNode terms = actual.putArray("terms");
    ArrayNode coef = actual.putArray("coef");
    ArrayNode se = actual.putArray("se");
    ArrayNode t = actual.putArray("t");
    ArrayNode p = actual.putArray("p");
    ArrayNode lower = actual.putArray("ciLower");
    ArrayNode upper = actual.putArray("ciUpper");
    for (Coefficient c : r.ancova().coefficients()) {
      terms.add(c.term());
      coef.add(c.estimate());
      se.add(c.standardError());
      t.add(c.t());
      p.add(c.pValue());
      lower.add(c.interval().lower());
      upper.add(c.interval().upper());
    }
    actual.put("residualDf", r.ancova().residualDf()).put("rSquared", r.ancova().rSquared())
        .put("sigma", r.ancova().sigma());
    FixtureComparison.assertMatches(f, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twoByTwo(Fixture f) {
    long[] cells = f.table();
    TwoByTwoTable table = TwoByTwoTable.of(cells[0], cells[1], cells[2], cells[3]);
    double level = f.option("confLevel", 0.95);
    FisherExactTest.Result fisher = FisherExactTest.withDefaults().withConfLevel(level).test(table);
    ChiSquareTest.Result yates = ChiSquareTest.withDefaults().test(table);
    ChiSquareTest.Result plain = ChiSquareTest.withDefaults().withCorrection(ContinuityCorrection.NONE).test(table);
    RiskComparison.Result risk = RiskComparison.withDefaults().withConfLevel(level).compare(table);
    ObjectNode actual = Fixtures.object()
        .put("fisherP", fisher.pValue())
        .put("fisherOddsRatio", fisher.oddsRatio().value())
        .put("fisherOrLower", fisher.oddsRatio().interval().orElseThrow().lower())
        .put("fisherOrUpper", fisher.oddsRatio().interval().orElseThrow().upper())
        .put("chisqYates", yates.statistic())
        .put("chisqYatesP", yates.pValue())
        .put("chisq", plain.statistic())
        .put("chisqP", plain.pValue())
        .put("riskRatio", risk.riskRatio().orElseThrow().value())
        .put("riskRatioLower", risk.riskRatio().orElseThrow().interval().orElseThrow().lower())
        .put("riskRatioUpper", risk.riskRatio().orElseThrow().interval().orElseThrow().upper())
        .put("riskDifference", risk.riskDifference().value());
    FixtureComparison.assertMatches(f, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mcnemar(Fixture f) {
    long[] cells = f.table();
    McNemarTest.Result r = McNemarTest.withDefaults().test(PairedBinaryTable.of(cells[0], cells[1], cells[2], cells[3]));
    ObjectNode actual = Fixtures.object()
        .put("chisqCorrected", r.chisqCorrected())
        .put("pCorrected", r.pCorrected())
        .put("chisq", r.chisq())
        .put("p", r.p())
        .put("exactP", r.exactP());
    FixtureComparison.assertMatches(f, actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void rateRatio(Fixture f) {
    double[] events = f.numbers("events");
    double[] time = f.numbers("personTime");
    RateRatioTest.Result r = RateRatioTest.withDefaults().withConfLevel(f.option("confLevel", 0.95))
        .test(new PersonTimeCounts((long) events[0], time[0], (long) events[1], time[1]));
    ObjectNode actual = Fixtures.object()
        .put("rateRatio", r.rateRatio().value())
        .put("lower", r.rateRatio().interval().orElseThrow().lower())
        .put("upper", r.rateRatio().interval().orElseThrow().upper())
        .put("p", r.pValue());
    FixtureComparison.assertMatches(f, actual);
  }
}
