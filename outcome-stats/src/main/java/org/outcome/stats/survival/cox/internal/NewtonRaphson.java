package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * Maximises the partial likelihood by Newton–Raphson with step halving, exactly as R survival's
 * {@code coxfit6.c} drives it (coefficients on the scaled covariates of {@link CoxInputs}):
 *
 * <ol>
 *   <li>evaluate at the initial coefficients (zero): the null log-likelihood, and the score test
 *       {@code u' I^- u} there; the first step is {@code I^- u};
 *   <li>at each iteration evaluate at the proposed coefficients; if the likelihood, score and
 *       information are finite and {@code |1 - best/new| <= eps} the fit has converged at the
 *       proposal; otherwise, if the proposal is not finite or lowers the likelihood, step halving:
 *       the proposal moves towards the last accepted point,
 *       {@code new = (new + h * old) / (h + 1)} with {@code h} counting consecutive failures;
 *       else it is accepted and the next proposal is {@code new + I^- u};
 *   <li>after {@code maxIterations} without convergence the last accepted point is returned.
 * </ol>
 * {@code I^-} is the generalized inverse of {@link GeneralizedCholesky} (R's {@code toler.chol}).
 *
 * <p>Where this differs from R: when iterations run out with more than one covariate, R 3.5-3
 * inverts a factorisation left over from the rejected proposal; this returns the inverse
 * information at the returned coefficients. R then reports {@code iter = maxIterations + 1};
 * this reports {@code maxIterations}.
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
   * @param variance the (generalized) inverse information at {@code beta}
   * @param finalInformation the factored information at {@code beta}
   * @param iterations the iterations used
   * @param converged whether the convergence rule was met
   */
  record Outcome(double[] beta, double loglikInit, double loglik, double scoreTest,
      GeneralizedCholesky initialInformation, double[] u, double[][] variance,
      GeneralizedCholesky finalInformation, int iterations, boolean converged) {}

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
      return new Outcome(beta, loglikInit, loglikInit, scoreTest, info0, current.u.clone(), info0.inverse(),
          info0, 0, maxIterations == 0 && Double.isFinite(loglikInit));
    }

    double best = loglikInit;
    double[] proposal = new double[p];
    for (int j = 0; j < p; j++) {
      proposal[j] = beta[j] + step[j];
    }
    int halving = 0;
    for (int iter = 1; iter <= maxIterations; iter++) {
      data.evaluate(proposal, ties, current);
      double newlk = current.loglik;
      boolean finite = current.finite();
      GeneralizedCholesky info = finite ? GeneralizedCholesky.of(current.information(), tolerChol) : null;
      if (finite && Math.abs(1 - best / newlk) <= eps) {
        return new Outcome(proposal.clone(), loglikInit, newlk, scoreTest, info0, current.u.clone(),
            info.inverse(), info, iter, true);
      }
      if (!finite || newlk < best) {
        halving++;
        for (int j = 0; j < p; j++) {
          proposal[j] = (proposal[j] + halving * beta[j]) / (halving + 1.0);
        }
      } else {
        halving = 0;
        best = newlk;
        double[] next = info.solve(current.u);
        for (int j = 0; j < p; j++) {
          beta[j] = proposal[j];
          proposal[j] += next[j];
        }
      }
    }
    data.evaluate(beta, ties, current);
    GeneralizedCholesky info = GeneralizedCholesky.of(current.information(), tolerChol);
    return new Outcome(beta, loglikInit, current.loglik, scoreTest, info0, current.u.clone(), info.inverse(),
        info, maxIterations, false);
  }
}
