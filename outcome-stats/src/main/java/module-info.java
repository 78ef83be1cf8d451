/**
 * Analyses whose numbers match R: before-and-after, comparison group, survival and psychometrics.
 * Distribution functions, special functions and linear algebra come from Hipparchus
 * (hipparchus-core).
 */
module org.outcome.stats {
  requires transitive org.outcome.api;
  requires hipparchus.core;

  exports org.outcome.stats.common;
  exports org.outcome.stats.descriptive;
  exports org.outcome.stats.paired;
  exports org.outcome.stats.groups;
  exports org.outcome.stats.tables;
  exports org.outcome.stats.multiplicity;
  exports org.outcome.stats.meta;
  exports org.outcome.stats.psychometrics;
  exports org.outcome.stats.balance;
  exports org.outcome.stats.survival;
  exports org.outcome.stats.survival.cox;
  exports org.outcome.stats.survival.competing;
  exports org.outcome.stats.survival.recurrent;

  provides org.outcome.api.plugin.AnalysisProvider with
      org.outcome.stats.internal.ComparisonAnalyses,
      org.outcome.stats.survival.internal.SurvivalAnalysisProvider,
      org.outcome.stats.survival.cox.internal.CoxAnalysisProvider;
}
