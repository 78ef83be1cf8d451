package org.outcome.testkit.analyses;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;
import org.outcome.testkit.internal.PropertyRunner;
import org.outcome.testkit.samples.Describe;
import org.outcome.testkit.samples.SurvivalSamples;
import org.outcome.testkit.samples.SurvivalShape;

/**
 * Contracts for survival analyses, each checked on generated time-to-event samples with ties,
 * censoring at event times, all-censored and single-event samples forced in.
 *
 * <ul>
 *   <li>{@link #kaplanMeier}: times ascending, survival in [0, 1] and never increasing, unchanged
 *       at times where only censoring happens, equal to the empirical survival {@code #(T > t)/n}
 *       without censoring, and unchanged by rescaling time.
 *   <li>{@link #logRank}: sane results; unchanged by relabelling the groups, by adding a constant
 *       to every time and by rescaling time.
 *   <li>{@link #coxCoefficients}: negating a covariate negates its coefficient only; shifting a
 *       covariate changes no coefficient; the order of rows changes nothing.
 * </ul>
 */
public final class SurvivalContracts {
  private static final double ITERATIVE_TOLERANCE = 1e-6;

  private final PropertyRunner runner;
  private final String subject;

  private SurvivalContracts(int examples, OptionalLong seed, String subject) {
    this.runner = new PropertyRunner(examples, seed);
    this.subject = subject;
  }

  /**
   * The Kaplan-Meier contract for an estimator of one curve from a sample without groups.
   *
   * @param km the estimator, adapted to a {@link SurvivalCurve}
   */
  public static SurvivalContracts kaplanMeier(Function<SurvivalSample, SurvivalCurve> km) {
    SurvivalContracts c = new SurvivalContracts(200, OptionalLong.empty(), "Kaplan-Meier estimator");
    Generator<Case> any = SurvivalSamples.builder().size(2, 40).build().map(Case::new);
    Generator<Case> uncensored = SurvivalSamples.builder().size(2, 40).shapes(SurvivalShape.NO_CENSORING).build()
        .map(Case::new);
    PropertyRunner r = c.runner;
    r.check("a survival curve", () -> r.forAll(any, x -> {
          SurvivalCurve curve = Outcomes.require(km, x.sample(), "a time-to-event sample");
          double[] t = curve.time();
          double[] s = curve.survival();
          for (int i = 0; i < s.length; i++) {
            Outcomes.check(s[i] >= 0 && s[i] <= 1, "survival " + s[i] + " outside [0, 1] at " + t[i], x);
            double previous = i == 0 ? 1 : s[i - 1];
            Outcomes.check(i == 0 || t[i] > t[i - 1], "times not ascending at " + t[i], x);
            Outcomes.check(s[i] <= previous + Outcomes.TOLERANCE,
                "survival rose from " + previous + " to " + s[i] + " at time " + t[i], x);
            Outcomes.check(hasEventAt(x.sample(), t[i]) || s[i] == previous,
                "survival changed at time " + t[i] + ", where only censoring happens", x);
          }
        }))
        .check("empirical survival without censoring", () -> r.forAll(uncensored, x -> {
          SurvivalCurve curve = Outcomes.require(km, x.sample(), "uncensored data");
          double[] times = x.sample().times();
          double[] t = curve.time();
          double[] s = curve.survival();
          for (int i = 0; i < t.length; i++) {
            final double at = t[i];
            double empirical = (double) Arrays.stream(times).filter(v -> v > at).count() / times.length;
            Outcomes.check(Outcomes.close(s[i], empirical),
                "survival " + s[i] + " at time " + at + ", but " + empirical + " of the sample outlive it", x);
          }
        }))
        .check("rescaling time", () -> r.forAll(any, x -> {
          SurvivalCurve base = Outcomes.require(km, x.sample(), "a time-to-event sample");
          SurvivalCurve scaled = Outcomes.require(km, Resample.withTimes(x.sample(), v -> v * 8), "rescaled times");
          Outcomes.check(Arrays.equals(base.survival(), scaled.survival()),
              "multiplying every time by 8 changed the survival estimates", x);
        }));
    return c;
  }

  /**
   * The log-rank contract for a test of equal survival between the groups of a sample.
   *
   * @param test the test; its {@link AnalysisResult#test()} holds the chi-square and p
   */
  public static SurvivalContracts logRank(Function<SurvivalSample, ? extends AnalysisResult> test) {
    SurvivalContracts c = new SurvivalContracts(200, OptionalLong.empty(), "log-rank test");
    Generator<Case> any = SurvivalSamples.builder().size(4, 40).groups(2).build().map(Case::new);
    Generator<Case> threeGroups = SurvivalSamples.builder().size(6, 40).groups(3)
        .shapes(SurvivalShape.withEvents()).build().map(Case::new);
    PropertyRunner r = c.runner;
    r.check("sane results", () -> r.forAll(any, x ->
            Outcomes.run(test, x.sample()).ifPresent(res -> Outcomes.sane(res, x.sample().size(), x))))
        .check("relabelling the groups", () -> r.forAll(threeGroups, x ->
            c.invariant(test, x, Resample.relabelled(x.sample()), "reversing the group labels")))
        .check("adding a constant to every time", () -> r.forAll(any, x ->
            c.invariant(test, x, Resample.withTimes(x.sample(), v -> v + 100), "adding 100 to every time")))
        .check("rescaling time", () -> r.forAll(any, x ->
            c.invariant(test, x, Resample.withTimes(x.sample(), v -> v * 8), "multiplying every time by 8")));
    return c;
  }

  /**
   * The Cox model contract, on samples with two covariates ({@code x1} binary, {@code x2}
   * continuous) and no groups.
   *
   * @param coefficients the fitted coefficients, in covariate order
   */
  public static SurvivalContracts coxCoefficients(Function<SurvivalSample, double[]> coefficients) {
    SurvivalContracts c = new SurvivalContracts(100, OptionalLong.empty(), "Cox model");
    Generator<Case> samples = SurvivalSamples.builder().size(12, 60).covariates(2)
        .shapes(SurvivalShape.CONTINUOUS_TIMES, SurvivalShape.WHOLE_DAY_TIES, SurvivalShape.NO_CENSORING,
            SurvivalShape.CENSORED_AT_EVENT_TIMES, SurvivalShape.LAST_CENSORED)
        .build().map(Case::new);
    PropertyRunner r = c.runner;
    r.check("negating a covariate", () -> r.forAll(samples, x -> {
          for (int j = 0; j < 2; j++) {
            double[] expected = c.fit(coefficients, x.sample());
            double[] negated = c.fit(coefficients, Resample.withCovariate(x.sample(), j, v -> -v));
            if (expected == null || negated == null) {
              return;
            }
            expected[j] = -expected[j];
            c.sameCoefficients(expected, negated, "negating covariate " + (j + 1), x);
          }
        }))
        .check("shifting a covariate", () -> r.forAll(samples, x -> {
          double[] base = c.fit(coefficients, x.sample());
          double[] shifted = c.fit(coefficients, Resample.withCovariate(x.sample(), 1, v -> v + 5));
          if (base != null && shifted != null) {
            c.sameCoefficients(base, shifted, "adding 5 to covariate 2", x);
          }
        }))
        .check("row order", () -> r.forAll(samples, x -> {
          double[] base = c.fit(coefficients, x.sample());
          double[] reversed = c.fit(coefficients, Resample.reversedRows(x.sample()));
          if (base != null && reversed != null) {
            c.sameCoefficients(base, reversed, "reversing the row order", x);
          }
        }));
    return c;
  }

  /**
   * Checks every property.
   *
   * @throws AssertionError naming each failing property with its counterexample
   */
  public void verify() {
    runner.verifyAll(subject);
  }

  private double[] fit(Function<SurvivalSample, double[]> coefficients, SurvivalSample sample) {
    return Outcomes.run(coefficients, sample).orElse(null);
  }

  private void sameCoefficients(double[] expected, double[] actual, String what, Case x) {
    boolean ok = expected.length == actual.length;
    for (int j = 0; ok && j < expected.length; j++) {
      ok = Math.abs(expected[j] - actual[j]) <= ITERATIVE_TOLERANCE * Math.max(1, Math.abs(expected[j]));
    }
    Outcomes.check(ok, what + " gave coefficients " + Arrays.toString(actual) + ", expected "
        + Arrays.toString(expected), x);
  }

  private void invariant(Function<SurvivalSample, ? extends AnalysisResult> test, Case x, SurvivalSample changed,
      String what) {
    Optional<? extends AnalysisResult> base = Outcomes.run(test, x.sample());
    Optional<? extends AnalysisResult> other = Outcomes.run(test, changed);
    Outcomes.check(base.isPresent() == other.isPresent(), what + " changed whether the data are degenerate", x);
    base.ifPresent(b -> {
      AnalysisResult o = other.orElseThrow();
      Outcomes.check(Outcomes.same(Outcomes.statistic(b), Outcomes.statistic(o)) && Outcomes.same(Outcomes.p(b), Outcomes.p(o)),
          what + " changed the result from " + PairedContracts.summary(b) + " to " + PairedContracts.summary(o), x);
    });
  }

  private static boolean hasEventAt(SurvivalSample s, double t) {
    for (int i = 0; i < s.size(); i++) {
      if (s.event(i) && s.time(i) == t) {
        return true;
      }
    }
    return false;
  }

  private record Case(SurvivalSample sample) {
    @Override
    public String toString() {
      return Describe.survival(sample);
    }
  }
}
