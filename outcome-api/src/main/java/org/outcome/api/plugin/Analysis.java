package org.outcome.api.plugin;

import org.outcome.api.AnalysisId;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.Sample;

/**
 * An analysis that an evaluation can name by id: the built-in ones and those plugins add.
 * Implementations are immutable and thread-safe.
 *
 * @param <S> the sample type the analysis takes
 */
public interface Analysis<S extends Sample> {
  /** The analysis's id, unique across all providers. */
  AnalysisId id();

  /** A short human-readable name, for example {@code "Sign test"}. */
  String name();

  /** The design the analysis belongs to. */
  Design design();

  /** The sample type the analysis takes. */
  Class<S> sampleType();

  /**
   * What the analysis assumes, in a sentence or two for the methods section of a report, for
   * example {@code "differences roughly normal, or enough pairs for the mean to be"}. Empty when
   * the analysis does not say.
   */
  default String assumptions() {
    return "";
  }

  /**
   * Runs the analysis.
   *
   * @throws org.outcome.api.DegenerateDataException if the sample admits no meaningful result
   */
  AnalysisResult run(S sample, AnalysisSettings settings);
}
