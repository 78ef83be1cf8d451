package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.common.ContinuityCorrection;
import org.outcome.stats.tables.ChiSquareTest;
import org.outcome.stats.tables.FisherExactTest;
import org.outcome.stats.tables.NumberNeededToTreat;
import org.outcome.stats.tables.RiskComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome table2x2}: risk measures and tests for a 2x2 table of independent groups. */
@Command(name = "table2x2", mixinStandardHelpOptions = true,
    description = {
      "Risks, odds and tests for a 2x2 table of two independent groups.",
      "Rows exposed / unexposed (peer support / comparison), columns event / no event",
      "(readmitted / not). Risk ratio, risk difference, odds ratio and number needed",
      "to treat with Wald intervals; Fisher's exact test with the conditional MLE odds",
      "ratio (as R's fisher.test); chi-square with and without Yates' correction (as",
      "R's chisq.test)."
    })
public final class Table2x2Command implements Runnable {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;
  @Mixin AlternativeOption alternative;

  @Option(names = "--cells", required = true, paramLabel = "a,b,c,d",
      description = "The four counts by rows: exposed with event, exposed without, unexposed with, unexposed without.")
  String cells;

  @Option(names = "--favourable-event", description = "The event is favourable (recovery); by default it is adverse (readmission).")
  boolean favourable;

  @Option(names = "--haldane", description = "Add 0.5 to every cell of a table with a zero cell, for the risk ratio and odds ratio.")
  boolean haldane;

  /** The JSON document; field names as the R fixtures ({@code two-by-two}). */
  record TableJson(long a, long b, long c, long d, double confLevel, String alternative,
      double riskExposed, double riskUnexposed,
      Double riskRatio, Double riskRatioLower, Double riskRatioUpper,
      double riskDifference, double riskDifferenceLower, double riskDifferenceUpper,
      Double oddsRatio, Double oddsRatioLower, Double oddsRatioUpper,
      double nnt, String nntDirection, String nntDescription,
      double fisherP, double fisherOddsRatio, double fisherOrLower, double fisherOrUpper,
      double chisqYates, double chisqYatesP, double chisq, double chisqP,
      java.util.List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    double level = confLevel.value();
    TwoByTwoTable table = timing.read(() -> {
      long[] n = Counts.whole(cl, "--cells", cells, 4);
      return TwoByTwoTable.of(n[0], n[1], n[2], n[3]);
    });
    TableJson json = timing.analyse(() -> {
      RiskComparison.Result risk = RiskComparison.withDefaults().withConfLevel(level)
          .withEventKind(favourable ? RiskComparison.EventKind.FAVOURABLE : RiskComparison.EventKind.ADVERSE)
          .withZeroCellCorrection(haldane ? RiskComparison.ZeroCellCorrection.HALDANE : RiskComparison.ZeroCellCorrection.NONE)
          .compare(table);
      FisherExactTest.Result fisher = FisherExactTest.withDefaults().withConfLevel(level)
          .withAlternative(alternative.value()).test(table);
      ChiSquareTest.Result yates = ChiSquareTest.withDefaults().test(table);
      ChiSquareTest.Result plain = ChiSquareTest.withDefaults().withCorrection(ContinuityCorrection.NONE).test(table);
      ConfidenceInterval fci = fisher.oddsRatio().interval().orElseThrow();
      ConfidenceInterval rd = risk.riskDifference().interval().orElseThrow();
      NumberNeededToTreat nnt = risk.numberNeededToTreat();
      return new TableJson(table.a(), table.b(), table.c(), table.d(), level, alternative.value().rName(),
          risk.riskExposed(), risk.riskUnexposed(),
          value(risk.riskRatio()), lower(risk.riskRatio()), upper(risk.riskRatio()),
          risk.riskDifference().value(), rd.lower(), rd.upper(),
          value(risk.oddsRatio()), lower(risk.oddsRatio()), upper(risk.oddsRatio()),
          nnt.value(), nnt.direction().name().toLowerCase(Locale.ROOT), nnt.describe(),
          fisher.pValue(), fisher.oddsRatio().value(), fci.lower(), fci.upper(),
          yates.statistic(), yates.pValue(), plain.statistic(), plain.pValue(),
          WarningJson.of(risk.warnings(), fisher.warnings(), yates.warnings()));
    });
    output.emit(cl, Rendering.of(json, out -> printText(out, json)), timing);
  }

  private static Double value(Optional<Estimate> e) {
    return e.map(Estimate::value).orElse(null);
  }

  private static Double lower(Optional<Estimate> e) {
    return e.map(x -> x.interval().orElseThrow().lower()).orElse(null);
  }

  private static Double upper(Optional<Estimate> e) {
    return e.map(x -> x.interval().orElseThrow().upper()).orElse(null);
  }

  private static String number(Double v) {
    return v == null ? "undefined" : TextTable.number(v);
  }

  private static void printText(PrintWriter out, TableJson j) {
    String level = ConfLevelOption.heading(j.confLevel());
    TextTable counts = new TextTable("", "event", "no event", "total", "risk");
    counts.row("exposed", j.a(), j.b(), j.a() + j.b(), j.riskExposed());
    counts.row("unexposed", j.c(), j.d(), j.c() + j.d(), j.riskUnexposed());
    counts.print(out);
    out.println();
    TextTable t = new TextTable("measure", "estimate", level, "p");
    t.row("Risk ratio", number(j.riskRatio()), j.riskRatio() == null ? "" : PairedCommand.interval(j.riskRatioLower(), j.riskRatioUpper()), "");
    t.row("Risk difference", j.riskDifference(), PairedCommand.interval(j.riskDifferenceLower(), j.riskDifferenceUpper()), "");
    t.row("Odds ratio (sample)", number(j.oddsRatio()), j.oddsRatio() == null ? "" : PairedCommand.interval(j.oddsRatioLower(), j.oddsRatioUpper()), "");
    t.row("Odds ratio (Fisher, conditional MLE)", j.fisherOddsRatio(), PairedCommand.interval(j.fisherOrLower(), j.fisherOrUpper()),
        TextTable.pValue(j.fisherP()));
    t.row("Chi-square, Yates (X2 = " + TextTable.number(j.chisqYates()) + ", 1 df)", "", "", TextTable.pValue(j.chisqYatesP()));
    t.row("Chi-square (X2 = " + TextTable.number(j.chisq()) + ", 1 df)", "", "", TextTable.pValue(j.chisqP()));
    t.print(out);
    out.println();
    out.println("Number needed to treat: " + j.nntDescription());
    out.println("Intervals: risk ratio and odds ratio Wald on the log scale, risk difference Wald; Fisher exact (conditional).");
    WarningJson.printNotes(out, j.warnings());
  }
}
