package org.outcome.stats.survival.cox;

/**
 * How the partial likelihood treats several events at the same time (R's {@code ties}).
 */
public enum Ties {
  /**
   * Efron's approximation (R's default): the tied events leave the risk set a share at a time,
   * {@code 1/d} of each per step. Close to the exact partial likelihood; the better choice with many
   * ties, such as times in whole days.
   */
  EFRON,
  /** Breslow's approximation: every tied event sees the full risk set. Faster, biased towards zero with many ties. */
  BRESLOW
}
