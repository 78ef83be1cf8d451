package org.outcome.evaluation.internal.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The JSON form of an evaluation configuration ({@code evaluation.json}), exactly as written.
 * Field-level rules are Jakarta Bean Validation annotations; what depends on more than one field,
 * on the files or on the installed plugins is checked by
 * {@link org.outcome.evaluation.EvaluationConfigReader}. Absent optional fields, and values the
 * reader refused, are {@code null} here and nowhere else.
 */
public final class ConfigDocument {
  /** Text with at least one character that is not white space. */
  static final String NOT_BLANK = "(?s).*\\S.*";
  static final String BLANK = "must not be blank";
  static final String REQUIRED = "is required";

  private ConfigDocument() {}

  /** The whole file. */
  public record Config(
      @Pattern(regexp = NOT_BLANK, message = BLANK) @Size(max = 500) String title,
      @DecimalMin(value = "0", inclusive = false, message = "must be between 0 and 1")
      @DecimalMax(value = "1", inclusive = false, message = "must be between 0 and 1") Double confLevel,
      @NotNull(message = REQUIRED) @Valid Data data,
      @NotNull(message = REQUIRED) @Valid Groups groups,
      @Valid Timepoints timepoints,
      @Valid AsTreated asTreated,
      @Size(max = 100) List<@NotNull(message = "must be an object") @Valid Outcome> outcomes,
      @Valid Tenure tenure,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String multiplicity,
      @Valid Suppression suppression,
      @Valid Disclosure disclosure,
      @Valid Adjustment adjustment,
      @Valid Sites sites) {}

  /** The input files, relative to the configuration file's folder. */
  public record Data(
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String people,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String episodes,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String sessions,
      @Size(max = 100) List<@NotNull(message = "must be an object") @Valid Answers> answers) {}

  /** An answers file and the instrument answered in it. */
  public record Answers(
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String instrument,
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String file) {}

  /** The two groups compared. */
  public record Groups(
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String intervention,
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String comparison,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String comparisonKind) {}

  /** The timepoint labels. */
  public record Timepoints(
      @Pattern(regexp = NOT_BLANK, message = BLANK) String baseline,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String followUp) {}

  /** The as-treated rule. */
  public record AsTreated(@PositiveOrZero(message = "must not be negative") Integer moreThan) {}

  /** A questionnaire outcome. */
  public record Outcome(
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String instrument,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String score,
      Boolean primary,
      @Size(max = 50) List<@NotNull(message = "must be an analysis id") String> beforeAndAfter,
      @Size(max = 50) List<@NotNull(message = "must be an analysis id") String> comparison) {}

  /** The propensity adjustment of the comparisons. */
  public record Adjustment(
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String method,
      @NotNull(message = REQUIRED) @Size(min = 1, max = 100, message = "must name 1 to 100 columns")
          List<@NotNull(message = "must be a column name") @Pattern(regexp = NOT_BLANK, message = BLANK) String>
          covariates,
      @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer ratio,
      @Positive(message = "must be greater than 0") Double caliper) {}

  /** The sites pooled by meta-analysis. */
  public record Sites(
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String column,
      @NotNull(message = REQUIRED) @Size(min = 2, max = 200, message = "must name 2 to 200 sites")
          List<@NotNull(message = "must be a site name") @Pattern(regexp = NOT_BLANK, message = BLANK) String> names,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String method,
      Boolean knappHartung) {}

  /** The community-tenure outcome. */
  public record Tenure(
      @Min(value = 1, message = "must be at least 1") Integer windowDays,
      @PositiveOrZero(message = "must not be negative") Integer gapDays,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String extractionDate,
      @Size(max = 50) List<@NotNull(message = "must be an analysis id") String> analyses,
      @Positive(message = "must be greater than 0") Double rmstTau,
      @Size(max = 100) List<@NotNull(message = "must be a whole number of days")
          @PositiveOrZero(message = "must not be negative") Integer> atDays,
      @Min(value = 1, message = "must be at least 1") Integer readmissionHorizonDays,
      @Valid Comparator comparator,
      @Valid Costs costs) {}

  /** A historical comparator for bed-days saved. */
  public record Comparator(
      @NotNull(message = REQUIRED) @Positive(message = "must be greater than 0") Double admissionsPerPersonYear,
      @NotNull(message = REQUIRED) @Positive(message = "must be greater than 0") Double meanLengthOfStayDays,
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String source) {}

  /** Unit costs for a cost-offset table. */
  public record Costs(
      @NotNull(message = REQUIRED) @Positive(message = "must be greater than 0") Double bedDayCost,
      @NotNull(message = REQUIRED) @Positive(message = "must be greater than 0") Double peerSupportCost,
      @Pattern(regexp = NOT_BLANK, message = BLANK) String currency,
      @NotNull(message = REQUIRED) @Pattern(regexp = NOT_BLANK, message = BLANK) String source) {}

  /** Small-number suppression of published counts. */
  public record Suppression(
      Boolean enabled,
      @PositiveOrZero(message = "must not be negative") Integer maxSuppressed,
      @Min(value = 1, message = "must be at least 1") Integer roundTo) {}

  /** The thresholds of the publication view beyond count suppression. */
  public record Disclosure(
      @Min(value = 1, message = "must be at least 1") Integer minAtRisk,
      @Min(value = 1, message = "must be at least 1") Integer minEvents,
      @Min(value = 1, message = "must be at least 1") Integer minBeyondWhisker,
      @Min(value = 1, message = "must be at least 1") Integer curveGridDays) {}
}
