package org.outcome.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected failure (a bug, an I/O error); the message says what. */
  public static final int FAILURE = 1;
  /** A usage error: unknown option, missing argument, bad option value. */
  public static final int USAGE = 2;
  /** Invalid input: the message names the row and column, the item or the value at fault. */
  public static final int INVALID_INPUT = 3;

  private ExitCodes() {}
}
