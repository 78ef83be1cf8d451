package org.outcome.io;

/**
 * The one parser for a number in a CSV cell: plain decimal numbers only, so that a value that
 * only Java would read as a number ({@code 0x1p1}, {@code 2f}, {@code 3d}, {@code +3},
 * {@code " 4"}, {@code NaN}, {@code Infinity}) is rejected instead of being scored.
 *
 * <p>A number is an optional {@code -}, then digits with an optional fraction ({@code 3},
 * {@code -2.5}, {@code 3.}, {@code .5}), then an optional exponent ({@code 1e3}, {@code 2.5E-2}),
 * and nothing else: no sign {@code +}, no spaces, no thousands separator, no hexadecimal, no type
 * suffix, no {@code NaN} or {@code Inf}, and only ASCII digits. These are the numbers R's
 * {@code read.csv} writes and reads back, less its {@code +}, hexadecimal and {@code Inf}/{@code NA}
 * spellings. A number too large for a {@code double} (such as {@code 1e400}) is rejected as well.
 * CSV cells are trimmed by {@link CsvRecords} before they get here.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * The value of a plain decimal number, or {@code NaN} if {@code cell} is not one or is too large
   * for a finite {@code double}.
   */
  public static double parse(String cell) {
    if (!isPlainDecimal(cell)) {
      return Double.NaN;
    }
    if (cell.length() == 1) {
      return cell.charAt(0) - '0';
    }
    double v = Double.parseDouble(cell);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /**
   * The value of a whole number written with digits only and an optional {@code -}
   * ({@code 12}, {@code -3}, {@code 007}), or {@code null} if {@code cell} is not one or does not
   * fit in a {@code long}.
   */
  public static Long parseWhole(String cell) {
    if (cell == null || cell.isEmpty()) {
      return null;
    }
    int start = cell.charAt(0) == '-' ? 1 : 0;
    if (start == cell.length() || cell.length() - start > 19) {
      return null;
    }
    for (int i = start; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(cell);
    } catch (NumberFormatException e) {
      return null; // 19 digits beyond Long.MAX_VALUE
    }
  }

  /** Whether {@code cell} is a plain decimal number as the class documentation defines it. */
  public static boolean isPlainDecimal(String cell) {
    if (cell == null) {
      return false;
    }
    int n = cell.length();
    int i = 0;
    if (i < n && cell.charAt(i) == '-') {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(cell.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && cell.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(cell.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (cell.charAt(i) == 'e' || cell.charAt(i) == 'E')) {
      i++;
      if (i < n && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(cell.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
