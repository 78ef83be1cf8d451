package org.outcome.stats.survival.cox.internal;

import java.util.Arrays;
import org.outcome.stats.survival.cox.Ties;

/**
 * Maximises the partial likelihood by Newton–Raphson with step halving, as R survival 3.5-3
 * drives it (coefficients on the scaled covariates of {@link CoxInputs}): {@code coxfit6.c} for
 * right-censored rows, {@code agfit4.c} for counting-process {@code (start, stop]} rows. Both
 *
 * <ol>
 *   <li>evaluate at the initial coefficients (zero): the null log-likelihood, and the score test
 *       {@code u' I^- u} there; the first proposal is {@code I^- u};
 *   <li>at each iteration evaluate at the proposal; if it passes the checks below and
 *       {@code |1 - best/new| <= eps} the fit has converged at the proposal; otherwise, if the
 *       proposal fails the checks or lowers the likelihood, step halving: the proposal moves
 *       towards the last accepted point, {@code new = (new + h * old) / (h + 1)} with {@code h}
 *       counting consecutive failures; else it is accepted and the next proposal is
 *       {@code new + I^- u}.
 * </ol>
 * {@code I^-} is the generalized inverse of {@link GeneralizedCholesky} (R's {@code toler.chol}).
 *
 * <p>The two routines differ in their checks and in what they return when the iterations run out:
 * <ul>
 *   <li>{@code coxfit6}: a proposal fails when its likelihood, score or information is not finite;
 *       convergence may come right after a halving. After {@code maxIterations} without
 *       convergence it returns the last accepted point with its log-likelihood and score,
 *       {@code iter = maxIterations + 1} (the value its loop counter ends at), and as variance
 *       R's {@code chinv2} applied to the information recomputed there <em>without</em> a
 *       Cholesky factorisation first: {@code coxfit6_iter} leaves the matrix's strictly lower
 *       triangle zero, which {@code chinv2} reads as a unit factor, so the result is the inverse of
 *       the diagonal alone ({@code 1 / I_jj} where {@code I_jj > 0}, zero off the diagonal), not
 *       the inverse information ({@link #diagonalInverse}). With {@code maxIterations = 1} it
 *       recomputes nothing: the variance is the generalized inverse of the information at the one
 *       proposal, even when that proposal was rejected and the zero start is returned.
 *   <li>{@code agfit4}: a proposal also fails when the information's rank (after
 *       {@code toler.chol}) differs from its rank at the start, and convergence is not accepted
 *       right after a halving. At the last iteration without convergence it returns that
 *       iteration's proposal, with the generalized inverse of its information, unless its
 *       log-likelihood is below the best by more than {@code eps} relatively (and
 *       {@code maxIterations > 1}): then the last accepted point, its information recomputed and
 *       inverted. It reports {@code iter = maxIterations}.
 * </ul>
 * Following R here keeps every reported number of a non-converged fit (variance, standard errors,
 * Wald test, robust variance) equal to R's; they describe where the iterations stopped, not a
 * maximum, which the fit's {@code did-not-converge} warning says.
 */
final class NewtonRaphson {
  /**
   * The outcome, on the scaled covariates.
   *
   * @param beta the coefficients
   * @param loglikInit the log partial likelihood at the initial coefficients
   * @param loglik the log partial likelihood at {@code beta}
   * @param scoreTest the score test statistic at the initial coefficients
   * @param initialInformation the factored information at the initial coefficients
   * @param u the score at {@code beta}
   * @param variance the variance R reports (see the class comment), zero in the rows and columns
   *     of {@code vanished} covariates
   * @param vanished the covariates without information in {@code variance}: singular in the
   *     factorisation it was inverted from, or (for {@code coxfit6}'s diagonal inverse) a diagonal
   *     of the information that is not positive
   * @param iterations the iteration count R reports
   * @param converged whether the convergence rule was met
   */
  record Outcome(double[] beta, double loglikInit, double loglik, double scoreTest,
      GeneralizedCholesky initialInformation, double[] u, double[][] variance, boolean[] vanished,
      int iterations, boolean converged) {}

  private NewtonRaphson() {}

  static Outcome fit(CoxInputs data, Ties ties, int maxIterations, double eps, double tolerChol) {
    int p = data.p();
    Derivatives current = new Derivatives(p);
    double[] beta = new double[p];

    data.evaluate(beta, ties, current);
    double loglikInit = current.loglik;
    GeneralizedCholesky info0 = GeneralizedCholesky.of(current.information(), tolerChol);
    double[] step = info0.solve(current.u);
    double scoreTest = 0;
    for (int j = 0; j < p; j++) {
      scoreTest += current.u[j] * step[j];
    }
    if (maxIterations == 0 || !Double.isFinite(loglikInit)) {
      return atFactored(beta, loglikInit, loglikInit, scoreTest, info0, current.u, info0, 0,
          maxIterations == 0 && Double.isFinite(loglikInit));
    }
    double[] proposal = new double[p];
    for (int j = 0; j < p; j++) {
      proposal[j] = beta[j] + step[j];
    }
    Start start = new Start(loglikInit, scoreTest, info0);
    return data.countingProcess()
        ? agfit4(data, ties, maxIterations, eps, tolerChol, start, beta, proposal, current)
        : coxfit6(data, ties, maxIterations, eps, tolerChol, start, beta, proposal, current);
  }

  /** What the evaluation at the initial coefficients gave. */
  private record Start(double loglik, double scoreTest, GeneralizedCholesky information) {}

  /** The iterations of {@code coxfit6.c}; {@code beta} is the start, {@code proposal} the first step. */
  private static Outcome coxfit6(CoxInputs data, Ties ties, int maxIterations, double eps, double tolerChol,
      Start start, double[] beta, double[] proposal, Derivatives current) {
    int p = beta.length;
    double best = start.loglik();
    GeneralizedCholesky last = null;
    int halving = 0;
    for (int iter = 1; iter <= maxIterations; iter++) {
      data.evaluate(proposal, ties, current);
      double newlk = current.loglik;
      boolean finite = current.finite();
      GeneralizedCholesky info = finite ? GeneralizedCholesky.of(current.information(), tolerChol) : null;
      last = info;
      if (finite && Math.abs(1 - best / newlk) <= eps) {
        return atFactored(proposal, start.loglik(), newlk, start.scoreTest(), start.information(), current.u, info,
            iter, true);
      }
      if (!finite || newlk < best) {
        halving++;
        for (int j = 0; j < p; j++) {
          proposal[j] = (proposal[j] + halving * beta[j]) / (halving + 1.0);
        }
      } else {
        halving = 0;
        best = newlk;
        accept(info, current, beta, proposal);
      }
    }
    if (maxIterations == 1) {
      // coxfit6 recomputes nothing after a single iteration: the variance is the inverse of the
      // information factored at that iteration's proposal, accepted or not. (A proposal that was
      // not finite leaves no factorisation R could invert meaningfully; the information at the
      // returned start stands in for it.)
      if (last == null) {
        data.evaluate(beta, ties, current);
        last = GeneralizedCholesky.of(current.information(), tolerChol);
      }
      return atFactored(beta, start.loglik(), best, start.scoreTest(), start.information(), current.u, last,
          maxIterations + 1, false);
    }
    data.evaluate(beta, ties, current);
    double[][] information = current.information();
    boolean[] vanished = new boolean[p];
    for (int j = 0; j < p; j++) {
      vanished[j] = !(information[j][j] > 0);
    }
    return new Outcome(beta.clone(), start.loglik(), current.loglik, start.scoreTest(), start.information(),
        current.u.clone(), diagonalInverse(information), vanished, maxIterations + 1, false);
  }

  /** The iterations of {@code agfit4.c}; {@code beta} is the start, {@code proposal} the first step. */
  private static Outcome agfit4(CoxInputs data, Ties ties, int maxIterations, double eps, double tolerChol,
      Start start, double[] beta, double[] proposal, Derivatives current) {
    int p = beta.length;
    int rank0 = start.information().rank();
    double best = start.loglik();
    int halving = 0;
    for (int iter = 1; iter <= maxIterations; iter++) {
      data.evaluate(proposal, ties, current);
      double newlk = current.loglik;
      boolean finite = current.finite();
      GeneralizedCholesky info = finite ? GeneralizedCholesky.of(current.information(), tolerChol) : null;
      boolean fail = !finite || info.rank() != rank0;
      if (!fail && halving == 0 && Math.abs(1 - best / newlk) <= eps) {
        return atFactored(proposal, start.loglik(), newlk, start.scoreTest(), start.information(), current.u, info,
            iter, true);
      }
      if (iter == maxIterations) {
        if (maxIterations > 1 && (newlk - best) / Math.abs(best) < -eps) {
          // the last proposal is worse than the best point: back to it, its information recomputed
          data.evaluate(beta, ties, current);
          return atFactored(beta, start.loglik(), current.loglik, start.scoreTest(), start.information(),
              current.u, factorOrNull(current, tolerChol), iter, false);
        }
        return atFactored(proposal, start.loglik(), newlk, start.scoreTest(), start.information(), current.u, info,
            iter, false);
      }
      if (fail || newlk < best) {
        halving++;
        for (int j = 0; j < p; j++) {
          proposal[j] = (beta[j] * halving + proposal[j]) / (halving + 1.0);
        }
      } else {
        halving = 0;
        best = newlk;
        accept(info, current, beta, proposal);
      }
    }
    throw new AssertionError("the last iteration returns");
  }

  private static GeneralizedCholesky factorOrNull(Derivatives d, double tolerChol) {
    return d.finite() ? GeneralizedCholesky.of(d.information(), tolerChol) : null;
  }

  /**
   * The outcome at {@code beta} with the generalized inverse of {@code info}; when {@code info} is
   * {@code null} (the information there is not finite: R's {@code agreg.fit} stops, "routine failed
   * due to numeric overflow") every entry of the variance is NaN.
   */
  private static Outcome atFactored(double[] beta, double loglikInit, double loglik, double scoreTest,
      GeneralizedCholesky initial, double[] u, GeneralizedCholesky info, int iterations, boolean converged) {
    int p = beta.length;
    boolean[] vanished = new boolean[p];
    double[][] variance;
    if (info == null) {
      variance = new double[p][p];
      for (double[] row : variance) {
        Arrays.fill(row, Double.NaN);
      }
    } else {
      variance = info.inverse();
      for (int j = 0; j < p; j++) {
        vanished[j] = info.singular(j);
      }
    }
    return new Outcome(beta.clone(), loglikInit, loglik, scoreTest, initial, u.clone(), variance, vanished,
        iterations, converged);
  }

  /**
   * What R's {@code chinv2} makes of an information matrix that was never factored, as
   * {@code coxfit6.c} hands it over when the iterations run out: the reciprocal of each positive
   * diagonal entry, zero elsewhere. (A diagonal entry that is not positive, which rounding alone
   * can give, R leaves as it is, so a negative variance; here it is zero, the covariate marked as
   * vanished.)
   */
  static double[][] diagonalInverse(double[][] information) {
    int p = information.length;
    double[][] v = new double[p][p];
    for (int j = 0; j < p; j++) {
      if (information[j][j] > 0) {
        v[j][j] = 1 / information[j][j];
      }
    }
    return v;
  }

  /** Accepts the proposal as the current point and proposes the next Newton step from it. */
  private static void accept(GeneralizedCholesky info, Derivatives current, double[] beta, double[] proposal) {
    double[] next = info.solve(current.u);
    for (int j = 0; j < beta.length; j++) {
      beta[j] = proposal[j];
      proposal[j] += next[j];
    }
  }
}
