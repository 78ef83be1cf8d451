package org.outcome.stats.psychometrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.FDistribution;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.stats.internal.Arguments;

/**
 * The internal consistency of a set of items: Cronbach's alpha, raw and standardised, with the
 * item statistics, the Feldt interval, optionally a bootstrap interval, and McDonald's omega total
 * from a one-factor model, as R's {@code psych::alpha(x)} (psych 2.2.9) reports them on data
 * without missing values. Immutable; derive variants with the {@code with...} methods.
 *
 * <pre>{@code
 * InternalConsistency.Result r = InternalConsistency.withDefaults().withConfLevel(0.90)
 *     .analyse(ItemResponses.of(List.of("q1", "q2", "q3"), q1, q2, q3));
 * r.rawAlpha(); r.feldt(); r.itemStatistics(); r.omega();
 * }</pre>
 *
 * <h2>Formulas</h2>
 * With {@code k} items, their covariance matrix {@code C} (denominator {@code n − 1}) and
 * correlation matrix {@code R} over the {@code n} complete rows:
 * <ul>
 *   <li>raw alpha (Cronbach 1951) {@code α = k/(k − 1) · (1 − Σ_i C_ii / Σ_ij C_ij)}, psych's
 *       {@code raw_alpha};
 *   <li>standardised alpha {@code α_std = k/(k − 1) · (1 − k / Σ_ij R_ij) = k r̄ / (1 + (k − 1) r̄)},
 *       psych's {@code std.alpha}, with the average inter-item correlation
 *       {@code r̄ = (Σ_ij R_ij − k) / (k (k − 1))} ({@code average_r});
 *   <li>per item ({@link ItemStatistics}): the correlations with the total and with the rest, and
 *       alpha if the item is dropped;
 *   <li>the mean and SD of the total (sum) score, psych's {@code alpha(x, cumulative = TRUE)}
 *       {@code mean} and {@code sd} (psych's default reports those of the mean score instead,
 *       1/k of these);
 *   <li>Feldt's interval (Feldt 1965; Feldt, Woodruff &amp; Salih 1987), psych's {@code alpha.ci}
 *       and the "Feldt" limits {@code alpha} prints: with {@code F_p} the {@code p} quantile of F
 *       on {@code n − 1} and {@code (n − 1)(k − 1)} degrees of freedom,
 *       {@code lower = 1 − (1 − α) F_{1 − (1 − level)/2}} and
 *       {@code upper = 1 − (1 − α) F_{(1 − level)/2}};
 *   <li>optionally a percentile bootstrap interval for raw alpha ({@link #withBootstrap}): the
 *       complete rows resampled with replacement, raw alpha of each resample, the interval the
 *       {@code (1 − level)/2} and {@code 1 − (1 − level)/2} quantiles of those (R's default
 *       {@code quantile} type 7). psych's {@code n.iter} does the same with R's random numbers (and
 *       always at 95%); this uses {@link SplittableRandom} with the given seed, so a seed gives the
 *       same interval on every run, but not R's;
 *   <li>omega total from a one-factor maximum-likelihood fit of {@code R} ({@link OneFactorModel}),
 *       with three items or more.
 * </ul>
 *
 * <p>Alpha is not clamped: it is negative when the items' covariances are negative on the whole
 * (items that should have been reversed, or unrelated items), and then its interval is too. An item
 * whose correlation with the rest of the items is negative gets a warning
 * ({@code negative-item-rest-correlation}) naming it: it probably should be reversed. (psych warns
 * when an item's loading on the first principal component is negative; an item whose correlation
 * with the total is negative always has a negative item–rest correlation, so it is warned about here
 * too.)
 *
 * <p>Missing answers: complete cases only ({@link ItemResponses}), not psych's pairwise default.
 *
 * <p>Degenerate data: fewer than two items is invalid input; fewer than two complete rows, an item
 * whose answers are all equal (psych drops it with a warning; here it must be left out by the
 * caller), or a total (or a total without one item, or the total of the standardised items) that is
 * the same on every row raise a
 * {@link DegenerateDataException} naming the item.
 */
public final class InternalConsistency {
  private static final InternalConsistency DEFAULT = new InternalConsistency(0.95, 0, 0, true);

  private final double confLevel;
  private final int resamples;
  private final long seed;
  private final boolean omega;

  private InternalConsistency(double confLevel, int resamples, long seed, boolean omega) {
    this.confLevel = confLevel;
    this.resamples = resamples;
    this.seed = seed;
    this.omega = omega;
  }

  /** 95% Feldt interval, no bootstrap, omega total computed (psych's defaults, but for omega). */
  public static InternalConsistency withDefaults() {
    return DEFAULT;
  }

  /** This analysis with another confidence level, in (0, 1), for the Feldt and bootstrap intervals. */
  public InternalConsistency withConfLevel(double value) {
    return new InternalConsistency(Arguments.confLevel(value), resamples, seed, omega);
  }

  /**
   * This analysis with a percentile bootstrap interval for raw alpha from {@code resamples}
   * resamples of the complete rows, drawn with {@code new SplittableRandom(seed)}.
   *
   * @throws IllegalArgumentException unless {@code resamples} is at least 2
   */
  public InternalConsistency withBootstrap(int resamples, long seed) {
    if (resamples < 2) {
      throw new IllegalArgumentException("the bootstrap needs at least 2 resamples, got " + resamples);
    }
    return new InternalConsistency(confLevel, resamples, seed, omega);
  }

  /** This analysis without a bootstrap interval. */
  public InternalConsistency withoutBootstrap() {
    return new InternalConsistency(confLevel, 0, 0, omega);
  }

  /** This analysis with (true) or without omega total. */
  public InternalConsistency withOmega(boolean value) {
    return new InternalConsistency(confLevel, resamples, seed, value);
  }

  /** The confidence level. */
  public double confLevel() {
    return confLevel;
  }

  /** The number of bootstrap resamples; 0 when there is no bootstrap. */
  public int resamples() {
    return resamples;
  }

  /** The bootstrap's seed (0 when there is no bootstrap). */
  public long seed() {
    return seed;
  }

  /** Whether omega total is computed. */
  public boolean omega() {
    return omega;
  }

  /**
   * Analyses the complete rows of the responses.
   *
   * @throws InvalidInputException with fewer than two items
   * @throws DegenerateDataException with fewer than two complete rows, an item with the same answer
   *     on every row, or a total score (or a total without one item, or the total of the
   *     standardised items) that is the same on every row
   */
  public Result analyse(ItemResponses responses) {
    Objects.requireNonNull(responses, "responses");
    int k = responses.itemCount();
    List<String> items = responses.items();
    if (k < 2) {
      throw InvalidInputException.of("cannot compute internal consistency", Violation.at("items",
          "there " + (k == 1 ? "is 1 item" : "are no items") + "; alpha needs at least two"));
    }
    int n = responses.completeRows();
    if (n < 2) {
      throw new DegenerateDataException("there " + (n == 1 ? "is 1 complete row" : "are no complete rows") + " of "
          + responses.rowsRead() + "; alpha needs at least two",
          "collect more answers, or leave out the item most often missing");
    }
    double[][] x = responses.columns();
    double[] mean = new double[k];
    for (int j = 0; j < k; j++) {
      mean[j] = mean(x[j]);
      if (constant(x[j])) {
        throw new DegenerateDataException("item " + items.get(j) + " has the same answer on all " + n
            + " complete rows (zero variance)", "leave item " + items.get(j) + " out of the analysis");
      }
    }
    double[][] c = covariance(x, mean);
    double trace = 0;
    double total = 0;
    double[] rowSum = new double[k];
    for (int i = 0; i < k; i++) {
      trace += c[i][i];
      for (int j = 0; j < k; j++) {
        rowSum[i] += c[i][j];
      }
      total += rowSum[i];
    }
    if (!(total > 1e-12 * trace)) {
      throw new DegenerateDataException("the total score is the same on every complete row (the items' "
          + "covariances cancel their variances)", "check the items' keying: some may need reversing");
    }
    double[][] r = new double[k][k];
    double sumR = 0;
    double[] rowSumR = new double[k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        r[i][j] = i == j ? 1 : c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
        rowSumR[i] += r[i][j];
      }
      sumR += rowSumR[i];
    }
    if (!(sumR > 1e-12 * k * k)) {
      throw new DegenerateDataException("the standardised items sum to the same value on every complete row (their "
          + "correlations cancel), so standardised alpha is undefined", "check the items' keying: some may need reversing");
    }
    double factor = k / (k - 1.0);
    double raw = factor * (1 - trace / total);
    double std = factor * (1 - k / sumR);
    double averageR = (sumR - k) / (k * (k - 1.0));

    List<ItemStatistics> stats = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double rest = total - 2 * rowSum[i] + c[i][i];
      if (!(rest > 1e-12 * (trace - c[i][i]))) {
        throw new DegenerateDataException("the total of the items other than " + items.get(i)
            + " is the same on every complete row", "check the items' keying: some may need reversing");
      }
      double itemRest = (rowSum[i] - c[i][i]) / Math.sqrt(c[i][i] * rest);
      double itemTotal = rowSum[i] / Math.sqrt(c[i][i] * total);
      OptionalDouble rawDropped = OptionalDouble.empty();
      OptionalDouble stdDropped = OptionalDouble.empty();
      if (k > 2) {
        double m = k - 1.0;
        rawDropped = OptionalDouble.of(m / (m - 1) * (1 - (trace - c[i][i]) / rest));
        stdDropped = OptionalDouble.of(m / (m - 1) * (1 - m / (sumR - 2 * rowSumR[i] + 1)));
      }
      stats.add(new ItemStatistics(items.get(i), mean[i], Math.sqrt(c[i][i]), itemTotal, itemRest, rawDropped,
          stdDropped));
      if (itemRest < 0) {
        negative.add(items.get(i));
      }
    }
    double totalMean = 0;
    for (double m : mean) {
      totalMean += m;
    }

    List<Warning> warnings = new ArrayList<>();
    if (!negative.isEmpty()) {
      warnings.add(Warning.of("negative-item-rest-correlation", (negative.size() == 1 ? "item " : "items ")
          + String.join(", ", negative) + (negative.size() == 1 ? " correlates" : " correlate")
          + " negatively with the rest of the items: probably reverse-keyed (psych: check.keys)"));
    }
    double df1 = n - 1.0;
    double df2 = (n - 1.0) * (k - 1.0);
    FDistribution f = new FDistribution(df1, df2, 1e-15);
    double tail = (1 - confLevel) / 2;
    double feldtLower = 1 - (1 - raw) * f.inverseCumulativeProbability(1 - tail);
    double feldtUpper = 1 - (1 - raw) * f.inverseCumulativeProbability(tail);
    // alpha is at most 1, but can exceed it by a rounding error (items that agree exactly), which
    // would swap the limits
    ConfidenceInterval feldt = new ConfidenceInterval(Math.min(feldtLower, feldtUpper),
        Math.max(feldtLower, feldtUpper), confLevel);
    Optional<BootstrapInterval> bootstrap = resamples == 0 ? Optional.empty()
        : Optional.of(bootstrap(x, n, warnings));
    Optional<OneFactorModel> model = Optional.empty();
    if (omega && k >= 3) {
      // n rows give a correlation matrix of rank n - 1 at most: singular unless n > k
      model = n > k ? OneFactorMl.fit(r) : Optional.empty();
      if (model.isEmpty()) {
        String why = n <= k ? "there are no more complete rows (" + n + ") than items (" + k + "), so the items'"
            + " correlation matrix is singular"
            : !OneFactorMl.positiveDefinite(r) ? "the items' correlation matrix is singular (an item is a linear"
                + " combination of others, to rounding error)"
            : "the maximum-likelihood iteration did not settle";
        warnings.add(Warning.of("omega-not-computed", "the one-factor model could not be fitted (" + why
            + "), so there is no omega"));
      } else if (model.get().heywood()) {
        warnings.add(Warning.of("heywood-case", "an item's uniqueness reached the lower bound 0.005 in the"
            + " one-factor model (a Heywood case): read omega with care"));
      }
    }
    return new InternalConsistencyResult(items, n, responses.omittedRows(), raw, std, averageR, totalMean,
        Math.sqrt(total), stats, feldt, bootstrap, model, warnings);
  }

  private BootstrapInterval bootstrap(double[][] x, int n, List<Warning> warnings) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] alphas = new double[resamples];
    int kept = 0;
    int[] rows = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        rows[i] = random.nextInt(n);
      }
      double a = rawAlpha(x, rows);
      if (Double.isFinite(a)) {
        alphas[kept++] = a;
      }
    }
    int degenerate = resamples - kept;
    if (kept < 2) {
      throw new DegenerateDataException("raw alpha is undefined in " + degenerate + " of " + resamples
          + " bootstrap resamples (their total score is constant)", "use the Feldt interval");
    }
    if (degenerate > 0) {
      warnings.add(Warning.of("bootstrap-degenerate-resamples", degenerate + " of " + resamples
          + " bootstrap resamples had a constant total score and were left out of the bootstrap interval"));
    }
    double[] sorted = Arrays.copyOf(alphas, kept);
    Arrays.sort(sorted);
    double tail = (1 - confLevel) / 2;
    return new BootstrapInterval(new ConfidenceInterval(quantile(sorted, tail), quantile(sorted, 1 - tail),
        confLevel), resamples, degenerate, seed);
  }

  /** Raw alpha of the rows given (with repeats), NaN when the total is constant. */
  private static double rawAlpha(double[][] x, int[] rows) {
    int k = x.length;
    int n = rows.length;
    double items = 0;
    double[] totals = new double[n];
    for (double[] column : x) {
      double sum = 0;
      for (int row : rows) {
        sum += column[row];
      }
      double m = sum / n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double d = column[rows[i]] - m;
        ss += d * d;
        totals[i] += column[rows[i]];
      }
      items += ss;
    }
    double totalMean = mean(totals);
    double ss = 0;
    for (double t : totals) {
      ss += (t - totalMean) * (t - totalMean);
    }
    return ss > 1e-12 * items ? k / (k - 1.0) * (1 - items / ss) : Double.NaN;
  }

  /** R's {@code quantile(x, p)}, type 7, of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The mean as R's {@code mean}: the sum over n, corrected by the mean residual. */
  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double m = sum / values.length;
    double residual = 0;
    for (double v : values) {
      residual += v - m;
    }
    return m + residual / values.length;
  }

  private static boolean constant(double[] values) {
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }

  /** The covariance matrix (denominator n − 1), two passes about the means. */
  private static double[][] covariance(double[][] x, double[] mean) {
    int k = x.length;
    int n = x[0].length;
    double[][] d = new double[k][n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        d[j][i] = x[j][i] - mean[j];
      }
    }
    double[][] c = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b <= a; b++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += d[a][i] * d[b][i];
        }
        c[a][b] = s / (n - 1);
        c[b][a] = c[a][b];
      }
    }
    return c;
  }

  /**
   * A percentile bootstrap interval.
   *
   * @param interval the interval
   * @param resamples the number of resamples drawn
   * @param degenerate how many of them had a constant total (no alpha) and were left out
   * @param seed the seed of the {@link SplittableRandom} that drew them
   */
  public record BootstrapInterval(ConfidenceInterval interval, int resamples, int degenerate, long seed) {
    public BootstrapInterval {
      Objects.requireNonNull(interval, "interval");
    }
  }

  /**
   * The internal-consistency result: every raw component.
   *
   * <p>Only {@link #analyse} makes one.
   */
  public sealed interface Result extends AnalysisResult permits InternalConsistencyResult {
    /** The items' names, in order. */
    List<String> items();

    /** The number of complete rows analysed, n. */
    long n();

    /** The rows left out for a missing answer, numbered from 1. */
    List<Long> omittedRows();

    /** Raw alpha. */
    double rawAlpha();

    /** Standardised alpha. */
    double stdAlpha();

    /** The average inter-item correlation, r̄. */
    double averageR();

    /** The mean of the total (sum) score. */
    double totalMean();

    /** The standard deviation of the total (sum) score. */
    double totalSd();

    /** Each item's statistics, in the items' order. */
    List<ItemStatistics> itemStatistics();

    /** Feldt's interval for raw alpha. */
    ConfidenceInterval feldt();

    /** The percentile bootstrap interval for raw alpha, when asked for. */
    Optional<BootstrapInterval> bootstrap();

    /** The one-factor model and omega total: with three items or more, when asked for and the fit succeeded. */
    Optional<OneFactorModel> omega();
  }

  /** The one implementation of {@link Result}. */
  private record InternalConsistencyResult(List<String> items, long n, List<Long> omittedRows, double rawAlpha,
      double stdAlpha, double averageR, double totalMean, double totalSd, List<ItemStatistics> itemStatistics,
      ConfidenceInterval feldt, Optional<BootstrapInterval> bootstrap, Optional<OneFactorModel> omega,
      List<Warning> warnings) implements Result {
    InternalConsistencyResult {
      items = List.copyOf(items);
      omittedRows = List.copyOf(omittedRows);
      itemStatistics = List.copyOf(itemStatistics);
      warnings = List.copyOf(warnings);
    }

    @Override
    public String method() {
      return "Cronbach's alpha (raw and standardised), Feldt interval" + (bootstrap.isPresent()
          ? ", percentile bootstrap interval" : "") + (omega.isPresent() ? ", omega total (one-factor ML)" : "");
    }

    @Override
    public long nUsed() {
      return n;
    }

    @Override
    public Optional<Estimate> estimate() {
      return Optional.of(Estimate.of("raw alpha", rawAlpha, feldt));
    }

    @Override
    public Optional<HypothesisTest> test() {
      return Optional.empty();
    }
  }
}
