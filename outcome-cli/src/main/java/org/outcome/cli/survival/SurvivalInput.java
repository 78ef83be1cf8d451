package org.outcome.cli.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.instruments.io.Table;
import org.outcome.instruments.io.TableReader;
import picocli.CommandLine.Option;

/**
 * The options every survival command shares ({@code --input}, {@code --time}, {@code --event})
 * and the reading of a {@link SurvivalSample} from them: times must be positive numbers and
 * events 0 or 1, every bad cell named by row and column; group and strata cells must not be empty.
 */
public final class SurvivalInput {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  Path input;

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of times (positive numbers).")
  String time;

  @Option(names = "--event", required = true, paramLabel = "COL",
      description = "Column of event indicators: 1 event, 0 censored.")
  String event;

  /** A sample read from the file, with the names of its group and strata columns. */
  record Read(SurvivalSample sample, String groupColumn, String strataColumn) {}

  /**
   * Reads the sample.
   *
   * @param group the group column, or {@code null}
   * @param strata the strata column, or {@code null}
   * @throws InvalidInputException naming every bad cell
   */
  Read read(String group, String strata) {
    TableReader reader = TableReader.of(input).numeric(time).binary(event);
    if (group != null) {
      reader = reader.text(group);
    }
    if (strata != null) {
      reader = reader.text(strata);
    }
    Table table = reader.read();
    double[] t = table.numeric(time);
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < t.length && violations.size() < 200; i++) {
      if (!(t[i] > 0)) {
        violations.add(Violation.atCell(i + 1L, time, "time " + t[i] + " is not positive"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid times in " + input.getFileName(), violations);
    }
    SurvivalSample.Builder b = SurvivalSample.builder(t, table.binary(event));
    if (group != null) {
      b.group(Factor.of(table.text(group)));
    }
    if (strata != null) {
      b.strata(Factor.of(table.text(strata)));
    }
    return new Read(b.build(), group, strata);
  }
}
