package org.outcome.stats.survival.cox.internal;

import org.outcome.stats.survival.cox.Ties;

/**
 * The sequential half of a Cox evaluation: walks the blocks of one stratum from the latest time to
 * the earliest, keeping the risk set's sums as the running total of the blocks seen, and adds
 * each event time's contribution to the log partial likelihood, the score and the information.
 *
 * <p>At an event time with {@code d} events of total case weight {@code W} ({@code W = d}
 * without weights), risk-set sums {@code S0, S1, S2} (events included) and event sums
 * {@code D0, D1, D2}:
 * <ul>
 *   <li>Breslow (and any time with a single event): {@code loglik += sum w eta - W log S0},
 *       {@code u += sum w x - W S1/S0}, {@code I += W (S2/S0 - S1 S1'/S0^2)};
 *   <li>Efron: for {@code k = 0..d-1} the events are counted with weight {@code (d-k)/d}: with
 *       {@code S0k = S0 - (k/d) D0} and likewise {@code S1k, S2k}, {@code loglik -= (W/d) log S0k},
 *       {@code u -= (W/d) S1k/S0k}, {@code I += (W/d) (S2k/S0k - S1k S1k'/S0k^2)}; plus
 *       {@code sum w eta} and {@code sum w x} of the events.
 * </ul>
 * (Therneau and Grambsch, <i>Modeling Survival Data</i>, 2000, section 3.3; R survival's
 * {@code coxfit6.c}, which adds the events' sums to the risk set a {@code 1/d} share at a time,
 * O(d p^2) per time; {@link #addEvents} gets the same sums in O(d + p^2).)
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
   *
   * <p>A single term (Breslow, or one event) is computed in R's arithmetic order. Efron's
   * {@code d > 1} terms all have the form {@code Sk = A + f_k D} ({@code A} the risk set before
   * the events, {@code D} the events' sums, {@code f_k = (k+1)/d}), so their sums reduce to five
   * scalars, {@code sum 1/S0k}, {@code sum f/S0k}, {@code sum 1/S0k^2}, {@code sum f/S0k^2} and
   * {@code sum f^2/S0k^2} (each sum taken relative to the whole risk set's {@code S0}, so that no
   * product of two sums overflows): a block costs O(d + p^2) where R's loop costs O(d p^2). The
   * two agree to rounding.
   */
  void addEvents(RiskSums deaths, Derivatives out) {
    int d = deaths.events;
    if (d == 0) {
      return;
    }
    if (ties == Ties.BRESLOW || d == 1) {
      addSingleTerm(deaths, out);
    } else {
      addEfronTerms(deaths, out);
    }
  }

  private void addSingleTerm(RiskSums deaths, Derivatives out) {
    RiskSums r = riskSet;
    r.add(deaths);
    double weight = deaths.eventWeight; // R's deadwt: the count without case weights
    double denom = r.s0;
    out.loglik += deaths.sumEta - weight * Math.log(denom);
    double[] u = out.u;
    double[] imat = out.imat;
    int t = 0;
    for (int j = 0; j < p; j++) {
      double mean = r.s1[j] / denom;
      u[j] += deaths.sumX[j] - weight * mean;
      for (int k = 0; k <= j; k++) {
        imat[t] += weight * (r.s2[t] - mean * r.s1[k]) / denom;
        t++;
      }
    }
  }

  private void addEfronTerms(RiskSums deaths, Derivatives out) {
    RiskSums r = riskSet;
    int d = deaths.events;
    double meanWeight = deaths.eventWeight / d; // R's wtave: exactly 1 without case weights
    // every sum is divided by the whole risk set's S0 first: with diverging coefficients the sums
    // reach e^400 and more, and a product of two of them (or 1 / S0^2) would overflow (or
    // underflow) where R's per-term means do not
    double scale = r.s0 + deaths.s0;
    double inv1 = 0;
    double invF = 0;
    double inv2 = 0;
    double inv2F = 0;
    double inv2FF = 0;
    double logs = 0;
    for (int k = 0; k < d; k++) {
      double f = (k + 1.0) / d;
      double s0 = r.s0 + f * deaths.s0;
      double inv = scale / s0;
      double invSq = inv * inv;
      inv1 += inv;
      invF += f * inv;
      inv2 += invSq;
      inv2F += f * invSq;
      inv2FF += f * f * invSq;
      logs += Math.log(s0);
    }
    inv1 *= meanWeight;
    invF *= meanWeight;
    inv2 *= meanWeight;
    inv2F *= meanWeight;
    inv2FF *= meanWeight;
    out.loglik += deaths.sumEta - meanWeight * logs;
    double[] u = out.u;
    double[] imat = out.imat;
    int t = 0;
    for (int j = 0; j < p; j++) {
      double aj = r.s1[j] / scale;
      double bj = deaths.s1[j] / scale;
      u[j] += deaths.sumX[j] - (aj * inv1 + bj * invF);
      for (int k = 0; k <= j; k++) {
        double ak = r.s1[k] / scale;
        double bk = deaths.s1[k] / scale;
        imat[t] += r.s2[t] / scale * inv1 + deaths.s2[t] / scale * invF
            - (aj * ak * inv2 + (aj * bk + bj * ak) * inv2F + bj * bk * inv2FF);
        t++;
      }
    }
    r.add(deaths);
  }
}
