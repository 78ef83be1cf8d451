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
 * never quoted in a message, not even when it looks like a date or a word: a date of birth or a
 * name that lands in the wrong column (a shifted row) must not reach a log or a report. Messages
 * say what is wrong by shape (its length, that it looks like a date in another form).
 */
public final class Cells {
  private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{1,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}");

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
      reasons.add(Violation.atCell(row, column, DATE_LIKE.matcher(cell).matches()
          ? "a date in another form; write YYYY-MM-DD"
          : cell.length() + (cell.length() == 1 ? " character" : " characters") + ", not a date in the form YYYY-MM-DD"));
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
      reasons.add(Violation.atCell(row, column, "not a real calendar date (the month or the day is out of range)"));
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
      reasons.add(Violation.atCell(row, column, "not a setting; write psychiatric or other"));
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
