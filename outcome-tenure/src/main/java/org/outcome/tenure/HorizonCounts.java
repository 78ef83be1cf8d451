package org.outcome.tenure;

/**
 * The 30- or 90-day readmission flags of the included people, counted.
 *
 * @param readmitted flag true
 * @param notReadmitted flag false (followed for the whole horizon without a readmission)
 * @param unknown flag empty (censored before the horizon)
 */
public record HorizonCounts(int readmitted, int notReadmitted, int unknown) {}
