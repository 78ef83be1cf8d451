package org.outcome.cli.engine;

import java.util.Objects;
import org.outcome.io.MissingValues;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;

/**
 * What a two-group command reads and summarises.
 *
 * @param input the file (for an engine such as Spark, any path or URI it reads)
 * @param missing the cell texts read as missing besides the empty cell ({@code --na})
 * @param value the column of values
 * @param group the column of groups
 * @param choice which two groups, in which order
 * @param ranking the Mann–Whitney test whose ranking the summary follows
 */
public record CompareRequest(String input, MissingValues missing, String value, String group, GroupChoice choice,
    MannWhitneyTest ranking) {
  /** Validates. */
  public CompareRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(ranking, "ranking");
  }
}
