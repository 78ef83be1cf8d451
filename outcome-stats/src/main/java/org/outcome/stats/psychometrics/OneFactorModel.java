package org.outcome.stats.psychometrics;

import java.util.Arrays;

/**
 * A one-factor model of the items' correlation matrix, fitted by maximum likelihood, and McDonald's
 * omega total from it (McDonald 1999, ch. 6):
 *
 * <pre>{@code ω_t = (Σ λ_i)² / ((Σ λ_i)² + Σ ψ_i),   ψ_i = 1 − λ_i²}</pre>
 *
 * with the standardised loadings {@code λ} of
 * {@code psych::fa(x, nfactors = 1, fm = "ml")} (equivalently {@code factanal(x, factors = 1)}), so
 * that in R {@code l <- fa(x, 1, fm = "ml")$loadings[, 1]; sum(l)^2 / (sum(l)^2 + sum(1 - l^2))}.
 * The uniquenesses are psych's {@code uniquenesses}, {@code 1 − λ_i²}. This is not
 * {@code psych::omega(x, nfactors = 1)$omega.tot}, which fits by minimum residual and divides by
 * the observed variance of the standardised total, {@code sum(cor(x))}.
 *
 * <p>The loadings' signs are chosen so that they sum to 0 or more. Immutable; arrays are copied in
 * and out.
 *
 * @param loadings the standardised loadings λ, one per item in the items' order
 * @param uniquenesses {@code 1 − λ_i²}, one per item (below 0.005, even negative, in a Heywood case)
 * @param omegaTotal ω total
 * @param heywood whether a uniqueness was held at R's lower bound 0.005 (a Heywood case: an item
 *     the factor explains almost entirely; the fit is at a boundary and ω should be read with care)
 */
public record OneFactorModel(double[] loadings, double[] uniquenesses, double omegaTotal, boolean heywood) {
  public OneFactorModel {
    loadings = loadings.clone();
    uniquenesses = uniquenesses.clone();
    if (loadings.length != uniquenesses.length) {
      throw new IllegalArgumentException("one loading and one uniqueness per item: " + loadings.length + " and "
          + uniquenesses.length);
    }
  }

  /** The model with these loadings: the uniquenesses and omega follow. */
  static OneFactorModel of(double[] loadings, boolean heywood) {
    double sum = 0;
    double unique = 0;
    double[] psi = new double[loadings.length];
    for (int i = 0; i < loadings.length; i++) {
      sum += loadings[i];
      psi[i] = 1 - loadings[i] * loadings[i];
      unique += psi[i];
    }
    return new OneFactorModel(loadings, psi, sum * sum / (sum * sum + unique), heywood);
  }

  /** The loadings, a copy. */
  @Override
  public double[] loadings() {
    return loadings.clone();
  }

  /** The uniquenesses, a copy. */
  @Override
  public double[] uniquenesses() {
    return uniquenesses.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OneFactorModel m && Arrays.equals(loadings, m.loadings)
        && Arrays.equals(uniquenesses, m.uniquenesses) && Double.compare(omegaTotal, m.omegaTotal) == 0
        && heywood == m.heywood;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(loadings) + Double.hashCode(omegaTotal);
  }

  @Override
  public String toString() {
    return "OneFactorModel[loadings=" + Arrays.toString(loadings) + ", omegaTotal=" + omegaTotal + ", heywood="
        + heywood + "]";
  }
}
