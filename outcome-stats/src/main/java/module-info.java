/**
 * Analyses whose numbers match R: before-and-after, comparison group and survival. Distribution
 * functions, special functions and linear algebra come from Hipparchus.
 */
module org.outcome.stats {
  requires transitive org.outcome.api;
  requires hipparchus.core;
  requires hipparchus.stat;

  exports org.outcome.stats.survival.cox;

  provides org.outcome.api.plugin.AnalysisProvider with
      org.outcome.stats.survival.cox.internal.CoxAnalysisProvider;
}
