package org.outcome.api;

/**
 * Identifies an analysis that the {@link org.outcome.api.plugin.AnalysisRegistry} can run, for
 * example {@code paired-t} or {@code kaplan-meier}.
 *
 * @param value lower-case letters and digits joined by single {@code -} or {@code .}
 */
public record AnalysisId(String value) implements Comparable<AnalysisId> {
  /** @throws IllegalArgumentException if {@code value} is blank or not of the documented form */
  public AnalysisId {
    Identifiers.requireSlug(value, "analysis id");
  }

  /** Same as {@code new AnalysisId(value)}. */
  public static AnalysisId of(String value) {
    return new AnalysisId(value);
  }

  @Override
  public int compareTo(AnalysisId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
