package org.outcome.api.sample;

/**
 * Marker for the data an analysis takes. Plugins may define their own sample types; the
 * {@link org.outcome.api.plugin.AnalysisRegistry} checks that an analysis is given the type it
 * declares.
 */
public interface Sample {
  /** The number of observations (people, pairs, rows) in the sample. */
  int size();
}
