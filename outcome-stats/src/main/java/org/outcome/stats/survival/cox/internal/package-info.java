/**
 * The Cox engine (not exported). {@code CoxData} sorts the rows once; {@code RiskSums} holds the
 * mergeable per-block sums and {@code RiskSetScan} the sequential step that turns them into the
 * partial likelihood and its derivatives ({@code PartialLikelihood} fuses the two);
 * {@code NewtonRaphson} drives the iterations as R's {@code coxfit6.c} (right-censored rows) and
 * {@code agfit4.c} (counting-process rows) do, down to what they return when the iterations run out;
 * {@code GeneralizedCholesky} applies R's singularity rule with Hipparchus; {@code ScoreResiduals},
 * {@code ConcordanceCounter} and {@code ZphComputation} give the robust variance, the concordance
 * and the {@code cox.zph} test. {@code CoxEngine} runs a fit in R's three steps:
 * {@code CoxModelFrame} builds and checks the inputs (design matrix, strata, sorted rows,
 * clusters), {@code CoxModelFit} runs Newton–Raphson and the checks that follow it, and
 * {@code CoxSummaries} derives what is reported after the fit.
 */
package org.outcome.stats.survival.cox.internal;
