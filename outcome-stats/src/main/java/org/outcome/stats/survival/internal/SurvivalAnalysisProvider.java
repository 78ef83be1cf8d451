package org.outcome.stats.survival.internal;

import java.util.List;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.Design;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.SimpleAnalysis;
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
        SimpleAnalysis.of("kaplan-meier", "Kaplan-Meier survival curves", Design.SURVIVAL, SurvivalSample.class,
            "Censoring unrelated to the risk of the event (readmission, for community tenure); people who entered "
                + "at different times share the same survival.",
            (s, settings) -> KaplanMeier.withDefaults().withConfLevel(settings.confLevel()).fit(s)),
        SimpleAnalysis.of("log-rank", "Log-rank test", Design.SURVIVAL, SurvivalSample.class,
            "Censoring unrelated to the risk of the event (readmission, for community tenure); most powerful "
                + "under proportional hazards, weak when the curves cross.",
            (s, settings) -> LogRank.withDefaults().test(s)),
        SimpleAnalysis.of("rmst", "Restricted mean survival time", Design.SURVIVAL, SurvivalSample.class,
            "Censoring unrelated to the risk of the event (readmission, for community tenure); the horizon within "
                + "every group's follow-up. Does not assume proportional hazards.",
            (s, settings) -> {
              Rmst rmst = Rmst.withDefaults().withConfLevel(settings.confLevel());
              return (settings.horizon().isPresent() ? rmst.withTau(settings.horizon().getAsDouble()) : rmst).compare(s);
            }));
  }
}
