package org.outcome.stats.psychometrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * The answers of {@code n} people to {@code k} items, one column per item, the input of
 * {@link InternalConsistency}. Immutable; arrays are copied in and out.
 *
 * <p><b>Missing values.</b> {@code NaN} is a missing answer. Only complete cases are kept (R's
 * {@code na.omit}): a row with a missing answer to any item is left out, and
 * {@link #omittedRows()} says which (by row number, from 1). psych's {@code alpha} instead uses
 * pairwise-complete covariances by default ({@code use = "pairwise"}); on data without missing
 * values the two agree, and on data with them this equals {@code psych::alpha(na.omit(x))}.
 * Reverse-keyed items are reversed by the caller before (for an instrument,
 * {@code min + max - answer}).
 *
 * <p>Every answer that is given must be finite; a violation names the item and row, never the value.
 */
public final class ItemResponses {
  private final List<String> items;
  private final double[][] columns;
  private final List<Long> omittedRows;
  private final int rowsRead;

  private ItemResponses(List<String> items, double[][] columns, List<Long> omittedRows, int rowsRead) {
    this.items = items;
    this.columns = columns;
    this.omittedRows = omittedRows;
    this.rowsRead = rowsRead;
  }

  /**
   * The answers, one column per item ({@code columns[j][i]} is row {@code i}'s answer to item
   * {@code j}), {@code NaN} where missing.
   *
   * @param items the items' names (column names, or {@code q1} ... as on an instrument's form), in
   *     the order of {@code columns}; distinct and not blank
   * @throws InvalidInputException naming every problem: names and columns that differ in number,
   *     blank or repeated names, columns of different lengths, infinite answers (by item and row)
   */
  public static ItemResponses of(List<String> items, double[]... columns) {
    List<String> names = List.copyOf(items);
    List<Violation> violations = new ArrayList<>();
    if (names.size() != columns.length) {
      throw InvalidInputException.of("invalid item responses", Violation.at("items",
          "there are " + names.size() + " item names but " + columns.length + " columns"));
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.isBlank()) {
        violations.add(Violation.at("items", "an item name is blank"));
      } else if (!seen.add(name)) {
        violations.add(Violation.at("item " + name, "is named twice"));
      }
    }
    int rows = columns.length == 0 ? 0 : columns[0].length;
    for (int j = 0; j < columns.length; j++) {
      if (columns[j].length != rows) {
        violations.add(Violation.at("item " + names.get(j), "has " + columns[j].length + " answers; item "
            + names.get(0) + " has " + rows));
        continue;
      }
      for (int i = 0; i < rows; i++) {
        if (Double.isInfinite(columns[j][i])) {
          violations.add(Violation.at("row " + (i + 1) + ", item " + names.get(j), "not a finite number"));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid item responses", violations);
    }
    boolean[] complete = new boolean[rows];
    int kept = 0;
    List<Long> omitted = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      boolean all = true;
      for (double[] column : columns) {
        all &= !Double.isNaN(column[i]);
      }
      complete[i] = all;
      if (all) {
        kept++;
      } else {
        omitted.add(i + 1L);
      }
    }
    double[][] kept2 = new double[columns.length][kept];
    for (int j = 0; j < columns.length; j++) {
      for (int i = 0, r = 0; i < rows; i++) {
        if (complete[i]) {
          kept2[j][r++] = columns[j][i];
        }
      }
    }
    return new ItemResponses(names, kept2, List.copyOf(omitted), rows);
  }

  /** The items' names, in order. */
  public List<String> items() {
    return items;
  }

  /** The number of items, k. */
  public int itemCount() {
    return items.size();
  }

  /** The number of complete rows, n: those the analysis uses. */
  public int completeRows() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /** The number of rows given, complete or not. */
  public int rowsRead() {
    return rowsRead;
  }

  /** The rows left out for a missing answer, numbered from 1 in the order given. */
  public List<Long> omittedRows() {
    return omittedRows;
  }

  /** Item {@code j}'s answers on the complete rows. */
  public double[] column(int j) {
    return columns[j].clone();
  }

  /** The complete rows whose numbers (from 0, among the complete rows) are given, in that order. */
  ItemResponses resample(int[] rows) {
    double[][] out = new double[columns.length][rows.length];
    for (int j = 0; j < columns.length; j++) {
      for (int i = 0; i < rows.length; i++) {
        out[j][i] = columns[j][rows[i]];
      }
    }
    return new ItemResponses(items, out, List.of(), rows.length);
  }

  /** Direct access for the analysis, without a copy. */
  double[][] columns() {
    return columns;
  }

  /** The shape only (never an answer), for reading test failures. */
  @Override
  public String toString() {
    return completeRows() + " complete rows of " + rowsRead + " on items " + items;
  }
}
