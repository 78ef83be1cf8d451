package org.outcome.stats.survival.internal;

import java.util.List;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;

/**
 * Registers the survival analyses with the {@link org.outcome.api.plugin.AnalysisRegistry}:
 * {@code kaplan-meier}, {@code log-rank} and {@code rmst}, each with R's defaults and the
 * settings' confidence level; {@code rmst} restricts to the settings' horizon when there is one.
 */
public final class SurvivalAnalysisProvider implements AnalysisProvider {
  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public SurvivalAnalysisProvider() {}

  @Override
  public List<Analysis<?>> analyses() {
    return List.of(
        new Survival("kaplan-meier", "Kaplan-Meier survival curves",
            (s, settings) -> KaplanMeier.withDefaults().withConfLevel(settings.confLevel()).fit(s)),
        new Survival("log-rank", "Log-rank test", (s, settings) -> LogRank.withDefaults().test(s)),
        new Survival("rmst", "Restricted mean survival time",
            (s, settings) -> {
              Rmst rmst = Rmst.withDefaults().withConfLevel(settings.confLevel());
              return (settings.horizon().isPresent() ? rmst.withTau(settings.horizon().getAsDouble()) : rmst).compare(s);
            }));
  }

  /** How an analysis runs on a sample. */
  @FunctionalInterface
  private interface Runner {
    AnalysisResult run(SurvivalSample sample, AnalysisSettings settings);
  }

  private record Survival(String idValue, String name, Runner runner) implements Analysis<SurvivalSample> {
    @Override
    public AnalysisId id() {
      return AnalysisId.of(idValue);
    }

    @Override
    public Design design() {
      return Design.SURVIVAL;
    }

    @Override
    public Class<SurvivalSample> sampleType() {
      return SurvivalSample.class;
    }

    @Override
    public AnalysisResult run(SurvivalSample sample, AnalysisSettings settings) {
      return runner.run(sample, settings);
    }
  }
}
