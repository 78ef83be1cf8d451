package org.outcome.stats.survival.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Event rates per group and their ratios with robust standard errors: each person's events and
 * time at risk (the lengths of their intervals) summed, the rate {@code sum events / sum time} per
 * group, and the rate ratio of each group to the first. This is the Poisson model
 * {@code glm(events ~ group + offset(log(time)), family = poisson)} on one row per person, whose
 * model-based SE assumes a person's events independent; recurrent readmissions are over-dispersed
 * (some people are readmitted far more often), so the reported SE is the sandwich
 * ({@code sandwich::vcovHC(fit, type = "HC0")}): {@code Var(log rate_g) = sum over people of the
 * group of (y_i - rate_g t_i)^2 / (sum y_i)^2}. The Poisson SE is given beside it, and their ratio
 * shows how far the Poisson interval is too narrow.
 */
public final class RecurrentRates {
  private RecurrentRates() {}

  /**
   * One group's rate.
   *
   * @param group the level
   * @param people the people
   * @param events their events
   * @param time their time at risk
   * @param rate {@code events / time}
   * @param seLog the robust SE of {@code log(rate)}
   * @param interval {@code rate exp(± z seLog)}
   */
  public record GroupRate(String group, long people, long events, double time, double rate, double seLog,
      ConfidenceInterval interval) {}

  /**
   * A group's rate ratio to the reference group.
   *
   * @param group the group
   * @param reference the reference (first) group
   * @param ratio the rate ratio
   * @param seLog the robust SE of its logarithm
   * @param interval {@code ratio exp(± z seLog)}
   * @param z {@code log(ratio) / seLog}
   * @param p two-sided normal p (robust)
   * @param poissonSeLog the Poisson (model-based) SE of its logarithm
   * @param poissonP the Poisson Wald p
   */
  public record RateRatio(String group, String reference, double ratio, double seLog, ConfidenceInterval interval,
      double z, double p, double poissonSeLog, double poissonP) {}

  /**
   * The rates and ratios.
   *
   * @param groups one per group, in level order
   * @param ratios each group after the first against the first
   */
  public record Result(List<GroupRate> groups, List<RateRatio> ratios) implements AnalysisResult {
    /** Copies. */
    public Result {
      groups = List.copyOf(groups);
      ratios = List.copyOf(ratios);
    }

    @Override
    public String method() {
      return "Event rates per person, rate ratio with sandwich (HC0) standard error";
    }

    @Override
    public long nUsed() {
      return groups.stream().mapToLong(GroupRate::people).sum();
    }

    /** The first rate ratio with its robust interval. */
    @Override
    public Optional<Estimate> estimate() {
      return ratios.stream().findFirst().map(r -> Estimate.of("rate ratio (" + r.group() + " / " + r.reference() + ")",
          r.ratio(), r.interval()));
    }

    /** The first rate ratio's robust z test. */
    @Override
    public Optional<HypothesisTest> test() {
      return ratios.stream().findFirst().map(r -> HypothesisTest.of("z", r.z(), r.p()));
    }

    @Override
    public List<Warning> warnings() {
      return List.of();
    }
  }

  /** At 95%; see {@link #fit(CountingProcessSample, double)}. */
  public static Result fit(CountingProcessSample sample) {
    return fit(sample, 0.95);
  }

  /**
   * Sums each person's rows (the sample's id; each row its own person without one) and compares the
   * groups (the sample's group column; one group without one).
   *
   * @throws InvalidInputException if a person's rows are in more than one group (naming the row)
   * @throws DegenerateDataException if a group has no event or no time at risk
   */
  public static Result fit(CountingProcessSample sample, double confLevel) {
    Objects.requireNonNull(sample, "sample");
    Arguments.confLevel(confLevel);
    double z = Distributions.normalQuantile((1 + confLevel) / 2);
    int n = sample.size();
    Optional<Factor> id = sample.id();
    Optional<Factor> group = sample.atStop().group();
    int people = id.map(Factor::levelCount).orElse(n);
    long[] events = new long[people];
    double[] time = new double[people];
    int[] groupOf = new int[people];
    java.util.Arrays.fill(groupOf, -1);
    for (int i = 0; i < n; i++) {
      int p = id.isPresent() ? id.get().code(i) : i;
      int g = group.isPresent() ? group.get().code(i) : 0;
      if (groupOf[p] >= 0 && groupOf[p] != g) {
        throw InvalidInputException.of("a person in two groups",
            Violation.atCell(i + 1L, "group", "the person's earlier rows are in another group"));
      }
      groupOf[p] = g;
      events[p] += sample.atStop().event(i) ? 1 : 0;
      time[p] += sample.atStop().time(i) - sample.start(i);
    }
    List<String> levels = group.map(Factor::levels).orElse(List.of("all"));
    int ng = levels.size();
    long[] groupPeople = new long[ng];
    long[] groupEvents = new long[ng];
    double[] groupTime = new double[ng];
    for (int p = 0; p < people; p++) {
      if (groupOf[p] >= 0) {
        groupPeople[groupOf[p]]++;
        groupEvents[groupOf[p]] += events[p];
        groupTime[groupOf[p]] += time[p];
      }
    }
    double[] rate = new double[ng];
    double[] meat = new double[ng];
    for (int g = 0; g < ng; g++) {
      if (groupEvents[g] == 0 || !(groupTime[g] > 0)) {
        throw new DegenerateDataException("group " + levels.get(g) + " has no event or no time at risk",
            "a rate ratio needs events in every group");
      }
      rate[g] = groupEvents[g] / groupTime[g];
    }
    for (int p = 0; p < people; p++) {
      if (groupOf[p] >= 0) {
        double r = events[p] - rate[groupOf[p]] * time[p];
        meat[groupOf[p]] += r * r;
      }
    }
    List<GroupRate> rates = new ArrayList<>();
    double[] varLog = new double[ng];
    for (int g = 0; g < ng; g++) {
      varLog[g] = meat[g] / ((double) groupEvents[g] * groupEvents[g]);
      double se = Math.sqrt(varLog[g]);
      rates.add(new GroupRate(levels.get(g), groupPeople[g], groupEvents[g], groupTime[g], rate[g], se,
          new ConfidenceInterval(rate[g] * Math.exp(-z * se), rate[g] * Math.exp(z * se), confLevel)));
    }
    List<RateRatio> ratios = new ArrayList<>();
    for (int g = 1; g < ng; g++) {
      double ratio = rate[g] / rate[0];
      double se = Math.sqrt(varLog[g] + varLog[0]);
      double poisson = Math.sqrt(1.0 / groupEvents[g] + 1.0 / groupEvents[0]);
      double zr = Math.log(ratio) / se;
      ratios.add(new RateRatio(levels.get(g), levels.get(0), ratio, se,
          new ConfidenceInterval(ratio * Math.exp(-z * se), ratio * Math.exp(z * se), confLevel), zr,
          Distributions.normalTwoSided(zr), poisson, Distributions.normalTwoSided(Math.log(ratio) / poisson)));
    }
    return new Result(rates, ratios);
  }
}
