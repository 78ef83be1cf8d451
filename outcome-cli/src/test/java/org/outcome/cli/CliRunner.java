package org.outcome.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command in-process and captures its exit code, standard output and standard error. */
public record CliRunner(int exitCode, String out, String err) {
  /** Runs {@code outcome args...}. */
  public static CliRunner run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRunner(code, out.toString(), err.toString());
  }
}
