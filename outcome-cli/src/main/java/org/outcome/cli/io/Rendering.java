package org.outcome.cli.io;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A command's result, ready to print in each format. JSON comes from a record (or a Jackson tree)
 * whose field names follow the R reference fixtures.
 */
public interface Rendering {
  /** The JSON document: a record, a map or a Jackson tree. */
  Object json();

  /** Writes the result as the tables an evaluator would publish. */
  void text(PrintWriter out);

  /** Writes the result as CSV, where the command offers it. */
  default Optional<Consumer<PrintWriter>> csv() {
    return Optional.empty();
  }

  /** A rendering of a JSON document and the function that writes it as text. */
  static Rendering of(Object json, Consumer<PrintWriter> text) {
    return of(json, text, Optional.empty());
  }

  /** A rendering of a JSON document and the functions that write it as text and as CSV. */
  static Rendering of(Object json, Consumer<PrintWriter> text, Consumer<PrintWriter> csv) {
    return of(json, text, Optional.of(csv));
  }

  private static Rendering of(Object json, Consumer<PrintWriter> text, Optional<Consumer<PrintWriter>> csv) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(text, "text");
    return new Rendering() {
      @Override
      public Object json() {
        return json;
      }

      @Override
      public void text(PrintWriter out) {
        text.accept(out);
      }

      @Override
      public Optional<Consumer<PrintWriter>> csv() {
        return csv;
      }
    };
  }
}
