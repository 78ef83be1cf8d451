package org.outcome.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The records of one byte range of a CSV file, split into cells without decoding them: the
 * tokenizer behind {@link TableReader}, which reads ranges of a file in parallel.
 *
 * <p>The grammar is {@link CsvRecords}'s, so that both readers see the same cells (a property test
 * holds them to it): records end at {@code \n}, {@code \r\n} or {@code \r}; a line of spaces only
 * is skipped; spaces and tabs around a cell are trimmed; a cell that starts with {@code "} is
 * quoted, may hold separators and line breaks, writes a quote as {@code ""}, and may be followed by
 * spaces and tabs only; a quote inside an unquoted cell is an ordinary character. Every byte is
 * checked to be UTF-8.
 *
 * <p>A record is parsed by {@link #next}, which leaves the cells' positions in {@link #start},
 * {@link #end} and {@link #escaped}; {@link #position()} is then the first byte after the record.
 */
final class ByteRecords {
  /** What went wrong with a record's bytes, by kind, never quoting them. */
  enum Problem {
    NONE(""),
    QUOTING("malformed CSV (a quoted cell is not closed, or text follows its closing quote)"),
    ENCODING("the file is not valid UTF-8 text");

    final String message;

    Problem(String message) {
      this.message = message;
    }
  }

  private static final int READ = 1 << 20;

  /** Where the bytes come from: a file read at a position, or a stream read in order. */
  @FunctionalInterface
  interface Source {
    /** Reads into {@code target} the bytes from {@code position} on; -1 at the end. */
    int read(ByteBuffer target, long position) throws IOException;
  }

  private final Source source;
  private final long size;
  private boolean ended;
  private byte[] buf;
  private long bufStart;
  private int bufLen;
  private int pos;

  int cells;
  int[] start = new int[16];
  int[] end = new int[16];
  boolean[] escaped = new boolean[16];
  Problem problem = Problem.NONE;

  /** Records of a file from {@code from}, which must be the first byte of a record (or of a skipped line). */
  ByteRecords(FileChannel channel, long size, long from) {
    this(channel::read, size, from);
  }

  /** Records of a stream, from its first byte. */
  ByteRecords(InputStream in) {
    this((target, position) -> {
      int n = in.read(target.array(), target.arrayOffset() + target.position(), target.remaining());
      if (n > 0) {
        target.position(target.position() + n);
      }
      return n;
    }, Long.MAX_VALUE, 0);
  }

  private ByteRecords(Source source, long size, long from) {
    this.source = source;
    this.size = size;
    this.bufStart = from;
    this.buf = new byte[(int) Math.min(READ, Math.max(64, size - from))];
    fill();
  }

  /** The file position of the next byte to parse. */
  long position() {
    return bufStart + pos;
  }

  /** The bytes the cell positions point into. */
  byte[] bytes() {
    return buf;
  }

  /** Skips a UTF-8 byte-order mark at the current position. */
  void skipByteOrderMark() {
    if (available(3) >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
  }

  /**
   * Parses the next record that starts before {@code limit}, skipping lines of spaces.
   *
   * @return false at {@code limit} or the end of the file, or when the record is malformed
   *     ({@link #problem} then says how)
   */
  boolean next(long limit) {
    while (true) {
      compact();
      if (position() >= limit || !has(pos)) {
        return false;
      }
      int p = pos;
      while (has(p) && buf[p] == ' ') {
        p++;
      }
      if (!has(p)) {
        pos = p; // spaces to the end of the file
        return false;
      }
      byte b = buf[p];
      if (b != '\n' && b != '\r') {
        return record();
      }
      pos = p + 1;
      if (b == '\r' && has(pos) && buf[pos] == '\n') {
        pos++;
      }
    }
  }

  /** Parses one record at {@link #pos}; the caller has checked that it is not a blank line. */
  private boolean record() {
    cells = 0;
    while (true) {
      int p = pos;
      // leading spaces and tabs
      while (true) {
        if (!has(p)) {
          break;
        }
        byte b = buf[p];
        if (b != ' ' && b != '\t') {
          break;
        }
        p++;
      }
      int cellStart;
      int cellEnd;
      boolean esc = false;
      if (p < bufLen && buf[p] == '"') {
        p++;
        cellStart = p;
        while (true) {
          if (!has(p)) {
            problem = Problem.QUOTING;
            return false;
          }
          byte b = buf[p];
          if (b == '"') {
            if (has(p + 1)) {
              if (buf[p + 1] == '"') {
                esc = true;
                p += 2;
                continue;
              }
            }
            break;
          }
          if (b < 0) {
            int q = utf8(p);
            if (q < 0) {
              return false;
            }
            p = q;
          } else {
            p++;
          }
        }
        cellEnd = p;
        p++; // the closing quote
        while (has(p) && (buf[p] == ' ' || buf[p] == '\t')) {
          p++;
        }
        if (p < bufLen && buf[p] != ',' && buf[p] != '\n' && buf[p] != '\r') {
          problem = Problem.QUOTING;
          return false;
        }
      } else {
        cellStart = p;
        int lastText = p;
        byte[] b = buf;
        int limit = bufLen;
        while (true) {
          if (p == limit) {
            if (!has(p)) {
              break;
            }
            b = buf; // has() may have grown the buffer
            limit = bufLen;
          }
          byte c = b[p];
          if (c == ',' || c == '\n' || c == '\r') {
            break;
          }
          if (c < 0) {
            int q = utf8(p);
            if (q < 0) {
              return false;
            }
            p = q;
            lastText = p;
            b = buf;
            limit = bufLen;
          } else {
            p++;
            if (c != ' ' && c != '\t') {
              lastText = p;
            }
          }
        }
        cellEnd = lastText;
      }
      add(cellStart, cellEnd, esc);
      if (p >= bufLen) {
        pos = p;
        return true;
      }
      byte b = buf[p];
      pos = p + 1;
      if (b == ',') {
        continue;
      }
      if (b == '\r' && has(pos) && buf[pos] == '\n') {
        pos++;
      }
      return true;
    }
  }

  private void add(int s, int e, boolean esc) {
    if (cells == start.length) {
      start = Arrays.copyOf(start, cells * 2);
      end = Arrays.copyOf(end, cells * 2);
      escaped = Arrays.copyOf(escaped, cells * 2);
    }
    start[cells] = s;
    end[cells] = e;
    escaped[cells++] = esc;
  }

  /**
   * Checks the UTF-8 sequence at {@code p} (whose first byte is not ASCII) and returns the index
   * after it, or -1 with {@link #problem} set.
   */
  private int utf8(int p) {
    int b = buf[p] & 0xFF;
    int length;
    int min;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      min = 0x10000;
    } else {
      problem = Problem.ENCODING;
      return -1;
    }
    if (!has(p + length - 1)) {
      problem = Problem.ENCODING;
      return -1;
    }
    int cp = b & (0xFF >> (length + 1));
    for (int i = 1; i < length; i++) {
      int c = buf[p + i] & 0xFF;
      if ((c & 0xC0) != 0x80) {
        problem = Problem.ENCODING;
        return -1;
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      problem = Problem.ENCODING;
      return -1;
    }
    return p + length;
  }

  /** How many bytes from {@link #pos} are available, reading more when fewer than {@code n}. */
  private int available(int n) {
    has(pos + n - 1);
    return bufLen - pos;
  }

  /** Whether index {@code p} is in the buffer, reading more of the file (never moving bytes) if needed. */
  private boolean has(int p) {
    while (p >= bufLen) {
      if (ended) {
        return false;
      }
      if (bufLen == buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, buf.length + READ));
      }
      fill();
    }
    return true;
  }

  /** Between records: drops the bytes already parsed once they fill half of the buffer. */
  private void compact() {
    if (pos > buf.length / 2 && !ended) {
      System.arraycopy(buf, pos, buf, 0, bufLen - pos);
      bufStart += pos;
      bufLen -= pos;
      pos = 0;
    }
  }

  private void fill() {
    try {
      ByteBuffer target = ByteBuffer.wrap(buf, bufLen, buf.length - bufLen);
      long at = bufStart + bufLen;
      while (target.hasRemaining()) {
        if (at >= size) {
          ended = true;
          break;
        }
        int n = source.read(target, at);
        if (n < 0) {
          ended = true;
          break;
        }
        at += n;
      }
      bufLen = target.position();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
