package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.sample.PairedBinaryTable;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.stats.paired.McNemarTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outcome mcnemar}: a binary outcome before and after. */
@Command(name = "mcnemar", mixinStandardHelpOptions = true,
    description = {
      "McNemar's test for a binary outcome measured before and after on the same people: rows before",
      "(yes / no), columns after (yes / no). Chi-square with and without continuity correction (as R's",
      "mcnemar.test) and the exact binomial test on the discordant pairs (binom.test(b, b + c))."
    })
public final class McNemarCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;

  @Option(names = "--cells", required = true, paramLabel = "a,b,c,d",
      description = "The four counts by rows: yes-yes, yes-no, no-yes, no-no (before-after).")
  String cells;

  @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of the odds ratio's interval (default: ${DEFAULT-VALUE}).")
  double confLevel;

  /** The JSON document; field names as the R fixtures ({@code mcnemar}). */
  record McNemarJson(long a, long b, long c, long d, double chisqCorrected, double pCorrected, double chisq, double p,
      double exactP, double oddsRatio, double oddsRatioLower, double oddsRatioUpper, double confLevel,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new CommandLine.ParameterException(cl, "--conf-level must be between 0 and 1, got " + confLevel);
    }
    PairedBinaryTable table = timing.read(() -> {
      long[] n = Counts.whole(cl, "--cells", cells, 4);
      return PairedBinaryTable.of(n[0], n[1], n[2], n[3]);
    });
    McNemarJson json = timing.analyse(() -> {
      McNemarTest.Result r = McNemarTest.withDefaults().withConfLevel(confLevel).test(table);
      ConfidenceInterval ci = r.oddsRatio().interval().orElseThrow();
      return new McNemarJson(table.a(), table.b(), table.c(), table.d(), r.chisqCorrected(), r.pCorrected(),
          r.chisq(), r.p(), r.exactP(), r.oddsRatio().value(), ci.lower(), ci.upper(), confLevel,
          WarningJson.of(r.warnings()));
    });
    output.emit(cl, new Rendering() {
      @Override
      public Object json() {
        return json;
      }

      @Override
      public void text(PrintWriter out) {
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
            + String.format(Locale.ROOT, "%.0f%% CI ", json.confLevel() * 100)
            + PairedCommand.interval(json.oddsRatioLower(), json.oddsRatioUpper()) + ", exact)");
        for (WarningJson w : json.warnings()) {
          out.println("Note: " + w.message());
        }
      }
    }, timing);
  }
}
