package org.outcome.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding that hands over every character before a bad byte and fails only when the
 * reader asks for the bad byte itself. {@code InputStreamReader} fails as soon as its buffer holds
 * a bad byte, thousands of characters before the CSV parser has reached that row, so the row a
 * message named was an earlier one.
 */
final class Utf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
  private boolean endOfInput;
  private boolean flushed;
  private CoderResult pendingError;

  Utf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (pendingError != null) {
      pendingError.throwException();
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset) {
      if (flushed) {
        return -1;
      }
      CoderResult result = decoder.decode(bytes, out, endOfInput);
      if (result.isError()) {
        if (out.position() > offset) {
          pendingError = result; // the characters before the bad byte first; fail on the next read
          break;
        }
        result.throwException();
      }
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        if (decoder.flush(out).isOverflow()) {
          break;
        }
        flushed = true;
      } else {
        fill();
      }
    }
    int read = out.position() - offset;
    return read == 0 && flushed ? -1 : read;
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

}
