package org.outcome.tenure.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.outcome.api.Violation;
import org.outcome.tenure.Setting;

/**
 * Reads the cells of the tenure files, adding a violation for each bad cell. A cell's value is
 * quoted in a message only when it has the shape of a date or a word, so that an identifier
 * that lands in the wrong column (a shifted row) is never echoed.
 */
public final class Cells {
  private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{1,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}");
  private static final Pattern WORD_LIKE = Pattern.compile("[A-Za-z][A-Za-z _-]{0,29}");

  private Cells() {}

  /**
   * A date written {@code YYYY-MM-DD} (ISO 8601 calendar date), or {@code null} after adding a
   * violation: empty when required, malformed, or impossible (2023-02-30).
   */
  public static LocalDate date(long row, String column, String cell, String what, List<Violation> reasons) {
    if (cell.isEmpty()) {
      reasons.add(Violation.atCell(row, column, "empty cell; " + what + " is required"));
      return null;
    }
    if (!isIsoShape(cell)) {
      reasons.add(Violation.atCell(row, column, (DATE_LIKE.matcher(cell).matches() ? "'" + cell + "' is" : "the value is")
          + " not a date in the form YYYY-MM-DD"));
      return null;
    }
    int year = digits(cell, 0, 4);
    int month = digits(cell, 5, 7);
    int day = digits(cell, 8, 10);
    try {
      if (year < 1) {
        throw new DateTimeException("year 0");
      }
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      reasons.add(Violation.atCell(row, column, "'" + cell + "' is not a real calendar date"));
      return null;
    }
  }

  /** An optional date: empty for an empty cell (or a missing column), and for a bad cell after adding a violation. */
  public static Optional<LocalDate> optionalDate(long row, String column, Optional<String> cell, String what,
      List<Violation> reasons) {
    return cell.map(c -> date(row, column, c, what, reasons));
  }

  /** A setting, or {@code null} after adding a violation. */
  public static Setting setting(long row, String column, String cell, List<Violation> reasons) {
    if (cell.isEmpty()) {
      reasons.add(Violation.atCell(row, column, "empty cell; write psychiatric or other"
          + " (or leave out the setting column to count every episode as psychiatric)"));
      return null;
    }
    Optional<Setting> setting = Setting.parse(cell);
    if (setting.isEmpty()) {
      reasons.add(Violation.atCell(row, column, (WORD_LIKE.matcher(cell).matches() ? "'" + cell + "' is" : "the value is")
          + " not a setting; write psychiatric or other"));
      return null;
    }
    return setting.get();
  }

  private static boolean isIsoShape(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
