package org.outcome.stats.multiplicity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.result.AnalysisResult;
import org.outcome.stats.internal.Arguments;

/**
 * Adjusts the p-values of a family of results for multiple testing, exactly as R's
 * {@code p.adjust(p, method)}. Immutable.
 *
 * <p>With the {@code m} p-values sorted ascending, {@code p_(1) <= ... <= p_(m)}:
 * <ul>
 *   <li>Holm (1979): {@code adj_(i) = min(1, max_{j <= i} (m - j + 1) p_(j))};
 *   <li>Benjamini–Hochberg (1995): {@code adj_(i) = min(1, min_{j >= i} m p_(j) / j)};
 *   <li>Bonferroni: {@code min(1, m p)}.
 * </ul>
 * The adjusted values are returned in the original order. Ties keep R's order (a stable sort).
 *
 * <pre>{@code
 * Family family = PValueAdjustment.of(AdjustmentMethod.HOLM).adjust(List.of(tTest, wilcoxon, fisher));
 * family.members().get(0).adjustedP();
 * }</pre>
 */
public final class PValueAdjustment {
  private final AdjustmentMethod method;

  private PValueAdjustment(AdjustmentMethod method) {
    this.method = method;
  }

  /** An adjustment by this method. */
  public static PValueAdjustment of(AdjustmentMethod method) {
    return new PValueAdjustment(Arguments.option(method, "method"));
  }

  /** The method. */
  public AdjustmentMethod method() {
    return method;
  }

  /**
   * Adjusts raw p-values; the result is in the same order.
   *
   * @throws InvalidInputException if a p-value is not in [0, 1]
   */
  public double[] adjust(double... p) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        violations.add(Violation.at("p[" + (i + 1) + "]", "p-value " + p[i] + " is not in [0, 1]"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid p-values", violations);
    }
    int m = p.length;
    double[] adjusted = new double[m];
    if (m == 0) {
      return adjusted;
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    switch (method) {
      case BONFERRONI -> {
        for (int i = 0; i < m; i++) {
          adjusted[i] = Math.min(1, m * p[i]);
        }
      }
      case HOLM -> {
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
          int i = order[rank];
          running = Math.max(running, (m - rank) * p[i]);
          adjusted[i] = Math.min(1, running);
        }
      }
      case BENJAMINI_HOCHBERG -> {
        // R: o <- order(p, decreasing = TRUE); pmin(1, cummin(n / i * p[o]))[order(o)], i = n:1
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double running = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
          int i = order[k];
          int rank = m - k; // i in R's n:1
          running = Math.min(running, (double) m / rank * p[i]);
          adjusted[i] = Math.min(1, running);
        }
      }
    }
    return adjusted;
  }

  /**
   * Adjusts the primary tests of a family of results.
   *
   * @throws InvalidInputException naming each result that has no test
   */
  public Family adjust(List<? extends AnalysisResult> results) {
    List<Violation> violations = new ArrayList<>();
    double[] raw = new double[results.size()];
    for (int i = 0; i < raw.length; i++) {
      AnalysisResult r = Objects.requireNonNull(results.get(i), "result");
      if (r.test().isEmpty()) {
        violations.add(Violation.at("results[" + (i + 1) + "]", "'" + r.method() + "' reports no test to adjust"));
      } else {
        raw[i] = r.test().get().pValue();
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("results without a p-value", violations);
    }
    double[] adjusted = adjust(raw);
    List<Adjusted> members = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      members.add(new AdjustedMember(results.get(i), raw[i], adjusted[i]));
    }
    return new AdjustedFamily(method, members);
  }

  /**
   * One result of a family with its adjusted p-value. Only {@link #adjust(List)} makes one: the
   * interface is sealed and its implementation private, so a caller cannot forge one.
   */
  public sealed interface Adjusted permits AdjustedMember {
    /** The result. */
    AnalysisResult result();

    /** Its primary test's p-value. */
    double rawP();

    /** The adjusted p-value, never below {@code rawP}. */
    double adjustedP();
  }

  /**
   * A family of results, adjusted. Only {@link #adjust(List)} makes one: the interface is sealed
   * and its implementation private, so a caller cannot forge one.
   */
  public sealed interface Family permits AdjustedFamily {
    /** The adjustment. */
    AdjustmentMethod method();

    /** The results in the order given. */
    List<Adjusted> members();
  }

  /** The one implementation of {@link Adjusted}. */
  private record AdjustedMember(AnalysisResult result, double rawP, double adjustedP) implements Adjusted {}

  /** The one implementation of {@link Family}. */
  private record AdjustedFamily(AdjustmentMethod method, List<Adjusted> members) implements Family {
    AdjustedFamily {
      members = List.copyOf(members);
    }
  }
}
