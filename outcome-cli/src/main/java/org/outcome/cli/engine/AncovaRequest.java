package org.outcome.cli.engine;

import java.util.Objects;
import org.outcome.io.MissingValues;

/**
 * What an analysis of covariance reads and summarises.
 *
 * @param input the file (for an engine such as Spark, any path or URI it reads)
 * @param missing the cell texts read as missing besides the empty cell ({@code --na})
 * @param pre the column of baseline scores
 * @param post the column of follow-up scores
 * @param group the column of groups
 */
public record AncovaRequest(String input, MissingValues missing, String pre, String post, String group) {
  /** Validates. */
  public AncovaRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(pre, "pre");
    Objects.requireNonNull(post, "post");
    Objects.requireNonNull(group, "group");
  }
}
