package org.outcome.api.instrument;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A step applied to a subscale's aggregate, in order, after aggregation.
 */
public sealed interface Transform {
  /** Applies this step. */
  double apply(double value);

  /**
   * {@code (x + shift) * factor}, in that order of operations, so that published formulas such as
   * WHOQOL-BREF's {@code (d - 4) * 100 / 16} are reproduced to the last bit.
   *
   * @param shift added first
   * @param factor multiplied second; not zero
   */
  record Linear(double shift, double factor) implements Transform {
    public Linear {
      if (!Double.isFinite(shift) || !Double.isFinite(factor) || factor == 0) {
        throw new IllegalArgumentException("linear transform needs a finite shift and a finite,"
            + " non-zero factor, got shift " + shift + " and factor " + factor);
      }
    }

    /** Multiplication only. */
    public static Linear scale(double factor) {
      return new Linear(0, factor);
    }

    @Override
    public double apply(double value) {
      return (value + shift) * factor;
    }
  }

  /**
   * A conversion table from an integer raw score to a metric score, such as the SWEMWBS Rasch
   * conversion. Applies only to integer raw scores (a complete sum); a raw score the table does
   * not hold is an error in the definition, which the definition's checks rule out.
   *
   * @param table raw score to converted score
   */
  record Lookup(SortedMap<Integer, Double> table) implements Transform {
    public Lookup {
      if (table.isEmpty()) {
        throw new IllegalArgumentException("lookup table must not be empty");
      }
      table = Collections.unmodifiableSortedMap(new TreeMap<>(table));
    }

    /** A lookup from a map, copied. */
    public static Lookup of(Map<Integer, Double> table) {
      return new Lookup(new TreeMap<>(table));
    }

    /** Whether the table converts {@code raw}. */
    public boolean covers(int raw) {
      return table.containsKey(raw);
    }

    @Override
    public double apply(double value) {
      int raw = (int) value;
      Double converted = raw == value ? table.get(raw) : null;
      if (converted == null) {
        throw new IllegalArgumentException("lookup table has no entry for raw score " + value);
      }
      return converted;
    }
  }
}
