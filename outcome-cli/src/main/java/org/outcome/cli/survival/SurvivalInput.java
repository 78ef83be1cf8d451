package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.cli.engine.Engine;
import org.outcome.cli.engine.Engines;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.engine.SurvivalRequest;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.cli.io.EventCodingNote;
import org.outcome.cli.io.LevelsOption;
import org.outcome.cli.io.NaOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.Rendering;
import org.outcome.io.EventCoding;
import org.outcome.io.MissingValues;
import org.outcome.io.RowProblems;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.io.TableReader.Empty;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every survival command shares ({@code --input}, {@code --time}, {@code --event})
 * and the reading of a {@link SurvivalSample} from them.
 *
 * <p>As R's default {@code na.action = na.omit}, a row with an empty cell in any column the
 * analysis uses (time, event, group, strata, cluster, a covariate) is left out of the analysis;
 * the rows left out are listed on standard error and, in JSON, under {@code omittedRows}, so
 * that the time-to-readmission file of {@code outcome tenure} (where people excluded from time
 * to readmission have no time) can be analysed directly. {@code NA}, as R writes a missing value,
 * is missing too ({@code --na} names other markers). The event column may be coded 0/1, 1/2 or
 * TRUE/FALSE, decided as R's {@code Surv} decides ({@link EventCoding}); the coding applied is
 * stated in the JSON ({@code eventCoding}) and, when it is not 0/1, on standard error. A cell that
 * is present but wrong (a negative time, an event that is no code) is refused in one line per
 * column and problem that counts the rows and names the first few.
 */
public final class SurvivalInput {
  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  String input; // text: on an engine it may be a URI, which a Path would mangle

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of times (0 or more).")
  String time;

  @Option(names = "--event", required = true, paramLabel = "COL",
      description = "Column of event indicators: 0/1, 1/2 or TRUE/FALSE (1, 2, TRUE an event), as R's Surv.")
  String event;

  @Mixin NaOption na;
  @Mixin LevelsOption levels;

  /**
   * A sample read from a file.
   *
   * @param sample the rows with every value the analysis uses
   * @param groupColumn the group column's name, or {@code null}
   * @param strataColumn the strata column's name, or {@code null}
   * @param omittedRows the data rows (from 1) left out for an empty cell
   * @param eventCoding how the event column was coded
   */
  record Read(SurvivalSample sample, String groupColumn, String strataColumn, List<Long> omittedRows,
      EventCoding eventCoding) {}

  /**
   * The rows of a command's analysis: from the engine of this run ({@code outcome spark ...}) when
   * there is one, else read here ({@link #read(Path, SurvivalRequest)}).
   */
  static SurvivalData data(String input, MissingValues missing, String time, String event, List<String> covariates,
      String group, Optional<List<String>> groupLevels, String strata, String cluster) {
    SurvivalRequest request = new SurvivalRequest(input, missing, time, event, covariates, Optional.ofNullable(group),
        groupLevels, Optional.ofNullable(strata), Optional.ofNullable(cluster));
    Optional<Engine> engine = Engines.current();
    if (engine.isPresent()) {
      return engine.get().survival(request);
    }
    return new LocalSurvivalData(read(Path.of(input), request));
  }

  /** This command's rows with a group and strata column (either {@code null} when not used). */
  SurvivalData data(String group, String strata) {
    return data(input, na.missing(), time, event, List.of(), group, levels.order(), strata, null);
  }

  /**
   * Adds the rows left out ({@code omittedRows}) and the event coding ({@code eventCoding}) to a
   * rendering's JSON, and says on {@code err} what was left out and which coding was read when it
   * is not 0/1.
   */
  static Rendering noting(SurvivalData data, Rendering rendering, PrintWriter err) {
    return OmittedRows.noting(data.omittedRows(), EventCodingNote.noting(data.eventCoding(), rendering, err), err);
  }

  /**
   * Reads a sample with any of the optional columns ({@code null} when not used).
   *
   * @throws InvalidInputException naming every bad cell
   */
  static Read read(Path file, SurvivalRequest request) {
    String time = request.time();
    String event = request.event();
    List<String> covariates = request.covariates();
    String group = request.group().orElse(null);
    String strata = request.strata().orElse(null);
    String cluster = request.cluster().orElse(null);
    MissingValues missing = request.missing();
    TableReader reader = TableReader.of(file).missing(missing).numeric(time, Empty.AS_MISSING)
        .text(event, Empty.AS_MISSING);
    for (String c : covariates) {
      reader = reader.numeric(c, Empty.AS_MISSING);
    }
    List<String> factors = new ArrayList<>();
    for (String f : new String[] {group, strata, cluster}) {
      if (f != null) {
        factors.add(f);
        reader = reader.text(f, Empty.AS_MISSING);
      }
    }
    Table table = reader.read();
    double[] t = table.numeric(time);
    String[] e = table.text(event);
    EventCoding.Decoded decoded = EventCoding.decode(event, e); // from every present cell, as Surv sees the column
    boolean[] flags = decoded.events();
    // each column fetched once: Table hands out a copy per call, so fetching inside the row loop
    // made reading quadratic in the rows
    List<double[]> covariateColumns = covariates.stream().map(table::numeric).toList();
    List<String[]> factorColumns = factors.stream().map(table::text).toList();
    RowProblems problems = new RowProblems();
    List<Long> omitted = new ArrayList<>();
    boolean[] keep = new boolean[t.length];
    int kept = 0;
    for (int i = 0; i < t.length; i++) {
      boolean complete = !Double.isNaN(t[i]) && !e[i].isEmpty();
      for (double[] column : covariateColumns) {
        complete &= !Double.isNaN(column[i]);
      }
      for (String[] column : factorColumns) {
        complete &= !column[i].isEmpty();
      }
      if (!complete) {
        omitted.add(i + 1L);
        continue;
      }
      if (t[i] < 0) {
        problems.add(i + 1L, time, "negative");
      }
      keep[i] = true;
      kept++;
    }
    problems.throwIfAny("invalid values in " + file.getFileName());
    if (kept == 0) {
      throw DegenerateDataException.noCompleteRow("file", t.length);
    }
    double[] times = new double[kept];
    boolean[] events = new boolean[kept];
    for (int i = 0, k = 0; i < t.length; i++) {
      if (keep[i]) {
        times[k] = t[i];
        events[k++] = flags[i];
      }
    }
    SurvivalSample.Builder b = SurvivalSample.builder(times, events);
    for (int c = 0; c < covariates.size(); c++) {
      b.covariate(covariates.get(c), kept(covariateColumns.get(c), keep, kept));
    }
    int f = 0;
    if (group != null) {
      b.group(LevelsOption.ordered(Factor.grouping(group, kept(factorColumns.get(f++), keep, kept)),
          request.groupLevels()));
    }
    if (strata != null) {
      b.strata(Factor.grouping(strata, kept(factorColumns.get(f++), keep, kept)));
    }
    if (cluster != null) {
      // a cluster column is an identifier by design (one subject, several rows): not a grouping
      b.cluster(Factor.of(kept(factorColumns.get(f), keep, kept)));
    }
    return new Read(b.build(), group, strata, List.copyOf(omitted), decoded.coding());
  }

  /** The kept rows of a column (the table's copy itself when every row is kept). */
  private static double[] kept(double[] values, boolean[] keep, int count) {
    if (count == values.length) {
      return values;
    }
    double[] out = new double[count];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (keep[i]) {
        out[k++] = values[i];
      }
    }
    return out;
  }

  private static String[] kept(String[] values, boolean[] keep, int count) {
    if (count == values.length) {
      return values;
    }
    String[] out = new String[count];
    for (int i = 0, k = 0; i < values.length; i++) {
      if (keep[i]) {
        out[k++] = values[i];
      }
    }
    return out;
  }
}
