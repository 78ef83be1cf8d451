package org.outcome.fhir.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a UTF-8 stream as slices of one reused buffer, so that JSON is parsed from bytes
 * with no String per line. A line ends at '\n' (a '\r' before it is dropped); '\n' never occurs
 * inside a multi-byte UTF-8 character. Not thread-safe.
 */
public final class ByteLines {
  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int filled;
  private int next;
  private boolean eof;
  private int start;
  private int end;
  private long number;

  public ByteLines(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    while (true) {
      for (int i = next; i < filled; i++) {
        if (buf[i] == '\n') {
          take(i, i + 1);
          return true;
        }
      }
      if (eof) {
        if (next < filled) {
          take(filled, filled);
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void take(int lineEnd, int after) {
    start = next;
    end = lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    next = after;
    number++;
  }

  private void fill() throws IOException {
    if (next > 0) {
      System.arraycopy(buf, next, buf, 0, filled - next);
      filled -= next;
      next = 0;
    }
    if (filled == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int read = in.read(buf, filled, buf.length - filled);
    if (read < 0) {
      eof = true;
    } else {
      filled += read;
    }
  }

  /** The buffer holding the current line (valid until the next call of {@link #next}). */
  public byte[] buffer() {
    return buf;
  }

  /** Where the current line starts in {@link #buffer()}. */
  public int start() {
    return start;
  }

  /** The current line's length in bytes. */
  public int length() {
    return end - start;
  }

  /** The current line's number, from 1. */
  public long number() {
    return number;
  }

  /** Whether the current line holds only spaces, tabs or carriage returns. */
  public boolean blank() {
    for (int i = start; i < end; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** A copy of the current line. */
  public byte[] line() {
    return Arrays.copyOfRange(buf, start, end);
  }

  /** The current line and everything after it, to the end of the stream. */
  public byte[] rest() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(buf, start, filled - start);
    in.transferTo(all);
    next = filled;
    eof = true;
    return all.toByteArray();
  }
}
