/**
 * Numerical engines of the survival analyses (not exported): distinct times and counting, the
 * Kaplan–Meier and G-rho sweeps, confidence limits, medians and restricted means, each a function
 * of arrays that follows the R routine it names.
 */
package org.outcome.stats.survival.internal;
