package org.outcome.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.KaplanMeierCurve;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.RmstContrast;
import org.outcome.stats.survival.RmstGroup;
import org.outcome.stats.survival.SurvivalAt;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.ProportionalHazardsTest;
import org.outcome.testkit.fixtures.FixtureComparison;
import org.outcome.testkit.fixtures.Tolerance;

/**
 * Results as maps and lists of numbers, in the field names of the R fixtures (where a fixture
 * has the field), so that a Spark result can be compared with R's and with the single-machine
 * result by {@link FixtureComparison}. Values that are not finite (R's NA) become {@code null}.
 */
final class Results {
  /** Agreement required between the Spark path and the single-machine path. */
  static final Tolerance SAME = new Tolerance(1e-9, 0);

  private Results() {}

  /** Throws unless every number of {@code actual} is within 1e-9 relative of {@code expected}. */
  static void assertSame(Object expected, Object actual) {
    List<String> differences = FixtureComparison.differences(expected, actual, SAME);
    if (!differences.isEmpty()) {
      throw new AssertionError("the Spark path differs from the single-machine path:\n  "
          + String.join("\n  ", differences));
    }
  }

  static Map<String, Object> km(KaplanMeier.Result r, String groupColumn, String strataColumn) {
    List<Map<String, Object>> strata = new ArrayList<>();
    for (KaplanMeierCurve c : r.curves()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("stratum", c.label(groupColumn, strataColumn));
      s.put("time", numbers(c.time()));
      s.put("nRisk", longs(c.nRisk()));
      s.put("nEvent", longs(c.nEvent()));
      s.put("nCensor", longs(c.nCensor()));
      s.put("survival", numbers(c.survival()));
      s.put("stdErrCumHazard", numbers(c.stdErrCumHazard()));
      s.put("lower", numbers(c.lower()));
      s.put("upper", numbers(c.upper()));
      s.put("median", optional(c.median().median()));
      s.put("medianLower", optional(c.median().lower()));
      s.put("medianUpper", optional(c.median().upper()));
      s.put("rmean", c.restrictedMean().mean());
      s.put("rmeanSe", c.restrictedMean().stdErr());
      s.put("rmeanTau", c.restrictedMean().tau());
      List<Object> at = new ArrayList<>();
      for (SurvivalAt a : c.at()) {
        at.add(List.of(a.time(), a.nRisk(), a.nEvent(), a.nCensor(), nullable(optional(a.survival())),
            nullable(optional(a.stdErrCumHazard())), nullable(optional(a.lower())), nullable(optional(a.upper()))));
      }
      s.put("at", at);
      strata.add(s);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strata", strata);
    m.put("rows", r.rows());
    m.put("warnings", r.warnings().stream().map(Object::toString).toList());
    return m;
  }

  static Map<String, Object> logRank(LogRank.Result r, String groupColumn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("groups", r.groups().stream().map(g -> groupColumn + "=" + g).toList());
    m.put("n", longs(r.n()));
    m.put("observed", numbers(r.observed()));
    m.put("expected", numbers(r.expected()));
    m.put("observedByStratum", Arrays.stream(r.observedByStratum()).map(Results::numbers).toList());
    m.put("expectedByStratum", Arrays.stream(r.expectedByStratum()).map(Results::numbers).toList());
    m.put("variance", Arrays.stream(r.variance()).map(Results::numbers).toList());
    m.put("chisq", r.chisq());
    m.put("df", r.df());
    m.put("p", r.p());
    m.put("strata", r.strata().orElse(List.of()));
    m.put("warnings", r.warnings().stream().map(Object::toString).toList());
    return m;
  }

  static Map<String, Object> rmst(Rmst.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tau", r.tau());
    List<Object> groups = new ArrayList<>();
    for (RmstGroup g : r.groups()) {
      groups.add(List.of(g.group(), g.n(), g.events(), g.rmean(), g.stdErr(), interval(g.interval())));
    }
    m.put("groups", groups);
    List<Object> contrasts = new ArrayList<>();
    for (RmstContrast c : r.contrasts()) {
      contrasts.add(List.of(c.group(), c.reference(), c.difference(), c.differenceStdErr(),
          interval(c.differenceInterval()), c.differenceP(), c.ratio(), c.logRatioStdErr(),
          interval(c.ratioInterval()), c.ratioP()));
    }
    m.put("contrasts", contrasts);
    m.put("rows", r.rows());
    m.put("warnings", r.warnings().stream().map(Object::toString).toList());
    return m;
  }

  /**
   * A Cox fit in the R fixtures' field names: what a fit from folds gives (no concordance, no
   * the naive SE and robust score test of a robust fit, and {@code cox.zph}.
   */
  static Map<String, Object> cox(CoxPh.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("terms", r.terms().stream().map(CoxTerm::name).toList());
    m.put("coef", r.terms().stream().map(CoxTerm::coef).toList());
    m.put("se", r.terms().stream().map(CoxTerm::se).toList());
    m.put("naiveSe", r.robust() ? r.terms().stream().map(t -> t.naiveSe().orElseThrow()).toList() : null);
    m.put("robustScore", r.robustScore().map(t -> t.statistic()).orElse(null));
    m.put("hazardRatio", r.terms().stream().map(CoxTerm::hazardRatio).toList());
    m.put("z", r.terms().stream().map(CoxTerm::z).toList());
    m.put("p", r.terms().stream().map(CoxTerm::p).toList());
    m.put("hrLower", r.terms().stream().map(t -> t.hazardRatioInterval().lower()).toList());
    m.put("hrUpper", r.terms().stream().map(t -> t.hazardRatioInterval().upper()).toList());
    m.put("variance", Arrays.stream(r.variance().toArray()).map(Results::numbers).toList());
    m.put("loglikNull", r.loglikNull());
    m.put("loglik", r.loglik());
    m.put("likelihoodRatio", r.likelihoodRatio().statistic());
    m.put("wald", r.wald().statistic());
    m.put("score", r.score().statistic());
    m.put("n", (double) r.n());
    m.put("nEvent", (double) r.nEvent());
    r.proportionalHazards().ifPresent(z -> {
      List<ProportionalHazardsTest.Row> rows = z.rows(); // the terms, then GLOBAL
      m.put("zph", Map.of("rows", rows.stream().map(ProportionalHazardsTest.Row::term).toList(),
          "chisq", rows.stream().map(ProportionalHazardsTest.Row::chisq).toList(),
          "df", rows.stream().map(row -> (double) row.df()).toList(),
          "p", rows.stream().map(ProportionalHazardsTest.Row::p).toList()));
    });
    return m;
  }

  private static List<Double> interval(ConfidenceInterval ci) {
    return List.of(ci.lower(), ci.upper(), ci.level());
  }

  static List<Double> numbers(double[] values) {
    return Arrays.stream(values).mapToObj(v -> Double.isFinite(v) ? v : null).toList();
  }

  static List<Long> longs(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  static Double optional(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v.getAsDouble() : null;
  }

  /** List.of refuses null: R's NA inside a row becomes the string "NA". */
  private static Object nullable(Double v) {
    return v == null ? "NA" : v;
  }
}
