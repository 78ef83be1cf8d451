package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedSample;
import org.outcome.cli.engine.CompareRequest;
import org.outcome.cli.engine.Engines;
import org.outcome.cli.engine.Summarised;
import org.outcome.cli.io.CompleteCases;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.cli.stats.PairedCommand.EstimateJson;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.groups.TwoSampleTTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome compare}: two independent groups. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {
      "Comparison of two independent groups.",
      "Concurrent, consecutive cohorts or historical controls: Welch and Student",
      "t-tests, Mann-Whitney test (R's exact/approximate rule), Cohen's d and Hedges'",
      "g with intervals. Differences are first group - second group. Rows with an",
      "empty value are excluded and counted."
    })
public final class CompareCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;
  @Mixin AlternativeOption alternative;

  @Option(names = "--value", required = true, paramLabel = "COL", description = "Column of values (scores).")
  String value;

  @Option(names = "--group", required = true, paramLabel = "COL", description = "Column of group labels.")
  String group;

  @Option(names = "--first-group", paramLabel = "LEVEL",
      description = "The first group (default: the first level in R's order).")
  String firstGroup;

  @Option(names = "--second-group", paramLabel = "LEVEL",
      description = "The second group, when the data have more than two.")
  String secondGroup;

  /** The JSON document; field names as the R fixtures ({@code two-group}). */
  record CompareJson(
      String value,
      List<String> groups,
      List<Long> n,
      List<Double> mean,
      List<Double> sd,
      long excludedMissing,
      double difference,
      double confLevel,
      String alternative,
      double welchT,
      double welchDf,
      double welchP,
      double welchCiLower,
      double welchCiUpper,
      double studentT,
      double studentDf,
      double studentP,
      double studentCiLower,
      double studentCiUpper,
      double mannWhitneyW,
      double mannWhitneyP,
      String mannWhitneyMethod,
      double probabilityOfSuperiority,
      double cohenD,
      double hedgesG,
      EstimateJson d,
      EstimateJson g,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    double level = confLevel.value();
    if (secondGroup != null && firstGroup == null) {
      throw new CommandLine.ParameterException(cl, "--second-group needs --first-group");
    }
    GroupChoice choice = firstGroup == null ? GroupChoice.levelOrder()
        : secondGroup == null ? GroupChoice.first(firstGroup) : GroupChoice.of(firstGroup, secondGroup);
    CompareRequest request = new CompareRequest(input.location(), input.missing(), value, group, choice,
        MannWhitneyTest.withDefaults().withAlternative(alternative.value()));
    // building the summary (complete cases, the grouping) is part of reading, as --timing reports
    // it: here, or on the engine of this run
    Summarised<TwoGroupSummary> read = timing.read(() -> Engines.current().map(engine -> engine.compare(request))
        .orElseGet(() -> summarise(request)));
    CompareJson json = timing.analyse(() -> {
      TwoGroupSummary summary = read.summary();
      long excluded = read.rowsMissing();
      TwoSampleTTest.Result welch = TwoSampleTTest.withDefaults().withConfLevel(level)
          .withAlternative(alternative.value()).test(summary);
      TwoSampleTTest.Result student = TwoSampleTTest.student().withConfLevel(level)
          .withAlternative(alternative.value()).test(summary);
      MannWhitneyTest.Result mw = request.ranking().test(summary);
      StandardizedMeanDifference.Result smd = StandardizedMeanDifference.withDefaults().withConfLevel(level)
          .compute(summary);
      List<Warning> extra = new ArrayList<>();
      if (excluded > 0) {
        extra.add(Warning.of("missing-values", excluded + " of " + read.rowsRead()
            + " rows lack a value or a group and were excluded"));
      }
      return new CompareJson(value, List.of(welch.first().level(), welch.second().level()),
          List.of(welch.first().n(), welch.second().n()), List.of(welch.first().mean(), welch.second().mean()),
          List.of(welch.first().sd(), welch.second().sd()), excluded, welch.difference(), level,
          alternative.value().rName(), welch.t(), welch.df(), welch.pValue(), welch.interval().lower(),
          welch.interval().upper(), student.t(), student.df(), student.pValue(), student.interval().lower(),
          student.interval().upper(), mw.w(), mw.pValue(), mw.pValueMethod().label(), mw.probabilityOfSuperiority(),
          smd.d().value(), smd.g().value(), EstimateJson.of(smd.d()), EstimateJson.of(smd.g()),
          WarningJson.of(extra, welch.warnings(), student.warnings(), mw.warnings(), smd.warnings()));
    });
    output.emit(cl, OmittedRows.noting(read.omittedRows(), Rendering.of(json, out -> printText(out, json)),
        cl.getErr()), timing);
  }

  /** The summary of a file's complete rows, read in this process. */
  private static Summarised<TwoGroupSummary> summarise(CompareRequest request) {
    Table table = TableReader.of(Path.of(request.input())).missing(request.missing())
        .numeric(request.value(), TableReader.Empty.AS_MISSING).text(request.group(), TableReader.Empty.AS_MISSING)
        .read();
    double[] values = table.numeric(request.value());
    String[] groups = table.text(request.group());
    // a row without a group is left out, as R's t.test(value ~ group) leaves it out (na.omit)
    CompleteCases complete = CompleteCases.of(List.of(values), List.<String[]>of(groups));
    GroupedSample sample = GroupedSample.of(complete.keep(values),
        Factor.grouping(request.group(), complete.keep(groups)));
    return new Summarised<>(TwoGroupSummary.of(sample, request.choice(), request.ranking()), complete.total(),
        complete.excluded(),
        complete.omittedRows());
  }

  private static void printText(PrintWriter out, CompareJson j) {
    String level = ConfLevelOption.heading(j.confLevel());
    out.println("Comparison of " + j.value() + ": " + j.groups().get(0) + " - " + j.groups().get(1));
    TextTable g = new TextTable("group", "n", "mean", "SD");
    for (int i = 0; i < 2; i++) {
      g.row(j.groups().get(i), j.n().get(i), j.mean().get(i), j.sd().get(i));
    }
    g.print(out);
    out.println();
    TextTable t = new TextTable("analysis", "estimate", level, "statistic", "df", "p");
    t.row("Welch t-test", j.difference(), PairedCommand.interval(j.welchCiLower(), j.welchCiUpper()),
        "t = " + TextTable.number(j.welchT()), TextTable.number(j.welchDf()), TextTable.pValue(j.welchP()));
    t.row("Student t-test", j.difference(), PairedCommand.interval(j.studentCiLower(), j.studentCiUpper()),
        "t = " + TextTable.number(j.studentT()), TextTable.number(j.studentDf()), TextTable.pValue(j.studentP()));
    t.row("Mann-Whitney", "", "", "W = " + TextTable.number(j.mannWhitneyW()), "", TextTable.pValue(j.mannWhitneyP()));
    t.row("Cohen's d", j.cohenD(), j.d().interval(), "", "", "");
    t.row("Hedges' g", j.hedgesG(), j.g().interval(), "", "", "");
    t.print(out);
    out.println();
    out.println("Mann-Whitney p-value: " + j.mannWhitneyMethod() + "; probability of superiority "
        + TextTable.number(j.probabilityOfSuperiority()) + "; alternative " + j.alternative() + ".");
    WarningJson.printNotes(out, j.warnings());
  }
}
