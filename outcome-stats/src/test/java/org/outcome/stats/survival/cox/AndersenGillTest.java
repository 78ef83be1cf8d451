package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.Generator;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;

/**
 * The Cox model on counting-process rows ({@link CoxPh#fit(CountingProcessSample)}): the shared
 * {@code andersen-gill} fixture (R's {@code coxph(Surv(start, stop, event) ~ treat + age +
 * cluster(id))} on cgd), and the invariants that define the risk sets: rows that all start at 0
 * are the right-censored model; splitting a person's interval in two at any interior time
 * (R's {@code survSplit}) changes nothing, the robust variance included. Bad intervals are refused
 * by row and column. More R cases (Breslow, strata, ties at starts, weights) are in
 * {@link CoxCasesTest}.
 */
class AndersenGillTest {
  private static final int EXAMPLES = 150;
  private static final double TOLERANCE = 1e-8;

  private static final Generator<SurvivalSample> SAMPLES = SurvivalSamples.builder().size(10, 40).covariates(2)
      .shapes(SurvivalShape.CONTINUOUS_TIMES, SurvivalShape.WHOLE_DAY_TIES, SurvivalShape.CENSORED_AT_EVENT_TIMES,
          SurvivalShape.NO_CENSORING)
      .build();

  static List<Fixture> fixtures() {
    return RFixtures.ofKind("andersen-gill");
  }

  @Test
  void theCgdFixtureMatchesR() {
    assertThat(fixtures()).isNotEmpty();
    for (Fixture f : fixtures()) {
      CountingProcessSample.Builder b = CountingProcessSample.builder(f.numbers("start"), f.numbers("stop"),
          f.flags("event")).id(Factor.of(f.texts(f.option("cluster").orElseThrow())));
      List<?> terms = (List<?>) f.expected().get("terms");
      terms.forEach(t -> b.covariate(t.toString(), f.numbers(t.toString())));
      CoxPh.Result fit = CoxPh.withDefaults().withTies(CoxFixtures.ties(f)).fit(b.build());
      assertThat(fit.robust()).isTrue();
      Map<String, Object> actual = new LinkedHashMap<>();
      actual.put("terms", fit.terms().stream().map(CoxTerm::name).toList());
      actual.put("coef", fit.terms().stream().map(CoxTerm::coef).toList());
      actual.put("se", fit.terms().stream().map(CoxTerm::se).toList());
      actual.put("naiveSe", fit.terms().stream().map(t -> t.naiveSe().orElseThrow()).toList());
      actual.put("loglik", fit.loglik());
      f.assertMatches(actual);
      assertThat(fit.clusters()).hasValue((int) java.util.Arrays.stream(f.texts("id")).distinct().count());
    }
  }

  @Test
  void rowsThatAllStartAtZeroAreTheRightCensoredModel() {
    for (Ties ties : Ties.values()) {
      CoxPh config = CoxPh.withDefaults().withTies(ties).withVariance(Variance.ROBUST);
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES)).checkAssert(s -> {
        Optional<CoxPh.Result> plain = CoxChecks.fitOrDegenerate(() -> config.fit(s));
        Optional<CoxPh.Result> counting = CoxChecks.fitOrDegenerate(() -> config.fit(counting(s, new double[s.size()], null)));
        assertThat(counting.isPresent()).isEqualTo(plain.isPresent());
        plain.ifPresent(a -> same(a, counting.get(), s));
      });
    }
  }

  @Test
  void splittingIntervalsChangesNothing() {
    for (Ties ties : Ties.values()) {
      CoxPh config = CoxPh.withDefaults().withTies(ties);
      qt().withExamples(EXAMPLES).forAll(QtGenerators.survival(SAMPLES), longs().all()).checkAssert((s, seed) -> {
        String[] ids = new String[s.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = "p" + i;
        }
        CountingProcessSample whole = counting(s, new double[s.size()], ids);
        Optional<CoxPh.Result> a = CoxChecks.fitOrDegenerate(() -> config.fit(whole));
        Optional<CoxPh.Result> b = CoxChecks.fitOrDegenerate(() -> config.fit(split(s, ids, new Random(seed))));
        assertThat(b.isPresent()).isEqualTo(a.isPresent());
        a.ifPresent(x -> same(x, b.get(), s));
      });
    }
  }

  @Test
  void badIntervalsAreRefusedByRowAndColumnNeverByValue() {
    double[] start = {0, 5, 4, 0};
    double[] stop = {5, 9, 4, 3.25};
    boolean[] event = {true, false, true, true};
    assertThatThrownBy(() -> CountingProcessSample.builder(start, stop, event).covariate("x", new double[4]).build())
        .isInstanceOf(InvalidInputException.class).satisfies(e -> {
          List<org.outcome.api.Violation> v = ((InvalidInputException) e).violations();
          assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.location()).contains("3").contains("start");
            assertThat(x.message()).contains("not before the stop");
          });
        });
    double[] overlapping = {0, 4, 4.5, 0};
    double[] ends = {5, 9, 6, 3.25};
    assertThatThrownBy(() -> CountingProcessSample.builder(overlapping, ends, event)
        .id(Factor.of("a", "a", "b", "b")).build())
        .isInstanceOf(InvalidInputException.class).satisfies(e -> {
          List<org.outcome.api.Violation> v = ((InvalidInputException) e).violations();
          assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.location()).contains("2").contains("start");
            assertThat(x.message()).contains("overlaps").contains("row 1").doesNotContain("4.5");
          });
        });
    CountingProcessSample fine = CountingProcessSample.builder(new double[] {0, 5, 0}, new double[] {5, 9, 3},
        new boolean[] {true, false, true}).id(Factor.of("a", "a", "b")).covariate("x", new double[] {1, 2, 0})
        .build();
    assertThat(fine.toString()).isEqualTo("CountingProcessSample[3 rows, 2 events, 2 people, 1 covariate]");
  }

  /** The sample's rows as intervals from {@code start}, with these ids (or none). */
  private static CountingProcessSample counting(SurvivalSample s, double[] start, String[] ids) {
    CountingProcessSample.Builder b = CountingProcessSample.builder(start, s.times(), s.events());
    s.covariates().forEach(b::covariate);
    return ids == null ? b.build() : b.id(Factor.of(ids)).build();
  }

  /** Each row split at a random interior time into a censored first part and the rest, the same person. */
  private static CountingProcessSample split(SurvivalSample s, String[] ids, Random random) {
    List<double[]> rows = new ArrayList<>();
    List<String> people = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      double x1 = s.covariates().get(0).value(i);
      double x2 = s.covariates().get(1).value(i);
      double t = s.time(i);
      if (random.nextBoolean()) {
        double cut = t * (0.05 + 0.9 * random.nextDouble());
        rows.add(new double[] {0, cut, 0, x1, x2});
        rows.add(new double[] {cut, t, s.event(i) ? 1 : 0, x1, x2});
        people.add(ids[i]);
      } else {
        rows.add(new double[] {0, t, s.event(i) ? 1 : 0, x1, x2});
      }
      people.add(ids[i]);
    }
    int n = rows.size();
    double[][] col = new double[5][n];
    boolean[] event = new boolean[n];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < 5; j++) {
        col[j][k] = rows.get(k)[j];
      }
      event[k] = rows.get(k)[2] == 1;
    }
    return CountingProcessSample.builder(col[0], col[1], event).covariate(s.covariates().get(0).name(), col[3])
        .covariate(s.covariates().get(1).name(), col[4]).id(Factor.of(people.toArray(String[]::new))).build();
  }

  private static void same(CoxPh.Result a, CoxPh.Result b, SurvivalSample s) {
    if (!a.warnings().stream().allMatch(w -> w.code().endsWith("-not-computed"))) {
      return; // a monotone likelihood: the coefficients are wherever the iterations stopped
    }
    for (int j = 0; j < a.terms().size(); j++) {
      close(a.coefficients()[j], b.coefficients()[j], "coef", s);
      close(a.terms().get(j).se(), b.terms().get(j).se(), "se", s);
    }
    close(a.loglik(), b.loglik(), "loglik", s);
    close(a.score().statistic(), b.score().statistic(), "score test", s);
  }

  private static void close(double expected, double actual, String what, SurvivalSample s) {
    CoxChecks.close(expected, actual, TOLERANCE, what, s);
  }

}
