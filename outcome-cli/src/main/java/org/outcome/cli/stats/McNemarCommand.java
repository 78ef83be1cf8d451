package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.List;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.paired.McNemarTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome mcnemar}: a binary outcome before and after. */
@Command(name = "mcnemar", mixinStandardHelpOptions = true,
    description = {
      "McNemar's test for a yes/no outcome before and after on the same people.",
      "Rows before (yes / no), columns after (yes / no). Chi-square with and without",
      "continuity correction (as R's mcnemar.test) and the exact binomial test on the",
      "discordant pairs (binom.test(b, b + c))."
    })
public final class McNemarCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--cells", required = true, paramLabel = "a,b,c,d",
      description = "The four counts by rows: yes-yes, yes-no, no-yes, no-no (before-after).")
  String cells;

  /** The JSON document; field names as the R fixtures ({@code mcnemar}). */
  record McNemarJson(long a, long b, long c, long d, double chisqCorrected, double pCorrected, double chisq, double p,
      double exactP, double oddsRatio, double oddsRatioLower, double oddsRatioUpper, double confLevel,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    double level = confLevel.value();
    PairedBinaryTable table = timing.read(() -> {
      long[] n = Counts.whole(cl, "--cells", cells, 4);
      return PairedBinaryTable.of(n[0], n[1], n[2], n[3]);
    });
    McNemarJson json = timing.analyse(() -> {
      McNemarTest.Result r = McNemarTest.withDefaults().withConfLevel(level).test(table);
      ConfidenceInterval ci = r.oddsRatio().interval().orElseThrow();
      return new McNemarJson(table.a(), table.b(), table.c(), table.d(), r.chisqCorrected(), r.pCorrected(),
          r.chisq(), r.p(), r.exactP(), r.oddsRatio().value(), ci.lower(), ci.upper(), level,
          WarningJson.of(r.warnings()));
    });
    output.emit(cl, Rendering.of(json, out -> printText(out, json)), timing);
  }

  private static void printText(PrintWriter out, McNemarJson json) {
    TextTable counts = new TextTable("before \\ after", "yes", "no");
    counts.row("yes", json.a(), json.b());
    counts.row("no", json.c(), json.d());
    counts.print(out);
    out.println();
    TextTable t = new TextTable("test", "statistic", "df", "p");
    t.row("McNemar, continuity-corrected", json.chisqCorrected(), 1, TextTable.pValue(json.pCorrected()));
    t.row("McNemar, uncorrected", json.chisq(), 1, TextTable.pValue(json.p()));
    t.row("Exact (binomial, b of b + c)", "b = " + json.b(), "", TextTable.pValue(json.exactP()));
    t.print(out);
    out.println();
    out.println("Conditional odds ratio b / c = " + TextTable.number(json.oddsRatio()) + " ("
        + ConfLevelOption.heading(json.confLevel()) + " "
        + PairedCommand.interval(json.oddsRatioLower(), json.oddsRatioUpper()) + ", exact)");
    WarningJson.printNotes(out, json.warnings());
  }
}
