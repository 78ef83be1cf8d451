package org.outcome.stats.survival.cox.internal;

import java.util.List;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.SimpleAnalysis;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Ties;

/**
 * Registers the Cox model for evaluations: {@code cox-efron} and {@code cox-breslow}, one id per
 * ties method because {@link AnalysisSettings} carries only the confidence level. Both use R's
 * other defaults: the robust variance when the sample has a cluster column, concordance and the
 * {@code cox.zph} test computed.
 */
public final class CoxAnalysisProvider implements AnalysisProvider {
  private static final String ASSUMPTIONS = "Proportional hazards (checked by cox.zph), log-linear covariate "
      + "effects, independent censoring; ";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public CoxAnalysisProvider() {}

  @Override
  public List<Analysis<?>> analyses() {
    return List.of(
        cox("cox-efron", "Cox proportional hazards (Efron ties)", Ties.EFRON,
            ASSUMPTIONS + "tied times by Efron's approximation."),
        cox("cox-breslow", "Cox proportional hazards (Breslow ties)", Ties.BRESLOW,
            ASSUMPTIONS + "tied times by Breslow's approximation, less accurate than Efron's when ties are many."));
  }

  private static Analysis<SurvivalSample> cox(String id, String name, Ties ties, String assumptions) {
    return SimpleAnalysis.of(id, name, Design.SURVIVAL, SurvivalSample.class, assumptions,
        (sample, settings) -> CoxPh.withDefaults().withTies(ties).withConfLevel(settings.confLevel()).fit(sample));
  }
}
