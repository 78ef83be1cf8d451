package org.outcome.stats.survival.cox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.outcome.stats.survival.cox.Ties;

/**
 * What the iterations return when they run out, in each of R's two routines ({@code coxfit6.c}
 * for right-censored rows, {@code agfit4.c} for counting-process rows), on a concave objective
 * whose Newton steps overshoot, so that every branch can be reached in a few iterations:
 * {@code f(b) = -5 - |s - 3|^1.2 - (b1 - b2)^2 / 2} with {@code s = b1 + b2}. Along {@code s} a Newton
 * step maps {@code s - 3} to {@code -4 (s - 3)}: from zero the first proposal is {@code s = 15}
 * (worse), halved to {@code 7.5} (worse), then to {@code 2.5} (better, accepted), then the next
 * proposal is {@code s = 5} (worse).
 */
class NewtonRaphsonTest {
  static final double EPS = 1e-9;
  static final double TOLER = Math.pow(Math.ulp(1.0), 0.75);

  /** The objective as {@link CoxInputs}; {@code counting} picks the routine. */
  record Overshoot(boolean counting) implements CoxInputs {
    @Override
    public int p() {
      return 2;
    }

    @Override
    public double[] scale() {
      return new double[] {1, 1};
    }

    @Override
    public void evaluate(double[] beta, Ties ties, Derivatives out) {
      out.clear();
      double x = beta[0] + beta[1] - 3;
      double d = beta[0] - beta[1];
      double phi1 = 1.2 * Math.signum(x) * Math.pow(Math.abs(x), 0.2);
      double phi2 = second(beta);
      out.loglik = -5 - Math.pow(Math.abs(x), 1.2) - d * d / 2;
      out.u[0] = -phi1 - d;
      out.u[1] = -phi1 + d;
      out.imat[0] = phi2 + 1;
      out.imat[1] = phi2 - 1;
      out.imat[2] = phi2 + 1;
    }

    static double second(double[] beta) {
      return 0.24 * Math.pow(Math.abs(beta[0] + beta[1] - 3), -0.8);
    }

    static double loglik(double s) {
      return -5 - Math.pow(Math.abs(s - 3), 1.2);
    }

    @Override
    public double maxLinearPredictor(double[] beta) {
      return 0;
    }

    @Override
    public boolean countingProcess() {
      return counting;
    }
  }

  private static NewtonRaphson.Outcome fit(boolean counting, int maxIterations) {
    return NewtonRaphson.fit(new Overshoot(counting), Ties.EFRON, maxIterations, EPS, TOLER);
  }

  /** The inverse of the information {@code [[a + 1, a - 1], [a - 1, a + 1]]} at {@code s}. */
  private static double[][] inverse(double s) {
    double a = Overshoot.second(new double[] {s / 2, s / 2});
    double det = (a + 1) * (a + 1) - (a - 1) * (a - 1);
    return new double[][] {{(a + 1) / det, -(a - 1) / det}, {-(a - 1) / det, (a + 1) / det}};
  }

  private static void assertVariance(double[][] actual, double[][] expected) {
    for (int j = 0; j < 2; j++) {
      for (int k = 0; k < 2; k++) {
        assertThat(actual[j][k]).as("variance[%d][%d]", j, k).isCloseTo(expected[j][k], within(1e-12));
      }
    }
  }

  @Test
  void coxfit6ReturnsTheLastAcceptedPointWithTheInverseOfTheDiagonalAndOneMoreIteration() {
    NewtonRaphson.Outcome o = fit(false, 4);
    assertThat(o.converged()).isFalse();
    assertThat(o.iterations()).isEqualTo(5);
    assertThat(o.beta()[0]).isCloseTo(1.25, within(1e-12));
    assertThat(o.beta()[1]).isCloseTo(1.25, within(1e-12));
    assertThat(o.loglik()).isCloseTo(Overshoot.loglik(2.5), within(1e-12));
    double a = Overshoot.second(o.beta());
    assertVariance(o.variance(), new double[][] {{1 / (a + 1), 0}, {0, 1 / (a + 1)}});
    assertThat(o.vanished()).containsExactly(false, false);
  }

  @Test
  void coxfit6WithoutAnAcceptedStepReturnsTheStart() {
    NewtonRaphson.Outcome o = fit(false, 2);
    assertThat(o.iterations()).isEqualTo(3);
    assertThat(o.beta()).containsExactly(0, 0);
    assertThat(o.loglik()).isCloseTo(Overshoot.loglik(0), within(1e-15));
    double a = Overshoot.second(o.beta());
    assertVariance(o.variance(), new double[][] {{1 / (a + 1), 0}, {0, 1 / (a + 1)}});
  }

  @Test
  void coxfit6AfterOneIterationInvertsTheInformationOfTheRejectedProposal() {
    NewtonRaphson.Outcome o = fit(false, 1);
    assertThat(o.converged()).isFalse();
    assertThat(o.iterations()).isEqualTo(2);
    assertThat(o.beta()).containsExactly(0, 0);
    assertThat(o.loglik()).isCloseTo(Overshoot.loglik(0), within(1e-15));
    assertVariance(o.variance(), inverse(15));
  }

  @Test
  void agfit4KeepsTheLastProposalWhenItIsNoWorse() {
    NewtonRaphson.Outcome o = fit(true, 3);
    assertThat(o.converged()).isFalse();
    assertThat(o.iterations()).isEqualTo(3);
    assertThat(o.beta()[0]).isCloseTo(1.25, within(1e-12));
    assertThat(o.beta()[1]).isCloseTo(1.25, within(1e-12));
    assertThat(o.loglik()).isCloseTo(Overshoot.loglik(2.5), within(1e-12));
    assertVariance(o.variance(), inverse(2.5));
  }

  @Test
  void agfit4GoesBackToTheBestPointWhenTheLastProposalIsWorse() {
    NewtonRaphson.Outcome o = fit(true, 2);
    assertThat(o.iterations()).isEqualTo(2);
    assertThat(o.beta()).containsExactly(0, 0);
    assertThat(o.loglik()).isCloseTo(Overshoot.loglik(0), within(1e-15));
    assertVariance(o.variance(), inverse(0));
  }

  @Test
  void agfit4WithOneIterationKeepsEvenAWorseProposal() {
    NewtonRaphson.Outcome o = fit(true, 1);
    assertThat(o.iterations()).isEqualTo(1);
    assertThat(o.beta()[0]).isCloseTo(7.5, within(1e-12));
    assertThat(o.loglik()).isCloseTo(Overshoot.loglik(15), within(1e-12));
    assertVariance(o.variance(), inverse(15));
  }

  @Test
  void onlyCoxfit6MayConvergeRightAfterAHalving() {
    // near s = 3 the pattern repeats: a full step (worse), a halving (worse), a second halving
    // (better, accepted). coxfit6 tests convergence before it looks at whether the proposal is
    // worse, and stops at iteration 32, a halved proposal below the best point; agfit4 does not
    // stop right after a halving, and stops at iteration 34, on a full step.
    NewtonRaphson.Outcome right = fit(false, 40);
    NewtonRaphson.Outcome counting = fit(true, 40);
    assertThat(right.converged()).isTrue();
    assertThat(right.iterations()).isEqualTo(32);
    assertThat(right.loglik()).isLessThan(fit(false, 31).loglik());
    assertThat(counting.converged()).isTrue();
    assertThat(counting.iterations()).isEqualTo(34);
  }
}
