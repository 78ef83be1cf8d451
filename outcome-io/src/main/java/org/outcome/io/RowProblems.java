package org.outcome.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * Problems found on rows, reported one line per column and problem, however many rows share it:
 * {@code column time: negative on 166 rows: 2, 5, 9, 11, 12 and 161 more}. A file with a
 * systematic problem (a whole column in the wrong unit or coding) then gives one readable line
 * instead of a line per row. Rows count data records from 1; no line quotes a cell. Not
 * thread-safe.
 */
public final class RowProblems {
  /** The row numbers listed for each problem. */
  public static final int SHOWN = 5;

  private static final class Seen {
    long count;
    final List<Long> first = new ArrayList<>(SHOWN);
  }

  private final Map<List<String>, Seen> seen = new LinkedHashMap<>();

  /** No problems yet. */
  public RowProblems() {}

  /** Records a problem of a cell, by its data row (from 1) and column. */
  public void add(long row, String column, String problem) {
    Seen s = seen.computeIfAbsent(List.of(Objects.requireNonNull(column, "column"),
        Objects.requireNonNull(problem, "problem")), k -> new Seen());
    s.count++;
    if (s.first.size() < SHOWN) {
      s.first.add(row);
    }
  }

  /** Whether no problem was recorded. */
  public boolean isEmpty() {
    return seen.isEmpty();
  }

  /** One violation per column and problem, in the order first met. */
  public List<Violation> violations() {
    List<Violation> out = new ArrayList<>();
    seen.forEach((key, s) -> out.add(Violation.at("column " + key.get(0), key.get(1) + " on "
        + (s.count == 1 ? "row " : s.count + " rows: ") + rowList(s.first, s.count))));
    return out;
  }

  /**
   * Throws the problems, if any.
   *
   * @throws InvalidInputException with {@code message} and {@link #violations()}
   */
  public void throwIfAny(String message) {
    if (!isEmpty()) {
      throw new InvalidInputException(message, violations());
    }
  }

  /** The first row numbers and how many more: {@code 2, 5, 9 and 161 more}. */
  static String rowList(List<Long> first, long count) {
    StringBuilder b = new StringBuilder();
    for (Long row : first) {
      b.append(b.length() == 0 ? "" : ", ").append(row);
    }
    return count > first.size() ? b + " and " + (count - first.size()) + " more" : b.toString();
  }
}
