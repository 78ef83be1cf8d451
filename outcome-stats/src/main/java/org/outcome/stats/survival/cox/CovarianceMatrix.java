package org.outcome.stats.survival.cox;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable symmetric variance–covariance matrix of named coefficients.
 */
public final class CovarianceMatrix {
  private final List<String> names;
  private final double[][] values;

  private CovarianceMatrix(List<String> names, double[][] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * A matrix; the values are copied.
   *
   * @throws IllegalArgumentException if it is not square, not of the names' size, or not symmetric
   */
  public static CovarianceMatrix of(List<String> names, double[][] values) {
    List<String> n = List.copyOf(names);
    int p = n.size();
    if (values.length != p) {
      throw new IllegalArgumentException("matrix has " + values.length + " rows for " + p + " names");
    }
    double[][] copy = new double[p][];
    for (int i = 0; i < p; i++) {
      if (values[i].length != p) {
        throw new IllegalArgumentException("row " + i + " has " + values[i].length + " columns, expected " + p);
      }
      copy[i] = values[i].clone();
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        if (Double.compare(copy[i][j], copy[j][i]) != 0) {
          throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
        }
      }
    }
    return new CovarianceMatrix(n, copy);
  }

  /** The coefficients' names, in row order. */
  public List<String> names() {
    return names;
  }

  /** The dimension. */
  public int size() {
    return names.size();
  }

  /** The element at row {@code i}, column {@code j}. */
  public double get(int i, int j) {
    return values[i][j];
  }

  /** The variance of coefficient {@code i}. */
  public double variance(int i) {
    return values[i][i];
  }

  /** A copy of the matrix. */
  public double[][] toArray() {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      copy[i] = values[i].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CovarianceMatrix m && names.equals(m.names) && Arrays.deepEquals(values, m.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, Arrays.deepHashCode(values));
  }

  @Override
  public String toString() {
    return "CovarianceMatrix" + names + Arrays.deepToString(values);
  }
}
