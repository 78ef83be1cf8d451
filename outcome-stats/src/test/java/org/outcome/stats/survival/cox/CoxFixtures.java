package org.outcome.stats.survival.cox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.fixtures.Fixture;

/** Turns {@code cox} fixtures into samples and results into the fixtures' JSON shape. */
final class CoxFixtures {
  private CoxFixtures() {}

  static List<Fixture> all() {
    return RFixtures.ofKind("cox");
  }

  /** The Efron fit of the AML data, the smallest case. */
  static Fixture aml() {
    return RFixtures.byId("cox", "survival/cox-aml-efron");
  }

  /**
   * Asserts that the result matches R's within the case's tolerance, and that its variance is
   * robust exactly when R reports a model-based {@code naiveSe} beside the robust one (the
   * comparison does not look inside an expected {@code null}).
   */
  static void assertMatches(Fixture f, CoxPh.Result result) {
    f.assertMatches(json(result));
    if (result.robust() != (f.expected().get("naiveSe") != null)) {
      throw new AssertionError(f.id() + ": robust variance " + result.robust() + ", but R's naiveSe is "
          + f.expected().get("naiveSe"));
    }
  }

  /**
   * The model's covariates: the input columns that are neither start, time, event, strata, cluster
   * nor weights, in the order of {@code terms}.
   */
  static List<String> covariates(Fixture f) {
    Set<String> special = new java.util.HashSet<>(List.of("start", "time", "event"));
    f.option("strata").ifPresent(special::add);
    f.option("cluster").ifPresent(special::add);
    f.option("weights").ifPresent(special::add);
    List<String> columns = new ArrayList<>(f.input().keySet());
    columns.removeAll(special);
    Object terms = f.expected().get("terms");
    List<String> order = terms instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(terms.toString());
    if (!Set.copyOf(order).equals(Set.copyOf(columns))) {
      throw new IllegalStateException(f.id() + ": terms " + order + " are not the covariate columns " + columns);
    }
    return order;
  }

  static SurvivalSample sample(Fixture f) {
    SurvivalSample.Builder b = SurvivalSample.builder(f.numbers("time"), f.flags("event"));
    for (String c : covariates(f)) {
      b.covariate(c, f.numbers(c));
    }
    f.option("strata").ifPresent(s -> b.strata(Factor.of(f.texts(s))));
    f.option("cluster").ifPresent(c -> b.cluster(Factor.of(f.texts(c))));
    return b.build();
  }

  /**
   * Fits the case's model to its sample, with its case weights when it names a weights column; a
   * case with a {@code start} column is counting-process data, its cluster the person.
   */
  static CoxPh.Result fit(Fixture f) {
    CoxPh config = config(f);
    Optional<double[]> weights = f.option("weights").map(f::numbers);
    if (f.input().containsKey("start")) {
      CountingProcessSample.Builder b = CountingProcessSample.builder(f.numbers("start"), f.numbers("time"),
          f.flags("event"));
      for (String c : covariates(f)) {
        b.covariate(c, f.numbers(c));
      }
      f.option("strata").ifPresent(s -> b.strata(Factor.of(f.texts(s))));
      f.option("cluster").ifPresent(c -> b.id(Factor.of(f.texts(c))));
      CountingProcessSample sample = b.build();
      return weights.map(w -> config.fit(sample, w)).orElseGet(() -> config.fit(sample));
    }
    SurvivalSample sample = sample(f);
    return weights.map(w -> config.fit(sample, w)).orElseGet(() -> config.fit(sample));
  }

  static Ties ties(Fixture f) {
    return Ties.valueOf(f.option("ties").orElseThrow().toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The configuration the case's options name: its ties, {@code robust = TRUE} as
   * {@link Variance#ROBUST}, and {@code iterMax} (R's {@code iter.max}) when given.
   */
  static CoxPh config(Fixture f) {
    CoxPh defaults = CoxPh.withDefaults();
    CoxPh config = defaults.withTies(ties(f)).withMaxIterations((int) f.option("iterMax", defaults.maxIterations()));
    return f.option("robust").equals(java.util.Optional.of("true")) ? config.withVariance(Variance.ROBUST) : config;
  }

  /** The result in the fixtures' field names (vectors as lists, NA as null). */
  static Map<String, Object> json(CoxPh.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("terms", r.terms().stream().map(CoxTerm::name).toList());
    m.put("coef", r.terms().stream().map(CoxTerm::coef).toList());
    m.put("se", r.terms().stream().map(CoxTerm::se).toList());
    m.put("naiveSe", r.robust() ? r.terms().stream().map(t -> t.naiveSe().orElseThrow()).toList() : null);
    m.put("hazardRatio", r.terms().stream().map(CoxTerm::hazardRatio).toList());
    m.put("z", r.terms().stream().map(CoxTerm::z).toList());
    m.put("p", r.terms().stream().map(CoxTerm::p).toList());
    m.put("hrLower", r.terms().stream().map(t -> t.hazardRatioInterval().lower()).toList());
    m.put("hrUpper", r.terms().stream().map(t -> t.hazardRatioInterval().upper()).toList());
    List<List<Double>> variance = new ArrayList<>();
    for (int i = 0; i < r.variance().size(); i++) {
      List<Double> row = new ArrayList<>();
      for (int j = 0; j < r.variance().size(); j++) {
        row.add(r.variance().get(i, j));
      }
      variance.add(row);
    }
    m.put("variance", variance);
    m.put("loglikNull", r.loglikNull());
    m.put("loglik", r.loglik());
    m.put("likelihoodRatio", r.likelihoodRatio().statistic());
    m.put("wald", r.wald().statistic());
    m.put("score", r.score().statistic());
    m.put("robustScore", r.robustScore().map(t -> t.statistic()).orElse(null));
    m.put("concordance", r.concordance().map(Concordance::value).orElse(null));
    m.put("concordanceSe", r.concordance().map(Concordance::stdErr).orElse(null));
    m.put("iterations", (double) r.iterations());
    m.put("n", (double) r.n());
    m.put("nEvent", (double) r.nEvent());
    r.proportionalHazards().ifPresent(z -> {
      Map<String, Object> zph = new LinkedHashMap<>();
      zph.put("rows", z.rows().stream().map(ProportionalHazardsTest.Row::term).toList());
      zph.put("chisq", z.rows().stream().map(ProportionalHazardsTest.Row::chisq).toList());
      zph.put("df", z.rows().stream().map(row -> (double) row.df()).toList());
      zph.put("p", z.rows().stream().map(ProportionalHazardsTest.Row::p).toList());
      m.put("zph", zph);
    });
    return m;
  }
}
