package org.outcome.spark.submit;

import org.outcome.cli.Main;

/**
 * The entry point of {@code spark-submit}: {@code spark-submit --class org.outcome.spark.submit.Submit
 * outcome-spark-submit.jar <command> <options>} runs {@code outcome spark <command> <options>} on the
 * cluster that {@code spark-submit} names (its {@code --master} and settings), printing what the
 * command prints.
 */
public final class Submit {
  private Submit() {}

  /** Runs {@code outcome spark} with these arguments and exits with its status. */
  public static void main(String[] args) {
    String[] withSpark = new String[args.length + 1];
    withSpark[0] = "spark";
    System.arraycopy(args, 0, withSpark, 1, args.length);
    Main.main(withSpark);
  }
}
