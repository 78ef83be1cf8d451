package org.outcome.tenure;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.tenure.internal.Rules;

/**
 * How community tenure is derived: an immutable configuration. Start from {@link #withDefaults()}
 * and derive changed copies with the {@code with...} methods.
 *
 * <pre>{@code
 * TenureOptions options = TenureOptions.withDefaults()
 *     .withWindowDays(1095)                      // follow each person for at most 3 years
 *     .withExtractionDate(LocalDate.parse("2024-03-31"));
 * }</pre>
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@link #windowDays()}</td><td>none</td><td>follow-up ends at the latest
 *       {@code windowDays} days after the index date (1 to {@value #MAX_WINDOW_DAYS})</td></tr>
 *   <tr><td>{@link #gapDays()}</td><td>1</td><td>episodes are one stay when the next admission is
 *       at most this many days after the stay's discharge (0 to {@value #MAX_GAP_DAYS}); 1 joins a
 *       transfer discharged one day and admitted the next</td></tr>
 *   <tr><td>{@link #extractionDate()}</td><td>none</td><td>the date the data were extracted:
 *       follow-up ends by then, and an episode may be open (no discharge date)</td></tr>
 *   <tr><td>{@link #settings()}</td><td>psychiatric</td><td>the settings whose episodes count;
 *       episodes in other settings are ignored entirely</td></tr>
 * </table>
 */
public final class TenureOptions {
  /** The longest window accepted: 100 years of 365.25 days. */
  public static final int MAX_WINDOW_DAYS = 36_525;
  /** The longest gap accepted between episodes of one stay. */
  public static final int MAX_GAP_DAYS = 365;

  private static final TenureOptions DEFAULTS =
      new TenureOptions(OptionalInt.empty(), 1, Optional.empty(), EnumSet.of(Setting.PSYCHIATRIC));

  private final OptionalInt windowDays;
  private final int gapDays;
  private final Optional<LocalDate> extractionDate;
  private final Set<Setting> settings;

  private TenureOptions(OptionalInt windowDays, int gapDays, Optional<LocalDate> extractionDate, EnumSet<Setting> settings) {
    this.windowDays = windowDays;
    this.gapDays = gapDays;
    this.extractionDate = extractionDate;
    this.settings = Collections.unmodifiableSet(settings);
  }

  /** No window, a gap of 1 day, no extraction date, psychiatric episodes only. */
  public static TenureOptions withDefaults() {
    return DEFAULTS;
  }

  /**
   * Follow each person for at most {@code days} days after the index date.
   *
   * @throws InvalidInputException unless 1 ≤ days ≤ {@value #MAX_WINDOW_DAYS}
   */
  public TenureOptions withWindowDays(int days) {
    if (days < 1 || days > MAX_WINDOW_DAYS) {
      throw InvalidInputException.of("invalid tenure options", Violation.at("window days",
          "a window of " + days + " days; it must be 1 to " + MAX_WINDOW_DAYS));
    }
    return new TenureOptions(OptionalInt.of(days), gapDays, extractionDate, EnumSet.copyOf(settings));
  }

  /** No window: follow-up ends at the end of observation, death or extraction. */
  public TenureOptions withoutWindow() {
    return new TenureOptions(OptionalInt.empty(), gapDays, extractionDate, EnumSet.copyOf(settings));
  }

  /**
   * Join episodes into one stay when the next admission is at most {@code days} days after the
   * stay's discharge (0 joins only overlapping episodes and a readmission on the discharge day).
   *
   * @throws InvalidInputException unless 0 ≤ days ≤ {@value #MAX_GAP_DAYS}
   */
  public TenureOptions withGapDays(int days) {
    if (days < 0 || days > MAX_GAP_DAYS) {
      throw InvalidInputException.of("invalid tenure options", Violation.at("gap days",
          "a gap of " + days + " days; it must be 0 to " + MAX_GAP_DAYS));
    }
    return new TenureOptions(windowDays, days, extractionDate, EnumSet.copyOf(settings));
  }

  /**
   * The date the data were extracted: follow-up ends by then, and open episodes run to it.
   *
   * @throws InvalidInputException if the date is outside the years 0001 to 9999
   */
  public TenureOptions withExtractionDate(LocalDate date) {
    Rules.outOfRange("extraction", Objects.requireNonNull(date, "date")).ifPresent(m -> {
      throw InvalidInputException.of("invalid tenure options", Violation.at("extraction date", m));
    });
    return new TenureOptions(windowDays, gapDays, Optional.of(Objects.requireNonNull(date, "date")),
        EnumSet.copyOf(settings));
  }

  /** No extraction date: follow-up is not cut by it, and an open episode is an error. */
  public TenureOptions withoutExtractionDate() {
    return new TenureOptions(windowDays, gapDays, Optional.empty(), EnumSet.copyOf(settings));
  }

  /**
   * Count the episodes of these settings only.
   *
   * @throws InvalidInputException if {@code counted} is empty
   */
  public TenureOptions withSettings(Collection<Setting> counted) {
    if (counted.isEmpty()) {
      throw InvalidInputException.of("invalid tenure options",
          Violation.at("settings", "no setting chosen; choose psychiatric, other or both"));
    }
    return new TenureOptions(windowDays, gapDays, extractionDate, EnumSet.copyOf(counted));
  }

  /** Same as {@code withSettings(Set.of(counted...))}. */
  public TenureOptions withSettings(Setting... counted) {
    return withSettings(counted.length == 0 ? EnumSet.noneOf(Setting.class) : EnumSet.of(counted[0], counted));
  }

  /** The longest follow-up in days, when there is a window. */
  public OptionalInt windowDays() {
    return windowDays;
  }

  /** The largest gap in days between a stay's discharge and the next admission of the same stay. */
  public int gapDays() {
    return gapDays;
  }

  /** The date the data were extracted, when given. */
  public Optional<LocalDate> extractionDate() {
    return extractionDate;
  }

  /** The settings whose episodes count; never empty. */
  public Set<Setting> settings() {
    return settings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenureOptions t && windowDays.equals(t.windowDays) && gapDays == t.gapDays
        && extractionDate.equals(t.extractionDate) && settings.equals(t.settings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(windowDays, gapDays, extractionDate, settings);
  }

  @Override
  public String toString() {
    return "TenureOptions[window " + (windowDays.isPresent() ? windowDays.getAsInt() + " days" : "none")
        + ", gap " + gapDays + " days, extraction " + extractionDate.map(LocalDate::toString).orElse("none")
        + ", settings " + settings + "]";
  }
}
