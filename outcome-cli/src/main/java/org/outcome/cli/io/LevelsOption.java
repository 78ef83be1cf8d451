package org.outcome.cli.io;

import java.util.List;
import java.util.Optional;
import org.outcome.api.sample.Factor;
import picocli.CommandLine.Option;

/**
 * {@code --levels}: the order of a command's group levels. Without it, levels are in the
 * library's fixed order ({@link Factor#of}): numerically when every level is a number, else by
 * Unicode code point, so {@code B} comes before {@code a}. That is R's order under
 * {@code LC_ALL=C}; R's default order depends on the locale, so a user who wants R's order in
 * theirs, or any other, names it. Where a comparison has a direction the first level is the
 * reference, unless the command's {@code --reference} names another.
 */
public final class LevelsOption {
  /** The option's description, shared with commands that declare it themselves. */
  public static final String DESCRIPTION = "Order of the group levels, comma-separated, every level once"
      + " (default: numbers numerically, else by code point, as R under LC_ALL=C).";

  @Option(names = "--levels", split = ",", paramLabel = "LEVEL", description = DESCRIPTION)
  List<String> levels;

  /** The order given, if any. */
  public Optional<List<String>> order() {
    return Optional.ofNullable(levels).map(List::copyOf);
  }

  /**
   * A factor in the given order.
   *
   * @throws org.outcome.api.InvalidInputException naming a level the factor lacks, one listed
   *     twice or one left out
   */
  public static Factor ordered(Factor factor, Optional<List<String>> order) {
    return order.map(factor::withLevelOrder).orElse(factor);
  }
}
