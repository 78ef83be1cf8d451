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

  /** Powers of ten that a {@code double} holds exactly. */
  private static final double[] EXACT_POWERS = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
      1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * {@link #parse(String)} of the ASCII bytes {@code bytes[from, to)}, without making a string for
   * the common case: at most 15 digits and a power of ten up to 22, where one multiplication or
   * division of two exact doubles gives the correctly rounded value (Clinger's fast path, as
   * {@code Double.parseDouble} takes it). Every other number goes through {@link #parse(String)}.
   */
  static double parse(byte[] bytes, int from, int to) {
    int i = from;
    boolean negative = i < to && bytes[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = 0;
    while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
      mantissa = mantissa * 10 + (bytes[i++] - '0');
      digits++;
    }
    if (i < to && bytes[i] == '.') {
      i++;
      while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
        mantissa = mantissa * 10 + (bytes[i++] - '0');
        digits++;
        fraction++;
      }
    }
    if (i == to && digits > 0 && digits <= 15 && fraction <= 22) {
      double v = fraction == 0 ? mantissa : mantissa / EXACT_POWERS[fraction];
      return negative ? -v : v;
    }
    return parse(new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1));
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
