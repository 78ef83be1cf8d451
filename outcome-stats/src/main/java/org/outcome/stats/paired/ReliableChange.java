package org.outcome.stats.paired;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.Psychometrics;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.internal.Arguments;

/**
 * Jacobson–Truax reliable and clinically significant change, person by person. Immutable.
 *
 * <p>For each person the reliable change index is {@code RC = (after - before) / S_diff} with
 * {@code S_diff = sqrt(2 SE^2)} and {@code SE = s_1 sqrt(1 - r_xx)}, where {@code s_1} is the
 * reference (normative or baseline) standard deviation and {@code r_xx} the instrument's
 * reliability (Jacobson and Truax 1991, "Clinical significance: a statistical approach to defining
 * meaningful change in psychotherapy research", <i>J. Consulting and Clinical Psychology</i> 59,
 * 12–19, eqs. 4–5; the {@code sqrt(2)} is Christensen and Mendoza's 1986 correction). A person
 * whose {@code |RC|} exceeds the criterion (1.96 by default, Jacobson and Truax's value) changed
 * reliably, in the direction the {@link Polarity} names as better or worse.
 *
 * <p>Where a clinical cut-off is defined (Jacobson and Truax's criterion a, b or c, computed by
 * whoever publishes the instrument's psychometrics), a person has <b>recovered</b> (clinically
 * significant change) when they improved reliably <i>and</i> moved from the dysfunctional side of
 * the cut-off before to the functional side after. Conventions: with higher scores better, the
 * functional side is {@code score > cutoff} and the dysfunctional side {@code score <= cutoff};
 * with lower scores better, {@code score < cutoff} and {@code score >= cutoff}. People who were
 * already on the functional side at baseline cannot recover and are counted separately.
 *
 * <p>Categories are exclusive: recovered, improved (reliably, not recovered), unchanged,
 * deteriorated. Proportions are of the {@code n} pairs analysed.
 */
public final class ReliableChange implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Jacobson and Truax's criterion for 95% (|RC| > 1.96). */
  public static final double JACOBSON_TRUAX_CRITERION = 1.96;

  /** The category of one person's change. */
  public enum Category {
    /** Reliable improvement that also crossed the cut-off into the functional range. */
    RECOVERED,
    /** Reliable improvement (without recovery, or no cut-off defined). */
    IMPROVED,
    /** Change within measurement error. */
    UNCHANGED,
    /** Reliable change for the worse. */
    DETERIORATED
  }

  private final double reliability;
  private final double referenceSd;
  private final OptionalDouble cutoff;
  private final Polarity polarity;
  private final double criterion;

  private ReliableChange(double reliability, double referenceSd, OptionalDouble cutoff, Polarity polarity,
      double criterion) {
    this.reliability = reliability;
    this.referenceSd = referenceSd;
    this.cutoff = cutoff;
    this.polarity = polarity;
    this.criterion = criterion;
  }

  /**
   * Reliable change for an instrument with this reliability and reference SD; higher scores
   * better, no cut-off, criterion 1.96.
   *
   * @throws IllegalArgumentException unless {@code 0 < reliability < 1} and {@code referenceSd > 0}
   */
  public static ReliableChange of(double reliability, double referenceSd) {
    return new ReliableChange(Arguments.openUnit(reliability, "reliability"), Arguments.positive(referenceSd, "reference SD"), OptionalDouble.empty(),
        Polarity.HIGHER_IS_BETTER, JACOBSON_TRUAX_CRITERION);
  }

  /** Reliable change from an instrument's published psychometrics, with its cut-off where defined. */
  public static ReliableChange of(Psychometrics psychometrics, Polarity polarity) {
    return new ReliableChange(psychometrics.reliability(), psychometrics.referenceSd(),
        psychometrics.clinicalCutoff(), Arguments.option(polarity, "polarity"), JACOBSON_TRUAX_CRITERION);
  }

  /** This analysis with a clinical cut-off on the score's scale. */
  public ReliableChange withCutoff(double value) {
    return new ReliableChange(reliability, referenceSd, OptionalDouble.of(Arguments.finite(value, "cutoff")),
        polarity, criterion);
  }

  /** This analysis with another direction of improvement. */
  public ReliableChange withPolarity(Polarity value) {
    return new ReliableChange(reliability, referenceSd, cutoff, Arguments.option(value, "polarity"), criterion);
  }

  /** This analysis with another |RC| criterion, for example {@code 1.645} for 90%. */
  public ReliableChange withCriterion(double value) {
    return new ReliableChange(reliability, referenceSd, cutoff, polarity, Arguments.positive(value, "criterion"));
  }

  /** The standard error of the difference, {@code sqrt(2) * s_1 * sqrt(1 - r_xx)}. */
  public double standardErrorOfDifference() {
    return Math.sqrt(2) * referenceSd * Math.sqrt(1 - reliability);
  }

  /** The smallest change in raw score units that is reliable: {@code criterion * S_diff}. */
  public double reliableChangeThreshold() {
    return criterion * standardErrorOfDifference();
  }

  /** The index of one person's change. */
  public double index(double before, double after) {
    return (after - before) / standardErrorOfDifference();
  }

  /** The category of one person's change. */
  public Category classify(double before, double after) {
    double rc = index(before, after);
    double better = polarity == Polarity.HIGHER_IS_BETTER ? rc : -rc;
    if (better > criterion) {
      if (cutoff.isPresent() && dysfunctional(before) && functional(after)) {
        return Category.RECOVERED;
      }
      return Category.IMPROVED;
    }
    if (better < -criterion) {
      return Category.DETERIORATED;
    }
    return Category.UNCHANGED;
  }

  private boolean functional(double score) {
    double c = cutoff.orElseThrow();
    return polarity == Polarity.HIGHER_IS_BETTER ? score > c : score < c;
  }

  private boolean dysfunctional(double score) {
    return !functional(score);
  }

  /**
   * Classifies every pair.
   *
   * @throws DegenerateDataException if the sample has no pairs
   */
  public Result classify(PairedSample sample) {
    int n = sample.size();
    if (n == 0) {
      throw new DegenerateDataException("there are no pairs to classify", "collect baseline and follow-up scores");
    }
    Category[] categories = new Category[n];
    Tally t = count(sample, categories);
    double[] indices = new double[n];
    for (int i = 0; i < n; i++) {
      indices[i] = index(sample.before(i), sample.after(i));
    }
    return new ReliableChangeResult(n, standardErrorOfDifference(), criterion, reliableChangeThreshold(), cutoff,
        polarity, t.recovered(), t.improved(), t.unchanged(), t.deteriorated(),
        cutoff.isPresent() ? OptionalLong.of(t.functionalAtBaseline()) : OptionalLong.empty(),
        List.of(categories), indices, warnings());
  }

  /**
   * The counts of a reliable change classification: what {@link #summarise(Tally)} gives from a
   * tally, and what every {@link Result} also is.
   */
  public sealed interface Summary extends AnalysisResult permits Result, CountsOnly {
    /** The number of pairs classified. */
    long n();

    /** {@code S_diff}. */
    double standardErrorOfDifference();

    /** The |RC| criterion. */
    double criterion();

    /** The smallest reliable raw change, {@code criterion * S_diff}. */
    double threshold();

    /** The clinical cut-off, where defined. */
    OptionalDouble cutoff();

    /** The direction of improvement. */
    Polarity polarity();

    /** Reliably improved and crossed into the functional range. */
    long recovered();

    /** Reliably improved, not recovered. */
    long improved();

    /** Within measurement error. */
    long unchanged();

    /** Reliably worse. */
    long deteriorated();

    /** People on the functional side of the cut-off at baseline (who cannot recover). */
    OptionalLong functionalAtBaseline();

    /** Reliably improved in any way: recovered plus improved. */
    default long reliablyImproved() {
      return recovered() + improved();
    }

    /** {@code count / n}. */
    default double proportion(long count) {
      return (double) count / n();
    }

    @Override
    default String method() {
      return "Jacobson-Truax reliable change";
    }

    @Override
    default long nUsed() {
      return n();
    }

    /** The proportion reliably improved (recovered or improved). */
    @Override
    default Optional<Estimate> estimate() {
      return Optional.of(Estimate.of("proportion reliably improved", proportion(reliablyImproved())));
    }

    @Override
    default Optional<HypothesisTest> test() {
      return Optional.empty();
    }
  }

  /**
   * The classification of each pair, with the counts.
   *
   * <p>Only {@link #classify} makes one: the interface is sealed and its implementation private,
   * so a caller cannot forge a result.
   */
  public sealed interface Result extends Summary permits ReliableChangeResult {
    /** Each person's category, in sample order. */
    List<Category> categories();

    /** Each person's reliable change index, in sample order (copied on access). */
    double[] indices();
  }

  /**
   * How many pairs a rule puts in each category: mergeable, so that parts of the data (sites,
   * partitions of a cluster) can be tallied separately and added up. Made by
   * {@link ReliableChange#tally}; the tally records its rule, and only that rule summarises it.
   *
   * @param rule the rule that classified the pairs
   * @param recovered the number recovered
   * @param improved the number improved, not recovered
   * @param unchanged the number unchanged
   * @param deteriorated the number deteriorated
   * @param functionalAtBaseline the number on the functional side of the cut-off at baseline (0
   *     without a cut-off)
   */
  public record Tally(ReliableChange rule, long recovered, long improved, long unchanged, long deteriorated,
      long functionalAtBaseline) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @throws NullPointerException if {@code rule} is null
     * @throws IllegalArgumentException if a count is negative, or the rule has no cut-off and
     *     something is counted as recovered or functional at baseline
     */
    public Tally {
      java.util.Objects.requireNonNull(rule, "rule");
      if (recovered < 0 || improved < 0 || unchanged < 0 || deteriorated < 0 || functionalAtBaseline < 0) {
        throw new IllegalArgumentException("a tally counts from 0");
      }
      if (rule.cutoff.isEmpty() && (recovered > 0 || functionalAtBaseline > 0)) {
        throw new IllegalArgumentException("without a cut-off no one recovers or is functional at baseline");
      }
      if (functionalAtBaseline > recovered + improved + unchanged + deteriorated) {
        throw new IllegalArgumentException("more people functional at baseline than pairs");
      }
    }

    /** The number of pairs tallied. */
    public long n() {
      return recovered + improved + unchanged + deteriorated;
    }

    /**
     * This tally and another of the same rule added up.
     *
     * @throws IllegalArgumentException if the rules differ
     */
    public Tally merge(Tally other) {
      if (!rule.equals(other.rule)) {
        throw new IllegalArgumentException("cannot add tallies of different reliable change rules");
      }
      return new Tally(rule, recovered + other.recovered, improved + other.improved, unchanged + other.unchanged,
          deteriorated + other.deteriorated, functionalAtBaseline + other.functionalAtBaseline);
    }
  }

  /** The tally of no pairs. */
  public Tally emptyTally() {
    return new Tally(this, 0, 0, 0, 0, 0);
  }

  /** The tally of one pair. */
  public Tally tally(double before, double after) {
    Category c = classify(before, after);
    return new Tally(this, c == Category.RECOVERED ? 1 : 0, c == Category.IMPROVED ? 1 : 0,
        c == Category.UNCHANGED ? 1 : 0, c == Category.DETERIORATED ? 1 : 0,
        cutoff.isPresent() && functional(before) ? 1 : 0);
  }

  /** The tally of every pair of a sample: the counts of {@link #classify(PairedSample)}. */
  public Tally tally(PairedSample sample) {
    return count(sample, null);
  }

  /** Classifies every pair (into {@code categories} too, when given) and counts them. */
  private Tally count(PairedSample sample, Category[] categories) {
    long[] counts = new long[Category.values().length];
    long functionalAtBaseline = 0;
    for (int i = 0; i < sample.size(); i++) {
      Category c = classify(sample.before(i), sample.after(i));
      counts[c.ordinal()]++;
      if (categories != null) {
        categories[i] = c;
      }
      if (cutoff.isPresent() && functional(sample.before(i))) {
        functionalAtBaseline++;
      }
    }
    return new Tally(this, counts[Category.RECOVERED.ordinal()], counts[Category.IMPROVED.ordinal()],
        counts[Category.UNCHANGED.ordinal()], counts[Category.DETERIORATED.ordinal()], functionalAtBaseline);
  }

  /**
   * The counts of a tally as a result: what {@link #classify(PairedSample)} gives on the pairs
   * tallied, without each person's category.
   *
   * @throws IllegalArgumentException if the tally was made by another rule
   * @throws DegenerateDataException if the tally is empty
   */
  public Summary summarise(Tally tally) {
    if (!equals(tally.rule())) {
      throw new IllegalArgumentException("the tally was made by another reliable change rule");
    }
    if (tally.n() == 0) {
      throw new DegenerateDataException("there are no pairs to classify", "collect baseline and follow-up scores");
    }
    return new CountsOnly(tally.n(), standardErrorOfDifference(), criterion, reliableChangeThreshold(), cutoff,
        polarity, tally.recovered(), tally.improved(), tally.unchanged(), tally.deteriorated(),
        cutoff.isPresent() ? OptionalLong.of(tally.functionalAtBaseline()) : OptionalLong.empty(), warnings());
  }

  private List<Warning> warnings() {
    return cutoff.isPresent() ? List.of() : List.of(Warning.of("no-cutoff",
        "no clinical cut-off is defined: recovery (clinically significant change) is not assessed"));
  }

  /** Two rules are equal when they classify every pair alike: the same parameters. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ReliableChange r && Double.compare(reliability, r.reliability) == 0
        && Double.compare(referenceSd, r.referenceSd) == 0 && cutoff.equals(r.cutoff) && polarity == r.polarity
        && Double.compare(criterion, r.criterion) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(reliability, referenceSd, cutoff, polarity, criterion);
  }

  @Override
  public String toString() {
    return "ReliableChange[reliability=" + reliability + ", referenceSd=" + referenceSd + ", cutoff=" + cutoff
        + ", " + polarity + ", criterion=" + criterion + "]";
  }

  /** Serialized as its parameters (a rule travels to the machines of a cluster). */
  private Object writeReplace() {
    return new Serialized(reliability, referenceSd, cutoff.orElse(Double.NaN), polarity, criterion);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("a rule is read through its serialized form");
  }

  /** The serialized form of a rule: its parameters, checked again when read. */
  private record Serialized(double reliability, double referenceSd, double cutoff, Polarity polarity,
      double criterion) implements java.io.Serializable {
    private Object readResolve() {
      ReliableChange rule = ReliableChange.of(reliability, referenceSd).withPolarity(polarity).withCriterion(criterion);
      return Double.isNaN(cutoff) ? rule : rule.withCutoff(cutoff);
    }
  }

  /** The summary of a tally. */
  private record CountsOnly(long n, double standardErrorOfDifference, double criterion, double threshold,
      OptionalDouble cutoff, Polarity polarity, long recovered, long improved, long unchanged, long deteriorated,
      OptionalLong functionalAtBaseline, List<Warning> warnings) implements Summary {
    CountsOnly {
      warnings = List.copyOf(warnings);
    }
  }

  /** The one implementation of {@link Result}. */
  private record ReliableChangeResult(long n, double standardErrorOfDifference, double criterion, double threshold,
      OptionalDouble cutoff, Polarity polarity, long recovered, long improved, long unchanged, long deteriorated,
      OptionalLong functionalAtBaseline, List<Category> categories, double[] indices,
      List<Warning> warnings) implements Result {
    ReliableChangeResult {
      categories = List.copyOf(categories);
      indices = indices.clone();
      warnings = List.copyOf(warnings);
    }

    /** A copy of each person's reliable change index. */
    @Override
    public double[] indices() {
      return indices.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ReliableChangeResult r && n == r.n && standardErrorOfDifference == r.standardErrorOfDifference
          && criterion == r.criterion && cutoff.equals(r.cutoff) && polarity == r.polarity
          && categories.equals(r.categories) && java.util.Arrays.equals(indices, r.indices)
          && warnings.equals(r.warnings);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(n, standardErrorOfDifference, categories, java.util.Arrays.hashCode(indices));
    }

    @Override
    public String toString() {
      return "ReliableChange.Result[n=" + n + ", recovered=" + recovered + ", improved=" + improved
          + ", unchanged=" + unchanged + ", deteriorated=" + deteriorated + "]";
    }
  }
}
