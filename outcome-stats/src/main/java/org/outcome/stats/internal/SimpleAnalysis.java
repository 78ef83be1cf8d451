package org.outcome.stats.internal;

import java.util.Objects;
import java.util.function.BiFunction;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.Sample;

/**
 * An {@link Analysis} that adapts a sample type to one of the configuration objects: how every
 * built-in analysis (before-and-after, comparison group, survival, Cox) is registered.
 *
 * @param <S> the sample type
 * @param id the analysis id
 * @param name the human-readable name
 * @param design the design it belongs to
 * @param sampleType the sample type
 * @param assumptions what the analysis assumes, for a report's methods section; not blank
 * @param runner runs the configured analysis on a sample with the settings
 */
public record SimpleAnalysis<S extends Sample>(AnalysisId id, String name, Design design, Class<S> sampleType,
    String assumptions, BiFunction<S, AnalysisSettings, AnalysisResult> runner) implements Analysis<S> {
  public SimpleAnalysis {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(design, "design");
    Objects.requireNonNull(sampleType, "sampleType");
    Objects.requireNonNull(assumptions, "assumptions");
    Objects.requireNonNull(runner, "runner");
    if (assumptions.isBlank()) {
      throw new IllegalArgumentException("a built-in analysis states its assumptions: " + id);
    }
  }

  /** A shorter constructor. */
  public static <S extends Sample> SimpleAnalysis<S> of(String id, String name, Design design, Class<S> type,
      String assumptions, BiFunction<S, AnalysisSettings, AnalysisResult> runner) {
    return new SimpleAnalysis<>(AnalysisId.of(id), name, design, type, assumptions, runner);
  }

  @Override
  public AnalysisResult run(S sample, AnalysisSettings settings) {
    return runner.apply(Objects.requireNonNull(sample, "sample"), Objects.requireNonNull(settings, "settings"));
  }

  @Override
  public String toString() {
    return "Analysis[" + id + "]";
  }
}
