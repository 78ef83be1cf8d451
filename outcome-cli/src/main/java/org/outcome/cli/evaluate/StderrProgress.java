package org.outcome.cli.evaluate;

import java.io.PrintWriter;
import java.util.Locale;
import org.outcome.evaluation.ProgressListener;

/**
 * Shows an evaluation's progress on standard error: a bar redrawn in place when standard error
 * is a terminal, plain lines ({@code [2/6] scoring ...}) when it is a file or a pipe.
 */
final class StderrProgress implements ProgressListener {
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean terminal;
  private int steps;
  private final long start = System.nanoTime();

  StderrProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Whether this process's standard error looks like a terminal. */
  static boolean stderrIsTerminal() {
    return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
  }

  @Override
  public void started(int count) {
    this.steps = count;
  }

  @Override
  public void step(int step, String description) {
    if (terminal) {
      int filled = steps == 0 ? WIDTH : WIDTH * (step - 1) / steps;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + step + "/" + steps + " "
          + pad(description));
    } else {
      err.println("[" + step + "/" + steps + "] " + description);
    }
    err.flush();
  }

  @Override
  public void finished() {
    String done = String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - start) / 1e9);
    if (terminal) {
      err.println("\r[" + "#".repeat(WIDTH) + "] " + steps + "/" + steps + " " + pad(done));
    } else {
      err.println(done);
    }
    err.flush();
  }

  private static String pad(String s) {
    String cut = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    return cut + " ".repeat(60 - cut.length());
  }
}
