package org.outcome.stats.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Restricted mean survival time (RMST) up to {@code τ} per group — in tenure terms, the mean days
 * in the community within {@code τ} — and the difference and ratio of each group against a
 * reference group. Per-group values equal R's {@code print(survfit, rmean = τ)}; contrasts follow
 * survRM2's {@code rmst2} (see {@link RmstContrast} for the formulas).
 *
 * <pre>{@code
 * Rmst.Result r = Rmst.withDefaults().withTau(365).compare(sample);
 * }</pre>
 *
 * <p>Defaults: {@code τ} is the smallest of the groups' last observed times (survRM2's default,
 * so no curve is extrapolated), 95% intervals, the reference is the first group in R's level
 * order. Immutable.
 */
public final class Rmst {
  private static final Rmst DEFAULTS =
      new Rmst(RmeanHorizon.smallestLast(), 0.95, Optional.empty(), TimeMatching.R_TOLERANCE);

  private final RmeanHorizon horizon;
  private final double confLevel;
  private final Optional<String> reference;
  private final TimeMatching matching;

  private Rmst(RmeanHorizon horizon, double confLevel, Optional<String> reference, TimeMatching matching) {
    this.horizon = horizon;
    this.confLevel = confLevel;
    this.reference = reference;
    this.matching = matching;
  }

  /** τ = smallest last observed time, 95%, first group as reference, R's time matching. */
  public static Rmst withDefaults() {
    return DEFAULTS;
  }

  /**
   * The same restricted to a fixed {@code τ}.
   *
   * @throws IllegalArgumentException unless {@code tau} is positive and finite
   */
  public Rmst withTau(double tau) {
    return withHorizon(RmeanHorizon.at(tau));
  }

  /** The same with another restriction rule. */
  public Rmst withHorizon(RmeanHorizon h) {
    return new Rmst(Arguments.option(h, "horizon"), confLevel, reference, matching);
  }

  /**
   * The same with another confidence level.
   *
   * @throws IllegalArgumentException unless {@code level} is in (0, 1)
   */
  public Rmst withConfLevel(double level) {
    Arguments.confLevel(level);
    return new Rmst(horizon, level, reference, matching);
  }

  /** The same with this group level as the reference. */
  public Rmst withReference(String level) {
    return new Rmst(horizon, confLevel, Optional.of(Arguments.option(level, "level")), matching);
  }

  /** The same with another rule for matching near-equal times. */
  public Rmst withTimeMatching(TimeMatching m) {
    return new Rmst(horizon, confLevel, reference, Arguments.option(m, "matching"));
  }

  /** The restriction rule. */
  public RmeanHorizon horizon() {
    return horizon;
  }

  /** The confidence level. */
  public double confLevel() {
    return confLevel;
  }

  /** The reference group, when chosen (else the first group). */
  public Optional<String> reference() {
    return reference;
  }

  /**
   * Restricted means of a sample's groups (one group when it has no group column).
   *
   * @throws InvalidInputException if the sample is stratified, the reference level is unknown, or τ
   *     is out of range (see {@link #compare(SurvivalCounts)})
   * @throws DegenerateDataException if there are no rows, or two compared groups both have a
   *     restricted mean of 0
   */
  public Result compare(SurvivalSample sample) {
    return compare(SurvivalCounts.of(sample, matching));
  }

  /**
   * Restricted means from counts.
   *
   * @throws InvalidInputException if the counts are stratified, the reference level is unknown, τ is
   *     so large that the restricted means or their standard errors overflow, or τ is 0 (a horizon
   *     read from data in which a group's rows are all at time 0)
   * @throws DegenerateDataException if there are no rows, or two compared groups both have a
   *     restricted mean of 0 (every row an event at time 0: no ratio)
   */
  public Result compare(SurvivalCounts counts) {
    if (counts.strataLevels().isPresent()) {
      throw InvalidInputException.of("restricted mean survival time is not stratified",
          Violation.at("strata", "remove the strata column, or compare within each stratum separately"));
    }
    KaplanMeier.Result km = KaplanMeier.withDefaults().withConfLevel(confLevel).withRmeanHorizon(horizon)
        .withTimeMatching(matching).fit(counts);
    double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
    List<RmstGroup> groups = new ArrayList<>();
    for (KaplanMeierCurve c : km.curves()) {
      RestrictedMean rm = c.restrictedMean();
      if (!Double.isFinite(rm.mean()) || !Double.isFinite(rm.stdErr())
          || !Double.isFinite(z * rm.stdErr() + Math.abs(rm.mean()))) {
        // the squared areas behind the variance overflow long before the mean does
        throw InvalidInputException.of("restriction time too large", Violation.at("tau",
            "the restriction time " + rm.tau() + " is too large: the restricted mean of "
                + c.group().map(g -> "group " + g).orElse("the sample") + " or its standard error is beyond double precision;"
                + " choose a tau within the follow-up (the last observed time is " + c.lastTime() + ")"));
      }
      groups.add(new RmstGroup(c.group().orElse("all"), c.n(), c.events(), rm.mean(), rm.stdErr(),
          new ConfidenceInterval(rm.mean() - z * rm.stdErr(), rm.mean() + z * rm.stdErr(), confLevel)));
    }
    double tau = km.curves().get(0).restrictedMean().tau();
    if (tau == 0) {
      // only a horizon read from the data can be 0 (withTau refuses it): a group whose rows are all at time 0
      throw InvalidInputException.of("restriction time 0", Violation.at("tau", "the restriction time (the "
          + (horizon instanceof RmeanHorizon.Common ? "largest" : "smallest") + " of the groups' last observed"
          + " times) is 0, because every row of a group is at time 0, so every restricted mean would be 0;"
          + " choose a positive tau with withTau"));
    }
    List<RmstContrast> contrasts = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>(km.warnings());
    if (groups.size() > 1) {
      int ref = 0;
      if (reference.isPresent()) {
        ref = -1;
        for (int i = 0; i < groups.size(); i++) {
          if (groups.get(i).group().equals(reference.get())) {
            ref = i;
          }
        }
        if (ref < 0) {
          throw InvalidInputException.of("unknown reference group",
              Violation.at("reference", "'" + reference.get() + "' is not a group with rows"));
        }
      }
      for (int i = 0; i < groups.size(); i++) {
        if (i != ref) {
          RmstContrast c = contrast(groups.get(i), groups.get(ref), z);
          contrasts.add(c);
          if (groups.get(i).rmean() == 0 || groups.get(ref).rmean() == 0) {
            RmstGroup zero = groups.get(i).rmean() == 0 ? groups.get(i) : groups.get(ref);
            warnings.add(Warning.of("rmst-zero-mean", "the restricted mean of group " + zero.group() + " is 0 (every"
                + " row of it is an event at time 0), so the ratio of group " + c.group() + " to group " + c.reference()
                + " is " + c.ratio() + " whatever the other mean: it is given with a point interval and no test"));
          }
          if (!(c.differenceStdErr() > 0)) {
            warnings.add(Warning.of("rmst-no-variance", "the restricted means of group " + c.group() + " and group "
                + c.reference() + " both have standard error 0 (no event before the restriction time leaves either"
                + " curve uncertain), so their difference and ratio are given with standard error 0 and no test"));
          }
        }
      }
    }
    return new RmstResult(tau, confLevel, groups, contrasts, km.rows(), warnings);
  }

  /**
   * One contrast, as survRM2's arithmetic. A restricted mean of 0 (a group whose every row is an
   * event at time 0, which R's {@code Surv} allows; its standard error is 0 too) leaves the ratio 0
   * or infinite whatever the other mean, where R's {@code exp(log(m1) - log(m0))} gives the same
   * ratio but {@code NaN} for its standard error, interval and p: the ratio is given with a point
   * interval, standard error and p {@code NaN}. Two means of 0 have no ratio at all (R: {@code NaN}).
   *
   * @throws DegenerateDataException if both restricted means are 0
   */
  private RmstContrast contrast(RmstGroup g, RmstGroup ref, double z) {
    double diff = g.rmean() - ref.rmean();
    double se = Math.hypot(g.stdErr(), ref.stdErr()); // the sum of squares, without overflow at a large tau
    if (g.rmean() == 0 || ref.rmean() == 0) {
      if (g.rmean() == ref.rmean()) {
        throw new DegenerateDataException("the restricted means of group " + g.group() + " and group " + ref.group()
            + " are both 0 (every row of both is an event at time 0), so they have no ratio",
            "compare groups in which someone lives past time 0, or leave one of these groups out");
      }
      double ratio = g.rmean() / ref.rmean();
      return new RmstContrast(g.group(), ref.group(), diff, se,
          new ConfidenceInterval(diff - z * se, diff + z * se, confLevel),
          se > 0 ? Distributions.normalTwoSided(diff / se) : Double.NaN,
          ratio, Double.NaN, new ConfidenceInterval(ratio, ratio, confLevel), Double.NaN);
    }
    double logRatio = Math.log(g.rmean()) - Math.log(ref.rmean());
    double seLog = Math.hypot(g.stdErr() / g.rmean(), ref.stdErr() / ref.rmean());
    // with no variance the estimates stand, with a point interval and no test (p NaN; see the warning)
    return new RmstContrast(g.group(), ref.group(), diff, se,
        new ConfidenceInterval(diff - z * se, diff + z * se, confLevel),
        se > 0 ? Distributions.normalTwoSided(diff / se) : Double.NaN,
        Math.exp(logRatio), seLog,
        new ConfidenceInterval(Math.exp(logRatio - z * seLog), Math.exp(logRatio + z * seLog), confLevel),
        seLog > 0 ? Distributions.normalTwoSided(logRatio / seLog) : Double.NaN);
  }

  @Override
  public String toString() {
    return "Rmst[horizon=" + horizon + ", confLevel=" + confLevel + ", reference=" + reference + "]";
  }

  /**
   * Restricted mean survival times up to {@code τ} per group, and each group compared with the
   * reference group.
   *
   * <p>As an {@link AnalysisResult}: with two groups the primary estimate is the difference (other
   * minus reference) with its interval and the test is its z test; with one group the estimate is
   * its restricted mean; with more groups there is no single primary estimate (see
   * {@link #contrasts()}).
   *
   * <p>Only {@link #compare} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits RmstResult {
    /** The restriction time. */
    double tau();

    /** The confidence level of the intervals. */
    double confLevel();

    /** Per group, in R's level order. */
    List<RmstGroup> groups();

    /** Each non-reference group against the reference, in level order. */
    List<RmstContrast> contrasts();

    /** Rows used. */
    long rows();
  }

  /** The one implementation of {@link Result}. */
  private record RmstResult(double tau, double confLevel, List<RmstGroup> groups, List<RmstContrast> contrasts,
      long rows, List<Warning> warnings) implements Result {
    RmstResult {
      groups = List.copyOf(groups);
      contrasts = List.copyOf(contrasts);
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Restricted mean survival time up to " + tau;
    }

    @Override
    public long nUsed() {
      return rows;
    }

    @Override
    public Optional<Estimate> estimate() {
      if (contrasts.size() == 1) {
        RmstContrast c = contrasts.get(0);
        return Optional.of(Estimate.of("RMST difference (" + c.group() + " - " + c.reference() + ")", c.difference(),
            c.differenceInterval()));
      }
      if (groups.size() == 1) {
        RmstGroup g = groups.get(0);
        return Optional.of(Estimate.of("restricted mean survival time", g.rmean(), g.interval()));
      }
      return Optional.empty();
    }

    @Override
    public Optional<HypothesisTest> test() {
      if (contrasts.size() == 1 && contrasts.get(0).differenceStdErr() > 0) {
        RmstContrast c = contrasts.get(0);
        return Optional.of(HypothesisTest.of("z", c.difference() / c.differenceStdErr(), c.differenceP()));
      }
      return Optional.empty();
    }
  }
}
