package org.outcome.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.api.SubjectId;

/**
 * Columns read by a {@link TableReader}, each an array with one entry per data row (row
 * {@code i + 1} of the file is index {@code i}). When the reader was {@linkplain
 * TableReader#keyedBy keyed by a subject column}, the table also answers by subject, so that
 * columns of different files can be lined up person by person:
 *
 * <pre>{@code
 * List<SubjectId> peer = people.subjectsWhere("group", "peer-support");
 * double[] sessions = attendance.numeric("sessions", peer);   // NaN for a person with no row
 * }</pre>
 *
 * <p>The arrays returned are copies; the table itself is immutable.
 */
public final class Table {
  private final int rows;
  private final Map<String, double[]> numeric;
  private final Map<String, String[]> text;
  private final Map<String, boolean[]> binary;
  private final Optional<List<SubjectId>> subjects;
  private final Map<SubjectId, Integer> rowOf;

  Table(int rows, Map<String, double[]> numeric, Map<String, String[]> text, Map<String, boolean[]> binary,
      Optional<List<SubjectId>> subjects, Map<SubjectId, Integer> rowOf) {
    this.rows = rows;
    this.numeric = Map.copyOf(numeric);
    this.text = Map.copyOf(text);
    this.binary = Map.copyOf(binary);
    this.subjects = subjects;
    this.rowOf = Map.copyOf(rowOf);
  }

  /** The number of data rows. */
  public int rows() {
    return rows;
  }

  /** A numeric column; {@code NaN} marks an empty cell where empty cells were allowed. */
  public double[] numeric(String column) {
    return require(numeric.get(column), column).clone();
  }

  /** A text column; the empty string marks an empty cell where empty cells were allowed. */
  public String[] text(String column) {
    return require(text.get(column), column).clone();
  }

  /** A 0/1 column as booleans ({@code 1} is {@code true}). */
  public boolean[] binary(String column) {
    return require(binary.get(column), column).clone();
  }

  /**
   * The subject of each row, in row order.
   *
   * @throws IllegalStateException if the reader was not keyed by a subject column
   */
  public List<SubjectId> subjects() {
    return subjects.orElseThrow(() -> new IllegalStateException("the table was not read keyedBy(column)"));
  }

  /**
   * The row index (from 0) of a subject, if the table has a row for the subject.
   *
   * @throws IllegalStateException if the reader was not keyed by a subject column
   */
  public OptionalInt rowOf(SubjectId subject) {
    subjects();
    Integer row = rowOf.get(Objects.requireNonNull(subject, "subject"));
    return row == null ? OptionalInt.empty() : OptionalInt.of(row);
  }

  /**
   * A numeric column lined up with a list of subjects: entry {@code i} is the value of subject
   * {@code i}, or {@code NaN} when the table has no row for that subject (or the cell was empty).
   *
   * @throws IllegalStateException if the reader was not keyed by a subject column
   */
  public double[] numeric(String column, List<SubjectId> subjects) {
    double[] values = require(numeric.get(column), column);
    double[] out = new double[subjects.size()];
    for (int i = 0; i < out.length; i++) {
      OptionalInt row = rowOf(subjects.get(i));
      out[i] = row.isPresent() ? values[row.getAsInt()] : Double.NaN;
    }
    return out;
  }

  /**
   * A text column lined up with a list of subjects: entry {@code i} is the cell of subject
   * {@code i}, or the empty string when the table has no row for that subject.
   *
   * @throws IllegalStateException if the reader was not keyed by a subject column
   */
  public String[] text(String column, List<SubjectId> subjects) {
    String[] values = require(text.get(column), column);
    String[] out = new String[subjects.size()];
    for (int i = 0; i < out.length; i++) {
      OptionalInt row = rowOf(subjects.get(i));
      out[i] = row.isPresent() ? values[row.getAsInt()] : "";
    }
    return out;
  }

  /**
   * The subjects whose cell in a text column equals {@code value}, in row order: the people of
   * one group, for example.
   *
   * @throws IllegalStateException if the reader was not keyed by a subject column
   */
  public List<SubjectId> subjectsWhere(String column, String value) {
    String[] values = require(text.get(column), column);
    List<SubjectId> all = subjects();
    List<SubjectId> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i].equals(value)) {
        out.add(all.get(i));
      }
    }
    return List.copyOf(out);
  }

  private static <T> T require(T values, String column) {
    if (values == null) {
      throw new IllegalArgumentException("column '" + column + "' was not requested from the reader");
    }
    return values;
  }

  @Override
  public String toString() {
    List<String> columns = new ArrayList<>();
    columns.addAll(numeric.keySet());
    columns.addAll(text.keySet());
    columns.addAll(binary.keySet());
    return "Table[" + rows + " rows, columns " + Arrays.toString(columns.stream().sorted().toArray()) + "]";
  }
}
