package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.Warning;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.io.CsvRecords;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.stats.psychometrics.InternalConsistency;
import org.outcome.stats.psychometrics.ItemResponses;
import org.outcome.stats.psychometrics.ItemStatistics;
import org.outcome.stats.psychometrics.OneFactorModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code outcome psychometrics}: the internal consistency of an instrument's items (or of any
 * columns) on local data, as R's {@code psych::alpha}, with omega total.
 */
@Command(name = "psychometrics", mixinStandardHelpOptions = true,
    description = {
      "Internal consistency of a scale's items on local data: Cronbach's alpha.",
      "Raw and standardised alpha as R's psych::alpha, item-total and item-rest",
      "correlations, alpha if an item is dropped, Feldt's interval (and a seeded",
      "bootstrap one with --bootstrap), and omega total from a one-factor ML model.",
      "With --instrument the items are the answers file's q1 ... qN columns, as",
      "outcome score reads them, reverse-keyed items reversed (min + max - answer),",
      "of the primary subscale or --subscale; else --items names the columns.",
      "Rows with an empty item cell are left out and listed by row number; with",
      "--timepoint only that timepoint's rows are read."
    })
public final class PsychometricsCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--instrument", paramLabel = "ID",
      description = "The instrument whose items to analyse (see: outcome instruments).")
  String instrument;

  @Option(names = "--subscale", paramLabel = "ID",
      description = "With --instrument: the subscale whose items to analyse (default: the primary).")
  String subscale;

  @Option(names = "--items", paramLabel = "COL", split = ",",
      description = "Without --instrument: the item columns, comma-separated (at least two).")
  List<String> items;

  @Option(names = "--timepoint", paramLabel = "T",
      description = "Only the rows whose timepoint column is T (one administration each).")
  String timepoint;

  @Option(names = "--bootstrap", paramLabel = "N",
      description = "Also a percentile bootstrap interval for raw alpha from N resamples.")
  Integer bootstrap;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the bootstrap's random numbers (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Whether the timepoint column was read (given, or present in the file). */
  private boolean timepointRead;

  /** One item's statistics, flattened. */
  record ItemJson(String item, Integer number, boolean reversed, double mean, double sd, double itemTotalCorrelation,
      double itemRestCorrelation, Double alphaIfDropped, Double stdAlphaIfDropped, Double loading) {}

  /**
   * The JSON document: the fixtures' field names ({@code internal-consistency}) for
   * {@code rawAlpha}, {@code stdAlpha}, {@code itemRestCorrelation} and {@code alphaIfDropped}
   * (lists in the items' order; {@code null} where undefined), and the rest of the result.
   */
  record PsychometricsJson(String instrument, String subscale, String timepoint, List<String> items, long n, long rowsRead,
      List<Long> omittedRows, double rawAlpha, double stdAlpha, double averageR, double totalMean, double totalSd,
      double confLevel, double feldtLower, double feldtUpper, Double bootstrapLower, Double bootstrapUpper,
      Integer bootstrapResamples, Long bootstrapSeed, Double omegaTotal, Boolean omegaHeywood,
      List<Double> itemTotalCorrelation, List<Double> itemRestCorrelation, List<Double> alphaIfDropped,
      List<Double> stdAlphaIfDropped, List<ItemJson> itemStatistics, String method, List<WarningJson> warnings) {}

  /**
   * The columns read: names, values (reversed where keyed so), item numbers and keying, each
   * analysed row's number in the file (from 1), and how many timepoints the rows came from (0 when
   * the file has no timepoint column).
   */
  private record Read(ItemResponses responses, List<Integer> numbers, List<Boolean> reversed, String subscale,
      long[] fileRows, long timepoints) {}

  /** The rows to analyse: all, or those of {@code --timepoint}; and the number of timepoints among them. */
  private record Rows(int[] kept, long timepoints) {
    double[] keep(double[] column) {
      double[] out = new double[kept.length];
      for (int i = 0; i < kept.length; i++) {
        out[i] = column[kept[i]];
      }
      return out;
    }

    long[] fileRows() {
      long[] out = new long[kept.length];
      for (int i = 0; i < kept.length; i++) {
        out[i] = kept[i] + 1L;
      }
      return out;
    }
  }

  /** Reads the item columns (and the timepoint column, when there is one). */
  private Table readTable(List<String> columns) {
    TableReader reader = TableReader.of(input.file()).missing(input.missing());
    for (String column : columns) {
      reader = reader.numeric(column, TableReader.Empty.AS_MISSING);
    }
    timepointRead = timepoint != null || hasTimepointColumn();
    if (timepointRead) {
      reader = reader.text("timepoint", TableReader.Empty.AS_MISSING);
    }
    return reader.read();
  }

  private boolean hasTimepointColumn() {
    try (CsvRecords records = CsvRecords.open(input.file())) {
      return records.hasColumn("timepoint");
    }
  }

  private Rows rows(Table table, int n) {
    if (!timepointRead) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return new Rows(all, 0);
    }
    String[] t = table.text("timepoint");
    int[] kept = new int[n];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (timepoint == null || timepoint.equals(t[i])) {
        kept[count++] = i;
      }
    }
    int[] rows = Arrays.copyOf(kept, count);
    long distinct = Arrays.stream(rows).mapToObj(i -> t[i]).distinct().count();
    if (count == 0) {
      throw InvalidInputException.of("nothing to analyse in " + input.file().getFileName(),
          Violation.at("column timepoint", "no row has the timepoint given with --timepoint"));
    }
    return new Rows(rows, distinct);
  }

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    if ((instrument == null) == (items == null)) {
      throw new ParameterException(cl, "give either --instrument ID or --items COL,COL,...");
    }
    if (subscale != null && instrument == null) {
      throw new ParameterException(cl, "--subscale needs --instrument");
    }
    if (bootstrap != null && bootstrap < 2) {
      throw new ParameterException(cl, "--bootstrap must be at least 2, got " + bootstrap);
    }
    if (bootstrap == null && cl.getParseResult().hasMatchedOption("--seed")) {
      throw new ParameterException(cl, "--seed needs --bootstrap N");
    }
    double level = confLevel.value();
    Read read = timing.read(() -> instrument != null ? instrumentItems(cl) : namedItems(cl));
    PsychometricsJson json = timing.analyse(() -> {
      InternalConsistency analysis = InternalConsistency.withDefaults().withConfLevel(level);
      if (bootstrap != null) {
        analysis = analysis.withBootstrap(bootstrap, seed);
      }
      return json(analysis.analyse(read.responses()), read, level);
    });
    Rendering rendering = OmittedRows.noting(json.omittedRows(), Rendering.of(json, out -> printText(out, json)),
        cl.getErr());
    output.emit(cl, rendering, timing);
  }

  private PsychometricsJson json(InternalConsistency.Result r, Read read, double level) {
    List<ItemJson> stats = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    List<Double> rest = new ArrayList<>();
    List<Double> dropped = new ArrayList<>();
    List<Double> stdDropped = new ArrayList<>();
    Optional<OneFactorModel> omega = r.omega();
    for (int j = 0; j < r.items().size(); j++) {
      ItemStatistics s = r.itemStatistics().get(j);
      Double loading = omega.isPresent() ? omega.get().loadings()[j] : null;
      stats.add(new ItemJson(s.item(), read.numbers().get(j), read.reversed().get(j), s.mean(), s.sd(),
          s.itemTotalCorrelation(), s.itemRestCorrelation(), boxed(s.alphaIfDropped()), boxed(s.stdAlphaIfDropped()),
          loading));
      total.add(s.itemTotalCorrelation());
      rest.add(s.itemRestCorrelation());
      dropped.add(boxed(s.alphaIfDropped()));
      stdDropped.add(boxed(s.stdAlphaIfDropped()));
    }
    var boot = r.bootstrap();
    List<Long> omitted = r.omittedRows().stream().map(row -> read.fileRows()[(int) (row - 1)]).toList();
    List<Warning> extra = new ArrayList<>();
    if (read.timepoints() > 1) {
      extra.add(Warning.of("timepoints-pooled", "the rows come from " + read.timepoints() + " timepoints, so people"
          + " answering more than once count more than once; choose one with --timepoint"));
    }
    return new PsychometricsJson(instrument, read.subscale(), timepoint, r.items(), r.n(), read.responses().rowsRead(),
        omitted, r.rawAlpha(), r.stdAlpha(), r.averageR(), r.totalMean(), r.totalSd(), level,
        r.feldt().lower(), r.feldt().upper(), boot.map(b -> b.interval().lower()).orElse(null),
        boot.map(b -> b.interval().upper()).orElse(null), boot.map(b -> b.resamples()).orElse(null),
        boot.map(b -> b.seed()).orElse(null), omega.map(OneFactorModel::omegaTotal).orElse(null),
        omega.map(OneFactorModel::heywood).orElse(null), total, rest, dropped, stdDropped, stats, r.method(),
        WarningJson.of(extra, r.warnings()));
  }

  private static Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  /** The named columns, as numbers; an empty cell is a missing answer. */
  private Read namedItems(CommandLine cl) {
    if (items.size() < 2) {
      throw new ParameterException(cl, "--items needs at least two columns");
    }
    if (items.stream().distinct().count() < items.size()) {
      throw new ParameterException(cl, "--items names a column twice");
    }
    Table table = readTable(items);
    Rows rows = rows(table, table.numeric(items.get(0)).length);
    double[][] columns = new double[items.size()][];
    List<Integer> numbers = new ArrayList<>();
    List<Boolean> reversed = new ArrayList<>();
    for (int j = 0; j < items.size(); j++) {
      columns[j] = rows.keep(table.numeric(items.get(j)));
      numbers.add(null);
      reversed.add(false);
    }
    return new Read(ItemResponses.of(items, columns), numbers, reversed, null, rows.fileRows(), rows.timepoints());
  }

  /**
   * The subscale's items, columns {@code q<number>} as {@code outcome score} reads them: each answer
   * a whole number on the item's scale, reverse-keyed ones reversed.
   */
  private Read instrumentItems(CommandLine cl) {
    Instrument chosen;
    try {
      chosen = InstrumentRegistry.load().require(InstrumentId.of(instrument));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--instrument: " + e.getMessage());
    }
    InstrumentDefinition definition = chosen.definition();
    Subscale scale;
    if (subscale == null) {
      scale = definition.primarySubscale();
    } else {
      try {
        scale = definition.subscale(SubscaleId.of(subscale)).orElseThrow(() -> new ParameterException(cl,
            "--subscale: " + chosen.id() + " has no subscale '" + subscale + "'; it has "
                + definition.subscales().stream().map(s -> s.id().toString()).toList()));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cl, "--subscale: " + e.getMessage());
      }
    }
    List<Item> chosenItems = scale.items().stream().map(n -> definition.item(n).orElseThrow()).toList();
    Table table = readTable(chosenItems.stream().map(item -> "q" + item.number()).toList());
    Rows rows = rows(table, table.numeric("q" + chosenItems.get(0).number()).length);
    List<String> names = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    List<Boolean> reversed = new ArrayList<>();
    double[][] columns = new double[chosenItems.size()][];
    List<Violation> violations = new ArrayList<>();
    for (int j = 0; j < chosenItems.size(); j++) {
      Item item = chosenItems.get(j);
      String column = "q" + item.number();
      names.add(column);
      numbers.add(item.number());
      reversed.add(item.keying() == Keying.REVERSE);
      double[] values = rows.keep(table.numeric(column));
      long[] fileRows = rows.fileRows();
      columns[j] = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        double v = values[i];
        if (Double.isNaN(v)) {
          columns[j][i] = v;
        } else if (v != Math.rint(v)) {
          violations.add(Violation.atCell(fileRows[i], column, "not a whole number"));
        } else if (!item.scale().contains((int) v)) {
          violations.add(Violation.atCell(fileRows[i], column, "outside the scale " + item.scale()));
        } else {
          columns[j][i] = item.keyed((int) v);
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid answers to " + chosen.id() + " in " + input.file().getFileName(),
          violations);
    }
    return new Read(ItemResponses.of(names, columns), numbers, reversed, scale.id().toString(), rows.fileRows(),
        rows.timepoints());
  }

  /** A number for the table (right-aligned), or a dash where there is none. */
  private static Object orDash(Double value) {
    return value == null ? "-" : value;
  }

  private static void printText(PrintWriter out, PsychometricsJson j) {
    out.println("Internal consistency of " + j.items().size() + " items"
        + (j.instrument() == null ? "" : " (" + j.instrument() + ", subscale " + j.subscale() + ")")
        + (j.timepoint() == null ? "" : " at " + j.timepoint()) + ", n = "
        + j.n() + (j.omittedRows().isEmpty() ? "" : " (" + j.omittedRows().size() + " of " + j.rowsRead()
            + " rows left out for an empty cell)"));
    String heading = ConfLevelOption.heading(j.confLevel());
    TextTable t = new TextTable("coefficient", "estimate", heading);
    t.row("raw alpha", j.rawAlpha(), "Feldt " + PairedCommand.interval(j.feldtLower(), j.feldtUpper()));
    if (j.bootstrapLower() != null) {
      t.row("", "", "bootstrap " + PairedCommand.interval(j.bootstrapLower(), j.bootstrapUpper()));
    }
    t.row("standardised alpha", j.stdAlpha(), "");
    t.row("average inter-item r", j.averageR(), "");
    if (j.omegaTotal() != null) {
      t.row("omega total (1-factor ML)", j.omegaTotal(), "");
    }
    t.print(out);
    out.println("Total score: mean " + TextTable.number(j.totalMean()) + ", SD " + TextTable.number(j.totalSd())
        + (j.bootstrapResamples() == null ? "" : "; bootstrap: " + j.bootstrapResamples() + " resamples, seed "
            + j.bootstrapSeed()));
    out.println();
    TextTable items = new TextTable("item", "mean", "SD", "r item-total", "r item-rest", "alpha if dropped",
        "std alpha if dropped", "loading");
    for (ItemJson s : j.itemStatistics()) {
      items.row(s.item() + (s.reversed() ? " (reversed)" : ""), s.mean(), s.sd(), s.itemTotalCorrelation(),
          s.itemRestCorrelation(), orDash(s.alphaIfDropped()), orDash(s.stdAlphaIfDropped()), orDash(s.loading()));
    }
    items.print(out);
    WarningJson.printNotes(out, j.warnings());
  }
}
