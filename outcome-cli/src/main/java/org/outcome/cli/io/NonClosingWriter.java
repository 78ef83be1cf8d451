package org.outcome.cli.io;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer that passes everything to another and, when closed, only flushes it: for handing a
 * shared destination (standard output, a report being written) to code that closes what it is
 * given, such as Jackson's generators.
 */
public final class NonClosingWriter extends Writer {
  private final Writer delegate;

  /** A writer into {@code delegate} that leaves it open. */
  public NonClosingWriter(Writer delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    delegate.write(buffer, offset, length);
  }

  @Override
  public void flush() throws IOException {
    delegate.flush();
  }

  /** Flushes the destination and leaves it open. */
  @Override
  public void close() throws IOException {
    delegate.flush();
  }
}
