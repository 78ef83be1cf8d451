package org.outcome.stats.paired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.internal.Arguments;

/**
 * Which people a before-and-after analysis uses, and an account of everyone else.
 *
 * <ul>
 *   <li>{@link #intentionToTreat()}: everyone enrolled. Without imputation a paired analysis can
 *       only use people with both scores, so this is intention-to-treat <i>with complete-case
 *       handling of missing follow-up</i>: people without a follow-up (or baseline) score are
 *       excluded and counted, and the result says so.
 *   <li>{@link #asTreated(DoseRule)}: only people whose dose meets the rule, for example
 *       {@code DoseRule.moreThan(10)} for "more than ten sessions" (Resnick and Rosenheck 2008);
 *       people below the threshold or with an unknown dose are excluded and counted, then the
 *       complete-case rule applies.
 * </ul>
 *
 * <p>Each excluded person is counted once, under the first reason that applies, in the order of
 * {@link Exclusion}; so {@code included + sum(excluded) = enrolled}.
 */
public sealed interface AnalysisSet {
  /** Why a person is not in the analysis. */
  enum Exclusion {
    /** As-treated: the dose is unknown. */
    DOSE_UNKNOWN("dose unknown"),
    /** As-treated: the dose does not meet the rule. */
    BELOW_DOSE("dose below threshold"),
    /** No baseline score. */
    MISSING_BASELINE("missing baseline"),
    /** No follow-up score (complete-case handling). */
    MISSING_FOLLOW_UP("missing follow-up");

    private final String label;

    Exclusion(String label) {
      this.label = label;
    }

    /** A short label for reports. */
    public String label() {
      return label;
    }
  }

  /** What kind of set it is, for machine-readable reports. */
  enum Kind {
    /** Everyone enrolled (then complete cases). */
    INTENTION_TO_TREAT("intention-to-treat"),
    /** Only people whose dose meets a rule (then complete cases). */
    AS_TREATED("as-treated");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** A short fixed label: {@code intention-to-treat} or {@code as-treated}. */
    public String label() {
      return label;
    }
  }

  /**
   * A rule on the dose, for example "more than 10 sessions".
   *
   * @param threshold the threshold; finite
   * @param inclusive whether a dose equal to the threshold meets the rule
   * @param unit what the dose counts, for the description ({@code "sessions"}), when given
   */
  record DoseRule(double threshold, boolean inclusive, Optional<String> unit) {
    public DoseRule {
      Arguments.finite(threshold, "dose threshold");
      Objects.requireNonNull(unit, "unit");
      if (unit.isPresent() && unit.get().isBlank()) {
        throw new IllegalArgumentException("a dose unit must not be blank");
      }
    }

    /** A rule without a unit. */
    public DoseRule(double threshold, boolean inclusive) {
      this(threshold, inclusive, Optional.empty());
    }

    /** {@code dose > threshold}. */
    public static DoseRule moreThan(double threshold) {
      return new DoseRule(threshold, false);
    }

    /** {@code dose >= threshold}. */
    public static DoseRule atLeast(double threshold) {
      return new DoseRule(threshold, true);
    }

    /** This rule with what the dose counts, for its description: {@code withUnit("sessions")}. */
    public DoseRule withUnit(String value) {
      return new DoseRule(threshold, inclusive, Optional.of(Objects.requireNonNull(value, "unit")));
    }

    /** Whether a dose meets the rule. */
    public boolean accepts(double dose) {
      return inclusive ? dose >= threshold : dose > threshold;
    }

    /**
     * The rule in words: {@code more than 10 sessions}, {@code at least 11 sessions}, or without a
     * unit {@code dose more than 10}; a whole threshold is written without decimals.
     */
    public String description() {
      BigDecimal t = BigDecimal.valueOf(threshold).stripTrailingZeros();
      String number = t.scale() <= 0 ? t.toBigInteger().toString() : t.toPlainString();
      String rule = (inclusive ? "at least " : "more than ") + number;
      return unit.map(u -> rule + " " + u).orElse("dose " + rule);
    }

    /** The {@link #description()}. */
    @Override
    public String toString() {
      return description();
    }
  }

  /** Intention-to-treat with complete-case handling of missing scores. */
  record IntentionToTreat() implements AnalysisSet {
    @Override
    public Kind kind() {
      return Kind.INTENTION_TO_TREAT;
    }

    @Override
    public String description() {
      return "intention-to-treat, complete cases (people without both scores excluded)";
    }
  }

  /** As-treated by a dose rule, then complete cases. */
  record AsTreated(DoseRule rule) implements AnalysisSet {
    public AsTreated {
      Objects.requireNonNull(rule, "rule");
    }

    @Override
    public Kind kind() {
      return Kind.AS_TREATED;
    }

    /** {@code as-treated (more than 10 sessions), complete cases}. */
    @Override
    public String description() {
      return "as-treated (" + rule.description() + "), complete cases";
    }
  }

  /** Intention-to-treat, complete cases. */
  static AnalysisSet intentionToTreat() {
    return new IntentionToTreat();
  }

  /** As-treated by a dose rule, complete cases. */
  static AnalysisSet asTreated(DoseRule rule) {
    return new AsTreated(rule);
  }

  /** The kind of set, with a short fixed {@linkplain Kind#label() label}. */
  Kind kind();

  /** How the set is defined, in words for a report. */
  String description();

  /**
   * Why this set leaves out a person with these scores and dose ({@code NaN} when missing or not
   * known), or empty when it keeps them: the first reason that applies, in the order of
   * {@link Exclusion}. {@link #select} applies this rule to each row; a cluster engine applies it
   * where the rows are.
   */
  default Optional<Exclusion> exclusion(double before, double after, double dose) {
    if (this instanceof AsTreated asTreated) {
      if (Double.isNaN(dose)) {
        return Optional.of(Exclusion.DOSE_UNKNOWN);
      }
      if (!asTreated.rule().accepts(dose)) {
        return Optional.of(Exclusion.BELOW_DOSE);
      }
    }
    if (Double.isNaN(before)) {
      return Optional.of(Exclusion.MISSING_BASELINE);
    }
    if (Double.isNaN(after)) {
      return Optional.of(Exclusion.MISSING_FOLLOW_UP);
    }
    return Optional.empty();
  }

  /**
   * Selects the pairs.
   *
   * @throws InvalidInputException if the set is as-treated and the cohort has no doses
   */
  default Selection select(PairedCohort cohort) {
    if (this instanceof AsTreated && !cohort.hasDose()) {
      throw InvalidInputException.of("as-treated analysis needs doses",
          Violation.at("dose", "no dose column was given for the as-treated rule"));
    }
    int n = cohort.size();
    double[] before = new double[n];
    double[] after = new double[n];
    int[] rows = new int[n];
    int kept = 0;
    Map<Exclusion, List<Integer>> excluded = new EnumMap<>(Exclusion.class);
    for (Exclusion e : Exclusion.values()) {
      excluded.put(e, new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      Exclusion reason = exclusion(cohort.before(i), cohort.after(i), cohort.hasDose() ? cohort.dose(i) : Double.NaN)
          .orElse(null);
      if (reason == null) {
        before[kept] = cohort.before(i);
        after[kept] = cohort.after(i);
        rows[kept] = i + 1;
        kept++;
      } else {
        excluded.get(reason).add(i + 1);
      }
    }
    return new SelectedPairs(this, n, PairedSample.of(java.util.Arrays.copyOf(before, kept),
        java.util.Arrays.copyOf(after, kept)), java.util.Arrays.copyOf(rows, kept), excluded);
  }

  /**
   * The pairs an analysis set selected, and who was left out and why. Only
   * {@link #select(PairedCohort)} makes one: the interface is sealed and its implementation
   * package-private, so a caller cannot forge a selection.
   */
  sealed interface Selection permits SelectedPairs {
    /** The analysis set. */
    AnalysisSet set();

    /** The number of people in the cohort. */
    int enrolled();

    /** The pairs selected, in cohort order. */
    PairedSample sample();

    /** The cohort row (from 1) of each selected pair (a copy). */
    int[] includedRows();

    /** For each reason, the cohort rows (from 1) excluded for it. */
    Map<Exclusion, List<Integer>> excludedRows();

    /** The number of pairs selected. */
    int included();

    /** The number excluded for a reason. */
    int excluded(Exclusion reason);

    /** The number excluded for any reason; {@code included() + excludedTotal() == enrolled()}. */
    int excludedTotal();
  }
}
