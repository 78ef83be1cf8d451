package org.outcome.cli.io;

import java.io.PrintWriter;
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
}
