package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * The sequential half of a Cox evaluation: walks the blocks of one stratum from the latest time to
 * the earliest, keeping the risk set's sums as the running total of the blocks seen, and adds
 * each event time's contribution to the log partial likelihood, the score and the information.
 *
 * <p>At an event time with {@code d} events, risk-set sums {@code S0, S1, S2} (events included)
 * and event sums {@code D0, D1, D2}:
 * <ul>
 *   <li>Breslow (and any time with a single event): {@code loglik += sum eta - d log S0},
 *       {@code u += sum x - d S1/S0}, {@code I += d (S2/S0 - S1 S1'/S0^2)};
 *   <li>Efron: for {@code k = 0..d-1} the events are counted with weight {@code (d-k)/d}: with
 *       {@code S0k = S0 - (k/d) D0} and likewise {@code S1k, S2k}, {@code loglik -= log S0k},
 *       {@code u -= S1k/S0k}, {@code I += S2k/S0k - S1k S1k'/S0k^2}; plus {@code sum eta} and
 *       {@code sum x} of the events.
 * </ul>
 * (Therneau and Grambsch, <i>Modeling Survival Data</i>, 2000, section 3.3; R survival's
 * {@code coxfit6.c}, whose arithmetic order this follows: Efron adds the events' sums to the
 * risk set a {@code 1/d} share at a time.)
 */
final class RiskSetScan {
  private final int p;
  private final Ties ties;
  /** The running risk-set sums of the current stratum. */
  final RiskSums riskSet;

  RiskSetScan(int p, Ties ties) {
    this.p = p;
    this.ties = ties;
    this.riskSet = new RiskSums(p);
  }

  /** Starts a new stratum: the risk set is empty. */
  void startStratum() {
    riskSet.clear();
  }

  /**
   * Adds the events of one block to the risk set and their contribution to {@code out}
   * (added to what {@code out} already holds). The block's censored rows must already be in
   * {@link #riskSet}.
   */
  void addEvents(RiskSums deaths, Derivatives out) {
    int d = deaths.events;
    if (d == 0) {
      return;
    }
    RiskSums r = riskSet;
    double[] u = out.u;
    double[] imat = out.imat;
    out.loglik += deaths.sumEta;
    for (int j = 0; j < p; j++) {
      u[j] += deaths.sumX[j];
    }
    if (ties == Ties.BRESLOW || d == 1) {
      r.add(deaths);
      contribute(r, d, u, imat, out);
    } else {
      double share = 1.0 / d;
      for (int k = 0; k < d; k++) {
        r.addRiskFraction(deaths, share);
        contribute(r, 1.0, u, imat, out);
      }
    }
  }

  private void contribute(RiskSums r, double weight, double[] u, double[] imat, Derivatives out) {
    double denom = r.s0;
    out.loglik -= weight * Math.log(denom);
    int t = 0;
    for (int j = 0; j < p; j++) {
      double mean = r.s1[j] / denom;
      u[j] -= weight * mean;
      for (int k = 0; k <= j; k++) {
        imat[t] += weight * (r.s2[t] - mean * r.s1[k]) / denom;
        t++;
      }
    }
  }
}
