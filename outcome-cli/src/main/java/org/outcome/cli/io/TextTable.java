package org.outcome.cli.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.outcome.api.result.ResultText;

/**
 * An aligned plain-text table: text columns left-aligned, numbers right-aligned.
 *
 * <pre>{@code
 * TextTable t = new TextTable("group", "n", "mean");
 * t.row("peer", 40, 3.12);
 * t.print(out);
 * }</pre>
 */
public final class TextTable {
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] numeric;

  /** A table with these column headings. */
  public TextTable(String... header) {
    this.header = header.clone();
    this.numeric = new boolean[header.length];
  }

  /** Adds a row; numbers are formatted with {@link #number(double)}. */
  public TextTable row(Object... cells) {
    if (cells.length != header.length) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.length + " columns");
    }
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      Object c = cells[i];
      if (c instanceof Double || c instanceof Float) {
        text[i] = number(((Number) c).doubleValue());
        numeric[i] = true;
      } else if (c instanceof Number) {
        text[i] = c.toString();
        numeric[i] = true;
      } else {
        text[i] = String.valueOf(c);
      }
    }
    rows.add(text);
    return this;
  }

  /** Prints the table with a rule under the header. */
  public void print(PrintWriter out) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    printRow(out, header, width);
    String[] rule = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      char[] dashes = new char[width[i]];
      Arrays.fill(dashes, '-');
      rule[i] = new String(dashes);
    }
    printRow(out, rule, width);
    for (String[] r : rows) {
      printRow(out, r, width);
    }
  }

  private void printRow(PrintWriter out, String[] cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(width[i] - cells[i].length());
      line.append(numeric[i] ? pad + cells[i] : cells[i] + pad);
    }
    out.println(line.toString().stripTrailing());
  }

  /**
   * Formats a number for a published table: four significant digits as R's
   * {@code format(x, digits = 4)}, whole numbers whole, {@code NA} for NaN, {@code Inf} for
   * infinities ({@link ResultText#number(double)}).
   */
  public static String number(double value) {
    return ResultText.number(value);
  }

  /** Formats a p-value as published: {@code < 0.0001} below that, else four significant digits. */
  public static String pValue(double p) {
    return p < 1e-4 ? "< 0.0001" : number(p);
  }
}
