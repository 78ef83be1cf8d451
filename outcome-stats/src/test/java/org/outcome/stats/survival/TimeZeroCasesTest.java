package org.outcome.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.fixtures.Fixture;

/**
 * Rows at time 0 (a readmission or a censoring on the day of discharge), which R's {@code Surv}
 * accepts: reference cases made by {@code src/test/resources/time-zero-cases/generate.R} (R 4.2.2,
 * survival 3.5-3; each file's {@code source} is the exact call, its {@code note} the data's point):
 * an event at 0, censorings at 0, events and censorings tied at 0, half the rows events at 0, a
 * whole group at 0, only zeros, every row an event at 0, and times within R's tolerance of 0.
 * Each checks, for every confidence-limit scale, every component of {@code survfit} by group and
 * pooled, the median with its limits, the restricted mean to the last time and to {@code
 * rmeanTau}, the curves read with {@code summary(fit, times = c(0, 0.5, ...), extend = TRUE)}; the
 * log-rank test with {@code rho = 0} and {@code 1} and stratified; and the restricted mean
 * contrast of group b against group a.
 */
class TimeZeroCasesTest {
  static List<Fixture> cases() {
    return Fixture.ofKind(Path.of("src/test/resources/time-zero-cases"), "time-zero-survival");
  }

  @Test
  void theCasesAreThere() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(8);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesR(Fixture f) {
    SurvivalSample grouped = SurvivalSample.builder(f.numbers("time"), f.flags("event"))
        .group(Factor.of(f.texts("group"))).build();
    SurvivalSample pooled = SurvivalSample.of(f.numbers("time"), f.flags("event"));
    SurvivalSample stratified = grouped.toBuilder().strata(Factor.of(f.texts("strata"))).build();
    double[] times = ((List<?>) f.options().get("times")).stream().mapToDouble(t -> ((Number) t).doubleValue())
        .toArray();
    double tau = f.option("rmeanTau", Double.NaN);

    Map<String, Object> actual = new LinkedHashMap<>();
    for (ConfType type : ConfType.values()) {
      actual.put("curves_" + type.rName(), curves(grouped, type, times, tau));
      actual.put("pooled_" + type.rName(), curves(pooled, type, times, tau));
    }
    Map<String, Object> expected = f.expected();
    actual.put("logrank", logRank(grouped, 0, expected.get("logrank")));
    actual.put("petoPeto", logRank(grouped, 1, expected.get("petoPeto")));
    actual.put("logrankStrata", logRank(stratified, 0, expected.get("logrankStrata")));
    Map<?, ?> rRmst = (Map<?, ?>) expected.get("rmst");
    if (((List<?>) rRmst.get("rmean")).stream().allMatch(m -> ((Number) m).doubleValue() == 0)) {
      // R: difference 0 (se 0) and ratio 0/0 = NaN; there is no ratio, and Rmst says so
      assertThatThrownBy(() -> Rmst.withDefaults().withTau(tau).compare(grouped))
          .isInstanceOf(DegenerateDataException.class).hasMessageContaining("both 0");
      actual.put("rmst", rRmst);
    } else {
      actual.put("rmst", rmst(grouped, tau, rRmst));
    }
    f.assertMatches(actual);
  }

  private static List<Map<String, Object>> curves(SurvivalSample s, ConfType type, double[] times, double tau) {
    KaplanMeier km = KaplanMeier.withDefaults().withConfType(type).withTimes(times);
    KaplanMeier.Result common = km.fit(s);
    KaplanMeier.Result toTau = km.withRmeanHorizon(RmeanHorizon.at(tau)).fit(s);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < common.curves().size(); i++) {
      KaplanMeierCurve c = common.curves().get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stratum", c.label("group", null));
      m.put("time", values(c.time()));
      m.put("nRisk", longs(c.nRisk()));
      m.put("nEvent", longs(c.nEvent()));
      m.put("nCensor", longs(c.nCensor()));
      m.put("survival", values(c.survival()));
      m.put("stdErrCumHazard", values(c.stdErrCumHazard()));
      m.put("lower", values(c.lower()));
      m.put("upper", values(c.upper()));
      m.put("median", value(c.median().median()));
      m.put("medianLower", value(c.median().lower()));
      m.put("medianUpper", value(c.median().upper()));
      m.put("rmean", c.restrictedMean().mean());
      m.put("rmeanSe", c.restrictedMean().stdErr());
      m.put("rmeanTau", toTau.curves().get(i).restrictedMean().mean());
      m.put("rmeanTauSe", toTau.curves().get(i).restrictedMean().stdErr());
      List<SurvivalAt> at = c.at();
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("time", at.stream().map(SurvivalAt::time).toList());
      a.put("nRisk", at.stream().map(SurvivalAt::nRisk).toList());
      a.put("nEvent", at.stream().map(SurvivalAt::nEvent).toList());
      a.put("nCensor", at.stream().map(SurvivalAt::nCensor).toList());
      a.put("survival", at.stream().map(x -> value(x.survival())).toList());
      a.put("stdErrSurvival", at.stream().map(x -> value(x.stdErrSurvival())).toList());
      a.put("lower", at.stream().map(x -> value(x.lower())).toList());
      a.put("upper", at.stream().map(x -> value(x.upper())).toList());
      m.put("at", a);
      out.add(m);
    }
    return out;
  }

  /** The test's components; where R stops (its message in {@code error}) the test must refuse too. */
  private static Map<String, Object> logRank(SurvivalSample s, double rho, Object expected) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (expected instanceof Map<?, ?> e && e.containsKey("error")) {
      assertThatThrownBy(() -> LogRank.withDefaults().withRho(rho).test(s))
          .as("R's survdiff stops with: %s", e.get("error"))
          .isInstanceOf(DegenerateDataException.class);
      m.put("error", e.get("error"));
      return m;
    }
    LogRank.Result r = LogRank.withDefaults().withRho(rho).test(s);
    m.put("observed", values(r.observed()));
    m.put("expected", values(r.expected()));
    m.put("variance", Arrays.stream(r.variance()).flatMap(row -> values(row).stream()).toList());
    m.put("chisq", r.chisq());
    m.put("df", r.df());
    m.put("p", r.p());
    return m;
  }

  private static Map<String, Object> rmst(SurvivalSample s, double tau, Map<?, ?> expected) {
    Rmst.Result r = Rmst.withDefaults().withTau(tau).compare(s);
    RmstContrast c = r.contrasts().get(0);
    if (expected.get("ratioLower") == null) {
      // a restricted mean of 0: R's exp(log(0) - log(m0) -/+ z * NaN) is NaN; ours is the ratio as a point
      assertThat(c.ratioInterval().lower()).isEqualTo(c.ratio());
      assertThat(c.ratioInterval().upper()).isEqualTo(c.ratio());
      assertThat(r.warnings()).extracting(w -> w.code()).contains("rmst-zero-mean");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tau", r.tau());
    m.put("rmean", r.groups().stream().map(RmstGroup::rmean).toList());
    m.put("rmeanSe", r.groups().stream().map(RmstGroup::stdErr).toList());
    m.put("difference", c.difference());
    m.put("differenceSe", c.differenceStdErr());
    m.put("differenceLower", c.differenceInterval().lower());
    m.put("differenceUpper", c.differenceInterval().upper());
    m.put("differenceP", value(c.differenceP()));
    m.put("ratio", value(c.ratio()));
    m.put("logRatioSe", value(c.logRatioStdErr()));
    m.put("ratioLower", expected.get("ratioLower") == null ? null : c.ratioInterval().lower());
    m.put("ratioUpper", expected.get("ratioUpper") == null ? null : c.ratioInterval().upper());
    m.put("ratioP", value(c.ratioP()));
    return m;
  }

  /** Values as a list, NaN (R's NA) as null; infinities stay (R's Inf, written 1e999). */
  private static List<Double> values(double[] v) {
    return Arrays.stream(v).mapToObj(TimeZeroCasesTest::value).toList();
  }

  private static Double value(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static Double value(OptionalDouble v) {
    return v.isPresent() ? value(v.getAsDouble()) : null;
  }

  private static List<Long> longs(long[] v) {
    return Arrays.stream(v).boxed().toList();
  }
}
