/**
 * Options shared by the analyses of {@code org.outcome.stats.paired}, {@code .groups} and
 * {@code .tables}: the {@link org.outcome.stats.common.Alternative} hypothesis, the
 * {@link org.outcome.stats.common.Exactness} rule of the rank tests, the
 * {@link org.outcome.stats.common.ContinuityCorrection}, and the
 * {@link org.outcome.stats.common.PValueMethod} a result reports as actually used; and the
 * {@link org.outcome.stats.common.StandardNormal} distribution of Wald intervals and tests.
 */
package org.outcome.stats.common;
