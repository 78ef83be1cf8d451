package org.outcome.stats.survival.cox.internal;

import java.util.List;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Ties;

/**
 * Registers the Cox model for evaluations: {@code cox-efron} and {@code cox-breslow}, one id per
 * ties method because {@link AnalysisSettings} carries only the confidence level. Both use R's
 * other defaults: the robust variance when the sample has a cluster column, concordance and the
 * {@code cox.zph} test computed.
 */
public final class CoxAnalysisProvider implements AnalysisProvider {
  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public CoxAnalysisProvider() {}

  @Override
  public List<Analysis<?>> analyses() {
    return List.of(new CoxAnalysis("cox-efron", "Cox proportional hazards (Efron ties)", Ties.EFRON),
        new CoxAnalysis("cox-breslow", "Cox proportional hazards (Breslow ties)", Ties.BRESLOW));
  }

  private record CoxAnalysis(String idValue, String name, Ties ties) implements Analysis<SurvivalSample> {
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
      return CoxPh.withDefaults().withTies(ties).withConfLevel(settings.confLevel()).fit(sample);
    }
  }
}
