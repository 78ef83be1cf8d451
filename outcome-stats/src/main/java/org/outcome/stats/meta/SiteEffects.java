package org.outcome.stats.meta;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.stats.internal.Arguments;
import org.outcome.stats.internal.Distributions;

/**
 * Each site's effect {@code y_i} and its sampling variance {@code v_i}, the input of a
 * {@link MetaAnalysis}: given directly, or computed from each site's summary data as metafor's
 * {@code escalc} computes them with its default options (each factory states its formula).
 * Immutable; arrays are copied in and out.
 *
 * <p>Zero counts, as {@code escalc}'s defaults ({@code add = 1/2, to = "only0", drop00 = FALSE}):
 * a site with a zero cell has 1/2 added to each of its four cells (risk and odds ratios) or to
 * both its counts (rate ratio) before the log is taken; a site with no events in either group is
 * kept with those halves.
 *
 * <p>Every effect must be finite and every variance finite and positive; a violation names the site
 * (from 1) and never anything else of the data.
 */
public final class SiteEffects {
  private final double[] effects;
  private final double[] variances;

  private SiteEffects(double[] effects, double[] variances) {
    this.effects = effects;
    this.variances = variances;
  }

  /**
   * Effects and variances as given ({@code yi}, {@code vi}).
   *
   * @throws InvalidInputException naming every site whose effect is not finite or whose variance is
   *     not positive and finite, or if the arrays differ in length
   */
  public static SiteEffects of(double[] effects, double[] variances) {
    if (effects.length != variances.length) {
      throw InvalidInputException.of("invalid site effects", Violation.at("vi",
          "there are " + effects.length + " effects but " + variances.length + " variances"));
    }
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < effects.length; i++) {
      if (!Double.isFinite(effects[i])) {
        violations.add(Violation.at("site " + (i + 1) + ", yi", "not a finite number"));
      }
      if (!(variances[i] > 0) || !Double.isFinite(variances[i])) {
        violations.add(Violation.at("site " + (i + 1) + ", vi", "must be a positive finite variance"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid site effects", violations);
    }
    return new SiteEffects(effects.clone(), variances.clone());
  }

  /**
   * Mean differences, {@code escalc(measure = "MD")}: {@code y = m1 − m2},
   * {@code v = sd1² / n1 + sd2² / n2}. One element per site in each array.
   *
   * @throws InvalidInputException naming each site with a count below 1 or a negative SD, or with
   *     no variance
   */
  public static SiteEffects meanDifferences(double[] m1, double[] sd1, long[] n1, double[] m2, double[] sd2,
      long[] n2) {
    int k = sameLength(m1.length, sd1.length, n1.length, m2.length, sd2.length, n2.length);
    double[] y = new double[k];
    double[] v = new double[k];
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      groups(violations, i, n1[i], sd1[i], n2[i], sd2[i], 1);
      y[i] = m1[i] - m2[i];
      v[i] = sd1[i] * sd1[i] / n1[i] + sd2[i] * sd2[i] / n2[i];
    }
    return checked(y, v, violations);
  }

  /**
   * Standardised mean differences with Hedges' exact small-sample correction,
   * {@code escalc(measure = "SMD")}: with {@code m = n1 + n2 − 2} and the pooled SD
   * {@code s = sqrt(((n1 − 1) sd1² + (n2 − 1) sd2²) / m)},
   * {@code y = J(m) (m1 − m2) / s}, {@code J(m) = Γ(m/2) / (sqrt(m/2) Γ((m − 1)/2))}, and the
   * large-sample variance {@code v = 1/n1 + 1/n2 + y² / (2 (n1 + n2))}.
   *
   * @throws InvalidInputException naming each site with a group of fewer than 2, a negative SD, or a
   *     pooled SD of zero
   */
  public static SiteEffects standardizedMeanDifferences(double[] m1, double[] sd1, long[] n1, double[] m2,
      double[] sd2, long[] n2) {
    int k = sameLength(m1.length, sd1.length, n1.length, m2.length, sd2.length, n2.length);
    double[] y = new double[k];
    double[] v = new double[k];
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      groups(violations, i, n1[i], sd1[i], n2[i], sd2[i], 2);
      double m = n1[i] + n2[i] - 2.0;
      double pooled = Math.sqrt(((n1[i] - 1) * sd1[i] * sd1[i] + (n2[i] - 1) * sd2[i] * sd2[i]) / m);
      double j = Math.exp(Gamma.logGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - Gamma.logGamma((m - 1) / 2));
      y[i] = j * (m1[i] - m2[i]) / pooled;
      v[i] = 1.0 / n1[i] + 1.0 / n2[i] + y[i] * y[i] / (2 * (n1[i] + n2[i]));
    }
    return checked(y, v, violations);
  }

  /**
   * Log risk ratios from each site's events and totals, {@code escalc(measure = "RR")}:
   * {@code y = log((a / n1) / (c / n2))}, {@code v = 1/a − 1/n1 + 1/c − 1/n2} (with the halves
   * above when a cell is zero).
   *
   * @throws InvalidInputException naming each site with events below 0 or above their total
   */
  public static SiteEffects logRiskRatios(long[] events1, long[] total1, long[] events2, long[] total2) {
    return fromTables(events1, total1, events2, total2, false);
  }

  /**
   * Log odds ratios from each site's events and totals, {@code escalc(measure = "OR")}:
   * {@code y = log(a d / (b c))}, {@code v = 1/a + 1/b + 1/c + 1/d} (with the halves above when a
   * cell is zero).
   *
   * @throws InvalidInputException naming each site with events below 0 or above their total
   */
  public static SiteEffects logOddsRatios(long[] events1, long[] total1, long[] events2, long[] total2) {
    return fromTables(events1, total1, events2, total2, true);
  }

  /**
   * Log rate ratios from each site's events and person-time, {@code escalc(measure = "IRR")}:
   * {@code y = log((x1 / t1) / (x2 / t2))}, {@code v = 1/x1 + 1/x2} (with 1/2 added to both counts
   * when one is zero).
   *
   * @throws InvalidInputException naming each site with negative events or person-time that is not
   *     positive
   */
  public static SiteEffects logRateRatios(long[] events1, double[] personTime1, long[] events2,
      double[] personTime2) {
    int k = sameLength(events1.length, personTime1.length, events2.length, personTime2.length);
    double[] y = new double[k];
    double[] v = new double[k];
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (events1[i] < 0 || events2[i] < 0) {
        violations.add(Violation.at("site " + (i + 1), "events must be 0 or more"));
      }
      if (!(personTime1[i] > 0) || !(personTime2[i] > 0) || !Double.isFinite(personTime1[i] + personTime2[i])) {
        violations.add(Violation.at("site " + (i + 1), "person-time must be positive and finite"));
      }
      double add = events1[i] == 0 || events2[i] == 0 ? 0.5 : 0;
      double x1 = events1[i] + add;
      double x2 = events2[i] + add;
      y[i] = Math.log((x1 / personTime1[i]) / (x2 / personTime2[i]));
      v[i] = 1 / x1 + 1 / x2;
    }
    return checked(y, v, violations);
  }

  private static SiteEffects fromTables(long[] events1, long[] total1, long[] events2, long[] total2, boolean odds) {
    int k = sameLength(events1.length, total1.length, events2.length, total2.length);
    double[] y = new double[k];
    double[] v = new double[k];
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (events1[i] < 0 || events2[i] < 0 || events1[i] > total1[i] || events2[i] > total2[i] || total1[i] < 1
          || total2[i] < 1) {
        violations.add(Violation.at("site " + (i + 1), "events must be between 0 and the group's total, of 1 or more"));
        continue;
      }
      double a = events1[i];
      double b = total1[i] - events1[i];
      double c = events2[i];
      double d = total2[i] - events2[i];
      if (a == 0 || b == 0 || c == 0 || d == 0) {
        a += 0.5;
        b += 0.5;
        c += 0.5;
        d += 0.5;
      }
      if (odds) {
        y[i] = Math.log(a * d / (b * c));
        v[i] = 1 / a + 1 / b + 1 / c + 1 / d;
      } else {
        y[i] = Math.log((a / (a + b)) / (c / (c + d)));
        v[i] = 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d);
      }
    }
    return checked(y, v, violations);
  }

  private static void groups(List<Violation> violations, int i, long n1, double sd1, long n2, double sd2, int least) {
    if (n1 < least || n2 < least) {
      violations.add(Violation.at("site " + (i + 1), "each group needs at least " + least
          + (least == 1 ? " person" : " people")));
    }
    if (!(sd1 >= 0) || !(sd2 >= 0) || !Double.isFinite(sd1 + sd2)) {
      violations.add(Violation.at("site " + (i + 1), "standard deviations must be 0 or more and finite"));
    }
  }

  private static int sameLength(int... lengths) {
    for (int length : lengths) {
      if (length != lengths[0]) {
        throw InvalidInputException.of("invalid site data", Violation.at("sites",
            "every column needs one value per site; the lengths differ"));
      }
    }
    return lengths[0];
  }

  private static SiteEffects checked(double[] y, double[] v, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid site data", violations);
    }
    return of(y, v);
  }

  /** The number of sites. */
  public int size() {
    return effects.length;
  }

  /** The effects, in the sites' order. */
  public double[] effects() {
    return effects.clone();
  }

  /** The sampling variances, in the sites' order. */
  public double[] variances() {
    return variances.clone();
  }

  /**
   * Site {@code index}'s own normal confidence interval {@code y ∓ z sqrt(v)}, as metafor's
   * {@code forest} draws it.
   */
  public ConfidenceInterval interval(int index, double level) {
    double half = Distributions.normalQuantile(1 - (1 - Arguments.confLevel(level)) / 2) * Math.sqrt(variances[index]);
    return new ConfidenceInterval(effects[index] - half, effects[index] + half, level);
  }

  /** These sites without site {@code index} (from 0). */
  public SiteEffects without(int index) {
    double[] y = new double[effects.length - 1];
    double[] v = new double[effects.length - 1];
    for (int i = 0, j = 0; i < effects.length; i++) {
      if (i != index) {
        y[j] = effects[i];
        v[j++] = variances[i];
      }
    }
    return new SiteEffects(y, v);
  }

  /** The sites' effects and variances (aggregates, not people's data), for reading test failures. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(effects.length + " sites (yi, vi):");
    for (int i = 0; i < effects.length; i++) {
      text.append(" (").append(effects[i]).append(", ").append(variances[i]).append(')');
    }
    return text.toString();
  }
}
