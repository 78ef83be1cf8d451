package org.outcome.cli.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.io.MissingValues;

/**
 * The columns a survival command reads.
 *
 * @param input the file (for an engine such as Spark, any path or URI it reads)
 * @param missing the cell texts read as missing besides the empty cell ({@code --na})
 * @param time the column of times
 * @param event the column of event indicators
 * @param covariates numeric covariate columns, in model order (empty for curves and tests)
 * @param group the group column, if any
 * @param groupLevels the order of the group levels ({@code --levels}), if given
 * @param strata the strata column, if any
 * @param cluster the cluster column, if any
 */
public record SurvivalRequest(String input, MissingValues missing, String time, String event, List<String> covariates,
    Optional<String> group, Optional<List<String>> groupLevels, Optional<String> strata, Optional<String> cluster) {
  /** Validates and copies. */
  public SurvivalRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    covariates = List.copyOf(covariates);
    Objects.requireNonNull(group, "group");
    groupLevels = groupLevels.map(List::copyOf);
    Objects.requireNonNull(strata, "strata");
    Objects.requireNonNull(cluster, "cluster");
  }
}
