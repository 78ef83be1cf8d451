package org.outcome.instruments.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.outcome.api.instrument.Aggregation;
import org.outcome.api.instrument.Construct;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.Verification;

/**
 * The JSON form of an instrument definition, exactly as written in a definition file. Field-level
 * rules are Jakarta Bean Validation annotations (checked by Hibernate Validator, every violation
 * reported with its JSON path); cross-field rules are checked when the records are mapped to the
 * API's {@link org.outcome.api.instrument.InstrumentDefinition}. Absent optional fields are
 * {@code null} here and nowhere else.
 */
public final class Dto {
  /** Lower-case words of letters and digits joined by single {@code -} or {@code .}. */
  static final String SLUG = "[a-z0-9]+(?:[.-][a-z0-9]+)*";

  private Dto() {}

  /** A whole definition file. */
  public record Definition(
      @NotNull @Pattern(regexp = SLUG, message = "must be lower-case letters and digits joined by '-' or '.'")
      String id,
      @NotBlank @Size(max = 40) String version,
      @NotBlank @Size(max = 200) String name,
      @NotNull Construct construct,
      @NotBlank @Size(max = 1000) String citation,
      @NotBlank @Size(max = 1000) String licence,
      @NotNull @Valid Scale scale,
      @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> items,
      @NotEmpty @Size(max = 100) List<@NotNull @Valid Subscale> subscales,
      @NotNull @Pattern(regexp = SLUG, message = "must be lower-case letters and digits joined by '-' or '.'")
      String primary,
      @PositiveOrZero Integer maxMissingItems,
      @NotEmpty List<@NotNull @Valid Fact> provenance) {}

  /** A response scale: the integers {@code min} to {@code max}, optionally with one label each. */
  public record Scale(@NotNull Integer min, @NotNull Integer max, List<@NotBlank @Size(max = 80) String> labels) {
    @AssertTrue(message = "max must be greater than min")
    boolean isOrdered() {
      return min == null || max == null || max > min;
    }

    @AssertTrue(message = "needs one label per answer from min to max, or none")
    boolean isLabelled() {
      return labels == null || labels.isEmpty() || min == null || max == null || max <= min
          || labels.size() == max - min + 1;
    }
  }

  /** An item: its number on the form, our own neutral label, its keying, its scale if not the default. */
  public record Item(
      @NotNull @Min(1) Integer number,
      @NotBlank @Size(max = 80) String label,
      @NotNull Keying keying,
      @Valid Scale scale) {}

  /** A score the instrument reports. */
  public record Subscale(
      @NotNull @Pattern(regexp = SLUG, message = "must be lower-case letters and digits joined by '-' or '.'")
      String id,
      @NotBlank @Size(max = 80) String label,
      @NotEmpty List<@NotNull @Min(1) Integer> items,
      @NotNull Aggregation aggregation,
      List<@NotNull @Valid Transform> transforms,
      @NotNull @Min(1) Integer minAnswered,
      @NotNull Polarity polarity,
      @Valid Psychometrics psychometrics) {}

  /** The kinds of transform a definition may use. */
  public enum TransformType {
    /** {@code (x + shift) * factor}. */
    LINEAR,
    /** A conversion table from integer raw score to metric score. */
    LOOKUP
  }

  /** One transform step: {@code LINEAR} needs {@code factor} (and may give {@code shift}); {@code LOOKUP} needs {@code table}. */
  public record Transform(@NotNull TransformType type, Double shift, Double factor, Map<Integer, Double> table) {
    @AssertTrue(message = "a LINEAR transform needs a finite, non-zero factor, a finite shift (default 0) and no table")
    boolean isLinearComplete() {
      return type != TransformType.LINEAR || (factor != null && Double.isFinite(factor) && factor != 0
          && (shift == null || Double.isFinite(shift)) && table == null);
    }

    @AssertTrue(message = "a LOOKUP transform needs a non-empty table of finite values and no shift or factor")
    boolean isLookupComplete() {
      return type != TransformType.LOOKUP || (table != null && !table.isEmpty() && shift == null && factor == null
          && table.values().stream().allMatch(v -> v != null && Double.isFinite(v)));
    }
  }

  /** The constants reliable change needs, with their source. */
  public record Psychometrics(
      // explicit messages: the default ones need expression language, which the validator runs without
      @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0 and less than 1")
      @DecimalMax(value = "1", inclusive = false, message = "must be greater than 0 and less than 1") Double reliability,
      @NotNull @Positive Double referenceSd,
      Double clinicalCutoff,
      @NotBlank @Size(max = 1000) String source,
      @NotNull Verification verification) {}

  /** One scoring fact with its source and verification status. */
  public record Fact(
      @NotBlank @Size(max = 1000) String fact,
      @NotBlank @Size(max = 1000) String source,
      @NotNull Verification verification) {}
}
