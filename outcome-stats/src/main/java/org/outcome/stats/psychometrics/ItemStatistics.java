package org.outcome.stats.psychometrics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One item's statistics in an internal-consistency analysis, as psych's {@code alpha} reports
 * them ({@code item.stats} and {@code alpha.drop}). With {@code C} the items' covariance matrix,
 * {@code T = Σ_jk C_jk} the variance of the total (sum) score and {@code c_i = Σ_j C_ij}:
 *
 * <ul>
 *   <li>{@code itemTotalCorrelation = c_i / sqrt(C_ii T)}, psych's {@code raw.r}: the correlation
 *       of the item with the total that includes it;
 *   <li>{@code itemRestCorrelation = (c_i − C_ii) / sqrt(C_ii (T − 2 c_i + C_ii))}, psych's
 *       {@code r.drop}: the correlation with the sum of the other items (the "corrected" item–total
 *       correlation);
 *   <li>{@code alphaIfDropped}: raw alpha of the other {@code k − 1} items, psych's
 *       {@code alpha.drop$raw_alpha}; {@code stdAlphaIfDropped}: their standardised alpha,
 *       {@code alpha.drop$std.alpha}. Both are empty with two items, where one item would remain
 *       (psych prints {@code C12 / C22} and {@code r12} there, which are not alphas).
 * </ul>
 *
 * @param item the item's name
 * @param mean the item's mean
 * @param sd the item's standard deviation (denominator {@code n − 1})
 * @param itemTotalCorrelation the correlation with the total score
 * @param itemRestCorrelation the correlation with the total of the other items
 * @param alphaIfDropped raw alpha without this item; empty with two items
 * @param stdAlphaIfDropped standardised alpha without this item; empty with two items
 */
public record ItemStatistics(String item, double mean, double sd, double itemTotalCorrelation,
    double itemRestCorrelation, OptionalDouble alphaIfDropped, OptionalDouble stdAlphaIfDropped) {
  public ItemStatistics {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(alphaIfDropped, "alphaIfDropped");
    Objects.requireNonNull(stdAlphaIfDropped, "stdAlphaIfDropped");
  }
}
