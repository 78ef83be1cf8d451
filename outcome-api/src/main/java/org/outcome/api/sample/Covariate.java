package org.outcome.api.sample;

import java.util.Arrays;

/** A named numeric column of a {@link SurvivalSample}, one value per row. Immutable, with value equality. */
public final class Covariate {
  private final String name;
  private final double[] values;

  private Covariate(String name, double[] values) {
    this.name = name;
    this.values = values;
  }

  /**
   * A covariate; the values are copied.
   *
   * @throws org.outcome.api.InvalidInputException if a value is not finite
   */
  public static Covariate of(String name, double[] values) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("covariate name must not be blank");
    }
    new Checks("covariate " + name).finite(name, values).throwIfAny();
    return new Covariate(name, values.clone());
  }

  /** The column name. */
  public String name() {
    return name;
  }

  /** The number of rows. */
  public int size() {
    return values.length;
  }

  /** The value at row {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** A copy of the values. */
  public double[] values() {
    return values.clone();
  }

  /** The same column with a new name. */
  public Covariate renamed(String newName) {
    return of(newName, values);
  }

  /** Equal when the names and the values (bit for bit, in order) are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Covariate c && name.equals(c.name) && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  /** The column's name and length, for example {@code Covariate[age, 40 rows]}: never a value. */
  @Override
  public String toString() {
    return "Covariate[" + name + ", " + values.length + " rows]";
  }
}
