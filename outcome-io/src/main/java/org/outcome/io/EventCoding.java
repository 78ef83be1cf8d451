package org.outcome.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * How a column of event indicators is coded, decided from the values it holds as R's
 * {@code Surv} decides (survival 3.5, {@code Surv.R}, right-censored data):
 *
 * <ul>
 *   <li>{@link #ZERO_ONE}: only 0 and 1 (1 an event, 0 censored);
 *   <li>{@link #ONE_TWO}: only 1 and 2, with at least one 2 (2 an event, 1 censored), as in R's
 *       {@code lung} data; R's rule is "the largest value is 2: subtract 1";
 *   <li>{@link #LOGICAL}: only {@code TRUE} and {@code FALSE} (TRUE an event), spelled as R's
 *       {@code read.csv} reads a logical: {@code TRUE}, {@code True}, {@code true}, {@code T} and
 *       the same for false.
 * </ul>
 *
 * A number is read by {@link Numbers} ({@code 1.0} is 1). The coding is decided from every present
 * cell of the column, before rows are left out for a missing value elsewhere, as {@code Surv}
 * sees the whole column before {@code na.omit}. Where R would turn a value into {@code NA} with a
 * warning (a 0 beside a 2, a 3, a word) and drop its row, this refuses the column instead, in one
 * violation that counts the rows and names the first few: a wrong code is a data problem to fix,
 * not a row to lose quietly.
 */
public enum EventCoding {
  /** 1 an event, 0 censored. */
  ZERO_ONE("0/1", "1 event, 0 censored"),
  /** 2 an event, 1 censored. */
  ONE_TWO("1/2", "2 event, 1 censored"),
  /** TRUE an event, FALSE censored. */
  LOGICAL("TRUE/FALSE", "TRUE event, FALSE censored");

  /** Row numbers shown in a refusal. */
  private static final int SHOWN = RowProblems.SHOWN;

  private final String label;
  private final String meaning;

  EventCoding(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  /** A value an event column may hold. */
  public enum Code {
    /** The number 0. */
    ZERO,
    /** The number 1. */
    ONE,
    /** The number 2. */
    TWO,
    /** A logical false. */
    FALSE,
    /** A logical true. */
    TRUE;

    /** The spellings of a logical code, as R's {@code read.csv} reads a logical; none for a number. */
    public List<String> spellings() {
      return switch (this) {
        case TRUE -> List.of("TRUE", "True", "true", "T");
        case FALSE -> List.of("FALSE", "False", "false", "F");
        default -> List.of();
      };
    }

    /** The value of a numeric code: 0, 1 or 2; {@code NaN} for a logical one. */
    public double value() {
      return this == ZERO ? 0 : this == ONE ? 1 : this == TWO ? 2 : Double.NaN;
    }

    /** The code a (trimmed, present) cell holds, or empty when it holds none. */
    public static Optional<Code> of(String cell) {
      if (TRUE.spellings().contains(cell)) {
        return Optional.of(TRUE);
      }
      if (FALSE.spellings().contains(cell)) {
        return Optional.of(FALSE);
      }
      double v = Numbers.parse(cell);
      for (Code c : List.of(ZERO, ONE, TWO)) {
        if (v == c.value()) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    /** How the code is written in messages. */
    String shown() {
      return switch (this) {
        case ZERO -> "0";
        case ONE -> "1";
        case TWO -> "2";
        case FALSE -> "FALSE";
        case TRUE -> "TRUE";
      };
    }
  }

  /**
   * The coding of a column holding these codes, or empty when they mix codings (0 with 2, a
   * number with a logical). A column with no present value, or only 1s, is {@link #ZERO_ONE}; only
   * 2s is {@link #ONE_TWO} (R: every row an event).
   */
  public static Optional<EventCoding> of(Set<Code> present) {
    if (EnumSet.of(Code.ZERO, Code.ONE).containsAll(present)) {
      return Optional.of(ZERO_ONE);
    }
    if (EnumSet.of(Code.ONE, Code.TWO).containsAll(present)) {
      return Optional.of(ONE_TWO);
    }
    if (EnumSet.of(Code.FALSE, Code.TRUE).containsAll(present)) {
      return Optional.of(LOGICAL);
    }
    return Optional.empty();
  }

  /**
   * The coding of a column from how many present cells hold each code, for data without row
   * numbers (a Spark table).
   *
   * @throws InvalidInputException naming the column and each code with its number of rows when the
   *     codes mix codings
   */
  public static EventCoding of(String column, Map<Code, Long> counts) {
    Map<Code, Long> present = new EnumMap<>(Code.class);
    counts.forEach((code, n) -> {
      if (n > 0) {
        present.put(code, n);
      }
    });
    return of(present.keySet()).orElseThrow(() -> mixed(column, present, null));
  }

  /** The code that is an event in this coding: 1, 2 or TRUE. */
  public Code event() {
    return switch (this) {
      case ZERO_ONE -> Code.ONE;
      case ONE_TWO -> Code.TWO;
      case LOGICAL -> Code.TRUE;
    };
  }

  /** Whether a code of this coding is an event; a code the coding does not use is not. */
  public boolean isEvent(Code code) {
    return code == event();
  }

  /** The coding's short name: {@code 0/1}, {@code 1/2} or {@code TRUE/FALSE}. */
  public String label() {
    return label;
  }

  /** The rule in words, for a note to the user: {@code "1/2 (2 event, 1 censored)"}. */
  public String rule() {
    return label + " (" + meaning + ")";
  }

  /**
   * An event column read: its coding and each row's flag.
   *
   * @param coding the coding decided from the column
   * @param events per row, whether it is an event ({@code false} where the cell was missing)
   */
  public record Decoded(EventCoding coding, boolean[] events) {}

  /**
   * Decodes a text column of event indicators.
   *
   * @param column the column's name, for messages
   * @param cells the cells of every row (from 1), the empty string where the value is missing
   * @throws InvalidInputException with one violation naming the column: the rows holding no code
   *     (how many, the first few row numbers), or the codes that mix codings (each with its
   *     number of rows and first rows); never a cell's content
   */
  public static Decoded decode(String column, String[] cells) {
    Code[] codes = new Code[cells.length];
    long[] count = new long[Code.values().length];
    List<List<Long>> first = new ArrayList<>();
    for (int c = 0; c < count.length; c++) {
      first.add(new ArrayList<>(SHOWN));
    }
    List<Long> invalid = new ArrayList<>();
    long invalidCount = 0;
    // a text column holds few distinct values: each is parsed once
    Map<String, Optional<Code>> parsed = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].isEmpty()) {
        continue;
      }
      Optional<Code> code = parsed.computeIfAbsent(cells[i], Code::of);
      if (code.isEmpty()) {
        invalidCount++;
        if (invalid.size() < SHOWN) {
          invalid.add(i + 1L);
        }
        continue;
      }
      Code c = code.get();
      codes[i] = c;
      if (count[c.ordinal()]++ < SHOWN) {
        first.get(c.ordinal()).add(i + 1L);
      }
    }
    Map<Code, Long> counts = new EnumMap<>(Code.class);
    Map<Code, List<Long>> rowsOf = new EnumMap<>(Code.class);
    for (Code c : Code.values()) {
      if (count[c.ordinal()] > 0) {
        counts.put(c, count[c.ordinal()]);
        rowsOf.put(c, first.get(c.ordinal()));
      }
    }
    if (invalidCount > 0) {
      throw InvalidInputException.of("invalid event indicators", Violation.at("column " + column,
          rows(invalidCount) + (invalidCount == 1 ? " has" : " have") + " a value that is not an event code"
              + " (0/1, 1/2 or TRUE/FALSE, as R's Surv reads): rows " + RowProblems.rowList(invalid, invalidCount)));
    }
    Optional<EventCoding> coding = of(counts.keySet());
    if (coding.isEmpty()) {
      throw mixed(column, counts, rowsOf);
    }
    boolean[] events = new boolean[cells.length];
    for (int i = 0; i < cells.length; i++) {
      events[i] = codes[i] != null && coding.get().isEvent(codes[i]);
    }
    return new Decoded(coding.get(), events);
  }

  /** The refusal of codes that mix codings, with each code's first rows when they are known. */
  private static InvalidInputException mixed(String column, Map<Code, Long> counts, Map<Code, List<Long>> rowsOf) {
    String mix = counts.keySet().stream()
        .map(c -> c.shown() + " on " + rows(counts.get(c))
            + (rowsOf == null ? "" : " (" + RowProblems.rowList(rowsOf.get(c), counts.get(c)) + ")"))
        .collect(Collectors.joining(", "));
    return InvalidInputException.of("invalid event indicators", Violation.at("column " + column,
        "the codes mix codings: " + mix + "; use one of 0/1, 1/2 or TRUE/FALSE"));
  }

  private static String rows(long n) {
    return n == 1 ? "1 row" : n + " rows";
  }

}
