package org.outcome.stats.groups;

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
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Analysis of covariance on baseline, {@code post ~ pre + group}, beside the change-score
 * comparison {@code post - pre ~ group}; any number of groups, treatment coding against a named
 * reference group. Immutable.
 *
 * <p>The ANCOVA model is R's {@code lm(post ~ pre + group)} after
 * {@code group <- relevel(group, ref = reference)}: an intercept, the baseline slope, and for each
 * other group its difference from the reference at equal baseline. The change-score model is
 * {@code lm(I(post - pre) ~ group)}: each group's mean change minus the reference group's. Both
 * come with their coefficient tables (estimates, standard errors, t, p, confidence intervals),
 * residual df, R², sigma, and the F-test of all group effects.
 *
 * <p>The two answer the same question under different assumptions, and each result says which:
 * <ul>
 *   <li>ANCOVA: {@value #ANCOVA_ASSUMPTION}
 *   <li>Change score: {@value #CHANGE_SCORE_ASSUMPTION}
 * </ul>
 * In a randomised comparison both are unbiased and ANCOVA is more precise. With pre-existing
 * groups (consecutive cohorts, historical controls) they can disagree (Lord's paradox: Lord 1967;
 * Wainer 1991); the result reports both and warns when they disagree in sign or in whether the
 * interval excludes zero.
 *
 * <p>Terms are named as R names them: {@code (Intercept)}, the baseline's name, and the group
 * factor's name followed by the level ({@code groupdiet2}); the names default to {@code pre} and
 * {@code group} and can be set to the data's column names with {@link #withTermNames}.
 *
 * <p>Degenerate data: fewer than two groups, a group with no members, a baseline that is
 * constant or collinear with the groups, a change (follow-up minus baseline) that is the same for
 * everyone in each group, a follow-up that baseline and group fit exactly (a residual sum of squares
 * below 1e-13 of the within-group one, where R warns "essentially perfect fit"), or no residual
 * degrees of freedom raise {@link DegenerateDataException}.
 */
public final class Ancova {
  /** The assumption under which the ANCOVA group effects estimate the intervention's effect. */
  public static final String ANCOVA_ASSUMPTION = "adjusts follow-up for baseline; unbiased when groups are "
      + "randomised (equal baseline in expectation) and the baseline slope is common to the groups";
  /** The assumption under which the change-score group effects estimate the intervention's effect. */
  public static final String CHANGE_SCORE_ASSUMPTION = "compares mean change; unbiased when the groups would "
      + "have changed equally without the intervention (no regression to the mean from unequal baselines)";

  /** R's {@code lm} tolerance for a column that adds nothing to the ones before it. */
  private static final double RANK_TOLERANCE = 1e-7;

  /** Residual sum of squares, relative to the within-group one, below which it is rounding. */
  private static final double PERFECT_FIT = 1e-13;

  private static final Ancova DEFAULT = new Ancova(Optional.empty(), 0.95, "post", "pre", "group");

  private final Optional<String> reference;
  private final double confLevel;
  private final String postName;
  private final String preName;
  private final String groupName;

  private Ancova(Optional<String> reference, double confLevel, String postName, String preName, String groupName) {
    this.reference = reference;
    this.confLevel = confLevel;
    this.postName = postName;
    this.preName = preName;
    this.groupName = groupName;
  }

  /** The first level as reference, 95% intervals, variables named {@code post}, {@code pre} and {@code group}. */
  public static Ancova withDefaults() {
    return DEFAULT;
  }

  /** This analysis with another reference group. */
  public Ancova withReference(String level) {
    return new Ancova(Optional.of(Arguments.option(level, "reference")), confLevel, postName, preName, groupName);
  }

  /** This analysis with another confidence level. */
  public Ancova withConfLevel(double value) {
    return new Ancova(reference, Arguments.confLevel(value), postName, preName, groupName);
  }

  /**
   * This analysis naming the follow-up, the baseline and the group factor as the data do, so that
   * formulas and term names read as R's would ({@code groupdiet2}).
   */
  public Ancova withTermNames(String post, String pre, String group) {
    for (String name : new String[] {post, pre, group}) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("variable names must not be blank");
      }
    }
    return new Ancova(reference, confLevel, post, pre, group);
  }

  /**
   * Fits both models.
   *
   * @throws InvalidInputException if the reference group does not exist
   * @throws DegenerateDataException on degenerate data (see the class documentation)
   */
  public Result fit(GroupedPrePostSample sample) {
    return fit(AncovaSummary.of(sample));
  }

  /**
   * Fits both models to a summary of the sample (for example one computed on a cluster), in
   * closed form from the groups' sums of squares and cross-products (see the class
   * documentation); {@link #fit(GroupedPrePostSample)} is this on the sample's summary.
   *
   * @throws InvalidInputException if the reference group does not exist
   * @throws DegenerateDataException on degenerate data (see the class documentation)
   */
  public Result fit(AncovaSummary summary) {
    List<String> levels = new ArrayList<>(summary.groups().keySet());
    String ref = reference.orElse(levels.isEmpty() ? "" : levels.get(0));
    if (!levels.contains(ref)) {
      throw InvalidInputException.of("unknown reference group", Violation.at("reference",
          "no group '" + ref + "'; the groups are " + Factor.describeLevels(levels)));
    }
    for (String level : levels) {
      if (summary.groups().get(level).n() == 0) {
        throw new DegenerateDataException("group '" + level + "' has no members",
            "drop the empty group from the data before the analysis");
      }
    }
    if (levels.size() < 2) {
      throw new DegenerateDataException("there is only one group", "ANCOVA compares two or more groups");
    }
    levels.remove(ref);   // the reference first, the others in their order (R's relevel)
    levels.add(0, ref);
    List<AncovaSummary.Group> groups = levels.stream().map(summary.groups()::get).toList();
    AncovaSummary.Group total = AncovaSummary.Group.empty();
    double wpp = 0;   // within-group sums of squares and cross-products
    double wpy = 0;
    double wyy = 0;
    double wcc = 0;
    for (AncovaSummary.Group g : groups) {
      total = total.merge(g);
      wpp += g.pre().sumOfSquaredDeviations();
      wpy += g.crossProducts();
      wyy += g.post().sumOfSquaredDeviations();
      wcc += g.change().sumOfSquaredDeviations();
    }
    long n = total.n();
    int k = levels.size();
    if (n <= k + 1) {
      throw new DegenerateDataException("ANCOVA with " + k + " groups needs more than " + (k + 1)
          + " people; there are " + n, "collect more data");
    }
    requireVariedChange(groups);
    // the baseline column, as R's QR (tolerance 1e-7) judges it: constant when what the intercept
    // leaves of it is that small beside its length, collinear when what the groups leave is
    double preSquares = total.pre().sumOfSquaredDeviations() + n * total.pre().mean() * total.pre().mean();
    if (wpp <= RANK_TOLERANCE * RANK_TOLERANCE * preSquares) {
      boolean constant = total.pre().sumOfSquaredDeviations() <= RANK_TOLERANCE * RANK_TOLERANCE * preSquares;
      throw new DegenerateDataException("the baseline '" + preName + "' is "
          + (constant ? "constant" : "collinear with the groups") + ", so its slope cannot be estimated",
          "use the change-score comparison or a two-group test on follow-up instead");
    }
    List<String> terms = new ArrayList<>();
    terms.add("(Intercept)");
    terms.add(preName);
    List<String> changeTerms = new ArrayList<>();
    changeTerms.add("(Intercept)");
    for (int g = 1; g < k; g++) {
      terms.add(groupName + levels.get(g));
      changeTerms.add(groupName + levels.get(g));
    }
    // ANCOVA: the pooled within-group slope; each group's adjusted mean post - slope * pre
    double slope = wpy / wpp;
    int df = Math.toIntExact(n - k - 1);
    double rss = Math.max(wyy - slope * wpy, 0);
    if (rss <= PERFECT_FIT * wyy) {
      // what is left is rounding: t and p would be rounding too (R warns "essentially perfect fit")
      throw new DegenerateDataException("follow-up is an exact linear function of baseline and group (the residual "
          + "variance is zero to rounding), so the ANCOVA standard errors and tests are undefined",
          "there is no variation to test against: report the fitted slope and group differences");
    }
    double sigma2 = rss / df;
    AncovaSummary.Group r = groups.get(0);
    double[] b = new double[k + 1];
    double[] se = new double[k + 1];
    b[0] = r.post().mean() - slope * r.pre().mean();
    se[0] = Math.sqrt(sigma2 * (1.0 / r.n() + r.pre().mean() * r.pre().mean() / wpp));
    b[1] = slope;
    se[1] = Math.sqrt(sigma2 / wpp);
    double[] c = new double[k];
    double[] cse = new double[k];
    double sigma2c = wcc / (n - k);
    c[0] = r.change().mean();
    cse[0] = Math.sqrt(sigma2c / r.n());
    for (int g = 1; g < k; g++) {
      AncovaSummary.Group x = groups.get(g);
      double preShift = x.pre().mean() - r.pre().mean();
      b[g + 1] = (x.post().mean() - r.post().mean()) - slope * preShift;
      se[g + 1] = Math.sqrt(sigma2 * (1.0 / x.n() + 1.0 / r.n() + preShift * preShift / wpp));
      c[g] = x.change().mean() - r.change().mean();
      cse[g] = Math.sqrt(sigma2c * (1.0 / x.n() + 1.0 / r.n()));
    }
    double tyy = total.post().sumOfSquaredDeviations();
    double tpp = total.pre().sumOfSquaredDeviations();
    double reducedRss = Math.max(tyy - total.crossProducts() * (total.crossProducts() / tpp), 0);
    double tcc = total.change().sumOfSquaredDeviations();
    LinearModelFit ancovaFit = table(postName + " ~ " + preName + " + " + groupName, terms, b, se, df, rss, tyy - rss,
        fTest(reducedRss, rss, k - 1, df), ANCOVA_ASSUMPTION);
    int dfc = Math.toIntExact(n - k);
    LinearModelFit changeFit = table("I(" + postName + " - " + preName + ") ~ " + groupName, changeTerms, c, cse, dfc,
        wcc, tcc - wcc, fTest(tcc, wcc, k - 1, dfc), CHANGE_SCORE_ASSUMPTION);
    List<GroupPrePost> summaries = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      AncovaSummary.Group x = groups.get(g);
      summaries.add(new GroupPrePost(levels.get(g), x.n(), x.pre().mean(), x.post().mean()));
    }
    List<Warning> warnings = new ArrayList<>();
    for (int g = 1; g < k; g++) {
      Coefficient a = ancovaFit.coefficients().get(g + 1);
      Coefficient d = changeFit.coefficients().get(g);
      boolean signDiffers = sign(a) != sign(d);
      boolean significanceDiffers = a.interval().contains(0) != d.interval().contains(0);
      if (signDiffers || significanceDiffers) {
        warnings.add(Warning.of("ancova-change-score-disagree", "for group '" + levels.get(g)
            + "' ANCOVA and the change score disagree (" + (signDiffers ? "in sign" : "in whether the interval excludes 0")
            + "): with pre-existing groups, say which assumption you accept"));
      }
    }
    return new AncovaResult(n, ref, List.copyOf(levels), summaries, ancovaFit, changeFit, confLevel, warnings);
  }

  /**
   * The sign of an estimate, 0 for one within rounding error of 0 (below 1e-9 of its standard
   * error): a difference of means that is 0 in exact arithmetic comes out as 0 or ±1e-16 depending
   * on the order of the sums, and must not decide a warning.
   */
  private static double sign(Coefficient c) {
    return Math.abs(c.estimate()) <= 1e-9 * c.standardError() ? 0 : Math.signum(c.estimate());
  }

  /** Refuses data where every group's change is one value (both models would fit exactly). */
  private static void requireVariedChange(List<AncovaSummary.Group> groups) {
    double[] first = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      Descriptives change = groups.get(g).change();
      if (change.min() != change.max()) {
        return;
      }
      first[g] = change.min();
    }
    throw new DegenerateDataException("follow-up minus baseline is the same for everyone in each group"
        + " (zero variance)" + (allEqual(first) ? ", " + first[0] + " for everyone" : "")
        + ", so both models fit exactly and their tests are undefined",
        "there is no variation to test against: report the change in each group");
  }

  private static boolean allEqual(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }

  private static LinearModelFit.FTest fTest(double reducedRss, double fullRss, int df1, int df2) {
    double f = Math.max(((reducedRss - fullRss) / df1) / (fullRss / df2), 0);
    return new LinearModelFit.FTest(f, df1, df2, Distributions.fUpper(f, df1, df2));
  }

  private LinearModelFit table(String formula, List<String> terms, double[] estimates, double[] standardErrors, int df,
      double rss, double mss, LinearModelFit.FTest groupTest, String assumption) {
    double q = Distributions.tQuantile((1 + confLevel) / 2, df);
    List<Coefficient> coefficients = new ArrayList<>();
    for (int j = 0; j < terms.size(); j++) {
      double b = estimates[j];
      double se = standardErrors[j];
      double t = b / se;
      double p = Math.min(1, 2 * Distributions.tCdf(-Math.abs(t), df));
      coefficients.add(new Coefficient(terms.get(j), b, se, t, p,
          new ConfidenceInterval(b - q * se, b + q * se, confLevel)));
    }
    double r2 = mss / (mss + rss);
    int n = df + terms.size();
    double adjusted = 1 - (1 - r2) * (n - 1.0) / df;
    return new LinearModelFit(formula, coefficients, df, r2, adjusted, Math.sqrt(rss / df), groupTest, assumption);
  }

  /**
   * Size and mean baseline and follow-up of one group.
   *
   * @param level the group
   * @param n its size
   * @param meanPre its mean baseline
   * @param meanPost its mean follow-up
   */
  public record GroupPrePost(String level, long n, double meanPre, double meanPost) {}

  /**
   * ANCOVA and change-score results side by side.
   *
   * <p>Only {@link #fit} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends AnalysisResult permits AncovaResult {
    /** The number of people. */
    long n();

    /** The reference group. */
    String reference();

    /** The groups, reference first (the order of the coefficients). */
    List<String> levels();

    /** Per-group size and means, in {@code levels} order. */
    List<GroupPrePost> groups();

    /** The ANCOVA fit, {@code post ~ pre + group}. */
    LinearModelFit ancova();

    /** The change-score fit, {@code post - pre ~ group}. */
    LinearModelFit changeScore();

    /** The confidence level of the intervals. */
    double confLevel();
  }

  /** The one implementation of {@link Result}. */
  private record AncovaResult(long n, String reference, List<String> levels, List<GroupPrePost> groups,
      LinearModelFit ancova, LinearModelFit changeScore, double confLevel, List<Warning> warnings) implements Result {
    AncovaResult {
      levels = List.copyOf(levels);
      groups = List.copyOf(groups);
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "ANCOVA on baseline (" + ancova.formula() + "), treatment coding against '" + reference + "'";
    }

    @Override
    public long nUsed() {
      return n;
    }

    /** With two groups, the adjusted difference of the other group from the reference; else absent. */
    @Override
    public Optional<Estimate> estimate() {
      if (levels.size() != 2) {
        return Optional.empty();
      }
      Coefficient c = ancova.coefficients().get(2);
      return Optional.of(Estimate.of("baseline-adjusted difference (" + levels.get(1) + " - " + reference + ")",
          c.estimate(), c.interval()));
    }

    /**
     * The F-test of all group effects, with {@code df} the numerator df (the number of group
     * effects) and {@code denominatorDf} the residual df of the ANCOVA model.
     */
    @Override
    public Optional<HypothesisTest> test() {
      LinearModelFit.FTest f = ancova.groupTest();
      return Optional.of(HypothesisTest.of("F", f.f(), f.df1(), f.df2(), f.pValue()));
    }
  }
}
