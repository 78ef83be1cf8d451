package org.outcome.cli.engine;

import java.util.Objects;
import java.util.Optional;
import org.outcome.io.MissingValues;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;

/**
 * What a before-and-after command reads and summarises.
 *
 * @param input the file (for an engine such as Spark, any path or URI it reads)
 * @param missing the cell texts read as missing besides the empty cell ({@code --na})
 * @param before the column of baseline scores
 * @param after the column of follow-up scores
 * @param dose the column of doses, if any
 * @param set the analysis set
 * @param ranking the signed-rank test whose ranking the summary follows
 * @param reliableChange the reliable change rule to tally, if any
 */
public record PairedRequest(String input, MissingValues missing, String before, String after, Optional<String> dose,
    AnalysisSet set, WilcoxonSignedRankTest ranking, Optional<ReliableChange> reliableChange) {
  /** Validates. */
  public PairedRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(missing, "missing");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(dose, "dose");
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(reliableChange, "reliableChange");
  }
}
