package org.outcome.cli.io;

import org.outcome.io.Numbers;

/**
 * The one way the command writes a text cell of CSV: spreadsheet formulas neutralised, then quoted
 * as RFC 4180 asks. Numbers the command computed are written as they are, not through here.
 */
public final class CsvCells {
  private CsvCells() {}

  /**
   * A text cell, safe to open in a spreadsheet. A cell that starts with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return and is not a number gets a leading
   * {@code '} (OWASP's CSV-injection advice), so that {@code =HYPERLINK(...)} or
   * {@code +cmd|...} is shown as text, not run; a plain decimal such as {@code -1.5} (as
   * {@link Numbers} reads one) stays a number. The cell is then
   * quoted when it holds a comma, a quote or a line break, or has spaces around it.
   */
  public static String cell(String value) {
    String safe = startsFormula(value) ? "'" + value : value;
    boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0 || !safe.equals(safe.strip());
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static boolean startsFormula(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    if (first == '=' || first == '@' || first == '\t' || first == '\r') {
      return true;
    }
    return (first == '+' || first == '-') && !Numbers.isPlainDecimal(value);
  }
}
