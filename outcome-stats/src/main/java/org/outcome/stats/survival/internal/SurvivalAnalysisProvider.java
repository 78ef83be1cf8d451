package org.outcome.stats.survival.internal;

import java.util.List;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.Design;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.internal.SimpleAnalysis;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.competing.CumulativeIncidence;
import org.outcome.stats.survival.competing.FineGray;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.recurrent.RecurrentRates;

/**
 * Registers the survival analyses with the {@link org.outcome.api.plugin.AnalysisRegistry}:
 * {@code kaplan-meier}, {@code log-rank} and {@code rmst}, each with R's defaults and the
 * settings' confidence level; {@code rmst} restricts to the settings' horizon when there is one.
 * For recurrent events ({@link CountingProcessSample}): {@code andersen-gill} (robust, clustered
 * on the sample's id) and {@code recurrent-rates}; for competing risks
 * ({@link CompetingRisksSample}, cause 1 of interest): {@code cumulative-incidence} (Gray's test
 * of cause 1) and {@code fine-gray}.
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
            }),
        SimpleAnalysis.of("andersen-gill", "Andersen-Gill model of recurrent events", Design.SURVIVAL,
            CountingProcessSample.class,
            "Every readmission counts; proportional hazards, a person's events sharing the covariates' effect; "
                + "the robust variance clustered on the person allows for their dependence.",
            // neither the concordance nor cox.zph is defined here for (start, stop] rows: not asked for
            (s, settings) -> CoxPh.withDefaults().withConfLevel(settings.confLevel()).withConcordance(false)
                .withProportionalHazardsTest(false).fit(s)),
        SimpleAnalysis.of("recurrent-rates", "Readmission rates with sandwich intervals", Design.SURVIVAL,
            CountingProcessSample.class,
            "Rates constant over time within a group; the sandwich SE allows for over-dispersion (some people "
                + "readmitted far more often than others).",
            (s, settings) -> RecurrentRates.fit(s, settings.confLevel())),
        SimpleAnalysis.of("cumulative-incidence", "Cumulative incidence with Gray's test", Design.SURVIVAL,
            CompetingRisksSample.class,
            "Censoring unrelated to either event; death competes with readmission rather than censoring it.",
            (s, settings) -> CumulativeIncidence.fit(s)),
        SimpleAnalysis.of("fine-gray", "Fine-Gray subdistribution hazards", Design.SURVIVAL, CompetingRisksSample.class,
            "Proportional subdistribution hazards for readmission, with death as a competing event; censoring "
                + "unrelated to the events.",
            (s, settings) -> FineGray.withDefaults().withConfLevel(settings.confLevel()).fit(s)));
  }
}
