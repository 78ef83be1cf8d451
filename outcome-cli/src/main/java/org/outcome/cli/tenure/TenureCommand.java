package org.outcome.cli.tenure;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.cli.engine.Engines;
import org.outcome.cli.io.Format;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TimingOptions;
import org.outcome.io.MissingValues;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.io.TableReader.Empty;
import org.outcome.tenure.BedDayComparator;
import org.outcome.tenure.BedDaysSaved;
import org.outcome.tenure.Rejection;
import org.outcome.tenure.Setting;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;
import org.outcome.tenure.TenureSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outcome tenure}: community tenure from a people file and an episodes file, one row per
 * person, with every rejected row reported.
 */
@Command(name = "tenure", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Community tenure from hospital episodes, one row per person.",
      "Time to psychiatric readmission, days in the community, bed-days, readmissions",
      "and 30/90-day readmission.",
      "",
      "People file columns: subject,index_date[,end_date][,death_date][,group].",
      "Episodes file columns: subject,admission_date,discharge_date[,setting]",
      "(discharge_date empty: still in hospital at extraction; setting: psychiatric or",
      "other). Dates are YYYY-MM-DD.",
      "",
      "Rejected rows go to standard error (text, csv) or under \"rejected\" (json),",
      "each with its row number and every reason. The exit code is 0 when the files",
      "could be read, whatever was rejected.",
      ""
    },
    footer = {
      "",
      "Follow-up runs from the index date (day 0) to the earliest of end_date,",
      "death_date, index date + --window-days and --extraction-date. Episodes",
      "no more than --gap-days apart (default 1: a transfer) are one stay.",
      "docs/tenure.md states every rule."
    })
public final class TenureCommand implements Runnable {
  /** Above this many people, the text format prints a note instead of the per-person table. */
  static final int TEXT_ROWS = 50;
  /** At most this many rejected rows are listed on standard error. */
  static final int LISTED_REJECTIONS = 100;

  @Spec CommandSpec spec;

  @Option(names = "--people", required = true, paramLabel = "FILE", description = "The people file (CSV).")
  String people; // text: on an engine it may be a URI, which a Path would mangle

  @Option(names = "--episodes", required = true, paramLabel = "FILE", description = "The episodes file (CSV).")
  String episodes;

  @Option(names = "--window-days", paramLabel = "N",
      description = "Follow each person for at most N days after the index date (1 to 36525).")
  Integer windowDays;

  @Option(names = "--gap-days", paramLabel = "N", defaultValue = "1",
      description = "Episodes whose admission is at most N days after the stay's discharge are one stay"
          + " (0 to 365; default ${DEFAULT-VALUE}).")
  int gapDays;

  @Option(names = "--extraction-date", paramLabel = "YYYY-MM-DD",
      description = "The date the data were extracted: follow-up ends by then, and open episodes run to it.")
  String extractionDate;

  @Option(names = "--settings", split = ",", paramLabel = "SETTING",
      description = "Settings whose episodes count: psychiatric, other, or both separated by a comma"
          + " (default psychiatric).")
  List<Setting> settings;

  @Option(names = "--comparator-bed-days", paramLabel = "X",
      description = "Bed-days saved: the comparator's bed-days per person-year.")
  Double comparatorBedDays;

  @Option(names = "--comparator-admissions", paramLabel = "R",
      description = "Bed-days saved: the comparator's admissions per person-year (with --comparator-stay-days).")
  Double comparatorAdmissions;

  @Option(names = "--comparator-stay-days", paramLabel = "L",
      description = "Bed-days saved: the comparator's mean length of stay in days (with --comparator-admissions).")
  Double comparatorStayDays;

  @Option(names = "--comparator-source", paramLabel = "TEXT", defaultValue = "",
      description = "Where the comparator comes from, echoed in the output.")
  String comparatorSource;

  @Option(names = "--shape", paramLabel = "SHAPE",
      description = "Write analysis rows instead of the report: first (time, event),"
          + " recurrent (start, stop, event, enum: time between stays), total-time (the same"
          + " with the clock running in hospital) or competing (time, status: 1 readmission,"
          + " 2 death, 0 censored).")
  String shape;

  @Option(names = "--keep", split = ",", paramLabel = "COL",
      description = "With --shape: copy these people-file columns onto every row.")
  List<String> keep = List.of();

  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    Optional<TenureShape> rows = shape == null ? Optional.empty() : Optional.of(TenureShape.parse(shape).orElseThrow(
        () -> new CommandLine.ParameterException(commandLine, "--shape: '" + shape
            + "' is not one of first, recurrent, total-time, competing")));
    if (rows.isEmpty() && !keep.isEmpty()) {
      throw new CommandLine.ParameterException(commandLine, "--keep goes with --shape");
    }
    if (!keep.isEmpty() && Engines.current().isPresent()) {
      throw new CommandLine.ParameterException(commandLine,
          "--keep reads the people file in this process, not on an engine: join the columns afterwards");
    }
    TenureOptions options = options();
    Optional<BedDayComparator> comparator = comparator(commandLine);
    TenureCalculator calculator = TenureCalculator.of(options);
    TenureResults results = timing.read(() -> Engines.current()
        .map(engine -> engine.tenure(people, episodes, options))
        .orElseGet(() -> calculator.read(Path.of(people), Path.of(episodes))));
    if (rows.isPresent()) {
      Map<String, Map<String, String>> kept = keep.isEmpty() ? Map.of() : timing.read(() -> keptColumns());
      if (output.format() != Format.JSON) {
        printRejections(commandLine.getErr(), results, false);
      }
      output.emit(commandLine, rows.get().rendering(results, kept), timing);
      return;
    }
    TenureReport report = timing.analyse(() -> {
      TenureSummary summary = results.summary();
      Optional<BedDaysSaved> saved = comparator.map(results::bedDaysSaved);
      return new TenureReport(results, summary, saved);
    });
    if (output.format() != Format.JSON) {
      printRejections(commandLine.getErr(), results, output.format() == Format.CSV);
    }
    output.emit(commandLine, new Rendering() {
      @Override
      public Object json() {
        return report.json();
      }

      @Override
      public void text(PrintWriter out) {
        report.text(out, TEXT_ROWS);
      }

      @Override
      public Optional<java.util.function.Consumer<PrintWriter>> csv() {
        return Optional.of(report::csv);
      }
    }, timing);
  }

  /** The --keep columns of the people file, each a map from subject to cell. */
  private Map<String, Map<String, String>> keptColumns() {
    // copied through verbatim: NA stays NA, as the episode rules read the file
    TableReader reader = TableReader.of(Path.of(people)).missing(MissingValues.NONE).text("subject", Empty.AS_MISSING);
    for (String c : keep) {
      reader = reader.text(c, Empty.AS_MISSING);
    }
    Table table = reader.read();
    String[] subjects = table.text("subject");
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String c : keep) {
      String[] cells = table.text(c);
      Map<String, String> bySubject = new HashMap<>();
      for (int i = 0; i < subjects.length; i++) {
        bySubject.put(subjects[i], cells[i] == null ? "" : cells[i]);
      }
      out.put(c, bySubject);
    }
    return out;
  }

  private TenureOptions options() {
    TenureOptions options = TenureOptions.withDefaults().withGapDays(gapDays);
    if (windowDays != null) {
      options = options.withWindowDays(windowDays);
    }
    if (extractionDate != null) {
      options = options.withExtractionDate(parseDate("--extraction-date", extractionDate));
    }
    if (settings != null) {
      options = options.withSettings(settings);
    }
    return options;
  }

  private Optional<BedDayComparator> comparator(CommandLine commandLine) {
    boolean rate = comparatorAdmissions != null || comparatorStayDays != null;
    if (comparatorBedDays != null && rate) {
      throw new CommandLine.ParameterException(commandLine,
          "give either --comparator-bed-days or --comparator-admissions with --comparator-stay-days, not both");
    }
    if (rate && (comparatorAdmissions == null || comparatorStayDays == null)) {
      throw new CommandLine.ParameterException(commandLine,
          "--comparator-admissions and --comparator-stay-days go together");
    }
    if (comparatorBedDays != null) {
      return Optional.of(BedDayComparator.ofBedDays(comparatorBedDays, comparatorSource));
    }
    return rate ? Optional.of(BedDayComparator.ofAdmissions(comparatorAdmissions, comparatorStayDays, comparatorSource))
        : Optional.empty();
  }

  /** An ISO calendar date, strictly: 2023-02-30 is an error (exit 3), not 2023-02-28. */
  static LocalDate parseDate(String option, String value) {
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of("invalid option value", Violation.at(option,
          "'" + value + "' is not a calendar date in the form YYYY-MM-DD"));
    }
  }

  /** Lists rejected rows on standard error, then (for CSV, which has no summary) the row counts. */
  static void printRejections(PrintWriter err, TenureResults results, boolean counts) {
    List<Rejection> rejected = results.rejected();
    if (!rejected.isEmpty()) {
      err.println("tenure: " + rejected.size() + (rejected.size() == 1 ? " row" : " rows") + " rejected:");
      rejected.stream().limit(LISTED_REJECTIONS).forEach(r -> r.reasons().forEach(v ->
          err.println("  " + r.file().label() + " file, " + v)));
      if (rejected.size() > LISTED_REJECTIONS) {
        err.println("  and " + (rejected.size() - LISTED_REJECTIONS) + " more rejected rows; --format json lists them all");
      }
    }
    if (!counts) {
      err.flush();
      return;
    }
    err.println(String.format(Locale.ROOT, "tenure: people %d read, %d accepted, %d rejected;"
            + " episodes %d read, %d accepted, %d rejected",
        results.peopleCounts().read(), results.peopleCounts().accepted(), results.peopleCounts().rejected(),
        results.episodeCounts().read(), results.episodeCounts().accepted(), results.episodeCounts().rejected()));
    err.flush();
  }
}
