package org.outcome.spark;

import java.io.Reader;
import java.util.Iterator;
import org.apache.spark.sql.Row;

/**
 * A table's rows as CSV text, produced as they are read: the header, then one line per row with
 * every cell quoted (so that no row is a blank line the CSV reader would skip, and a comma or quote
 * in a cell stays in it). Cells are the rows' text cells, trimmed, a null empty.
 */
final class RowsAsCsv extends Reader {
  private final Iterator<Row> rows;
  private final int width;
  private final StringBuilder pending = new StringBuilder();
  private int at;

  RowsAsCsv(String[] header, Iterator<Row> rows) {
    this.rows = rows;
    this.width = header.length;
    for (int i = 0; i < header.length; i++) {
      quoted(i, header[i]);
    }
    pending.append('\n');
  }

  private void quoted(int i, String cell) {
    if (i > 0) {
      pending.append(',');
    }
    pending.append('"').append(cell.replace("\"", "\"\"")).append('"');
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    while (at == pending.length()) {
      if (!rows.hasNext()) {
        return -1;
      }
      pending.setLength(0);
      at = 0;
      Row r = rows.next();
      for (int i = 0; i < width; i++) {
        quoted(i, SparkCells.text(r, i));
      }
      pending.append('\n');
    }
    int n = Math.min(length, pending.length() - at);
    pending.getChars(at, at + n, buffer, offset);
    at += n;
    return n;
  }

  @Override
  public void close() {
    // the rows come from Spark's local iterator, which needs no closing
  }
}
