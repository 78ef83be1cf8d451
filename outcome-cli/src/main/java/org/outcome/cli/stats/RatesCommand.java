package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.List;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.tables.RateRatioTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome rates}: the ratio of two event rates on person-time. */
@Command(name = "rates", mixinStandardHelpOptions = true,
    description = {
      "Event rates on person-time in two groups, as R's poisson.test.",
      "Readmissions per person-year: the rate ratio (first / second) with the exact",
      "conditional test and interval, as R's poisson.test."
    })
public final class RatesCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;
  @Mixin AlternativeOption alternative;

  @Option(names = "--events", required = true, paramLabel = "a,b", description = "Event counts of the two groups.")
  String events;

  @Option(names = "--person-time", required = true, paramLabel = "x,y", description = "Person-time at risk of the two groups.")
  String personTime;

  /** The JSON document; field names as the R fixtures ({@code rate-ratio}). */
  record RatesJson(List<Long> events, List<Double> personTime, double rate1, double rate2, double rateRatio,
      double lower, double upper, double p, double expectedEvents1, double confLevel, String alternative,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    double level = confLevel.value();
    PersonTimeCounts counts = timing.read(() -> {
      long[] x = Counts.whole(cl, "--events", events, 2);
      double[] t = Counts.numbers(cl, "--person-time", personTime, 2);
      return new PersonTimeCounts(x[0], t[0], x[1], t[1]);
    });
    RatesJson json = timing.analyse(() -> {
      RateRatioTest.Result r = RateRatioTest.withDefaults().withConfLevel(level).withAlternative(alternative.value())
          .test(counts);
      ConfidenceInterval ci = r.rateRatio().interval().orElseThrow();
      return new RatesJson(List.of(r.events1(), r.events2()), List.of(r.personTime1(), r.personTime2()), r.rate1(),
          r.rate2(), r.rateRatio().value(), ci.lower(), ci.upper(), r.pValue(), r.expectedEvents1(), level,
          alternative.value().rName(), WarningJson.of(r.warnings()));
    });
    output.emit(cl, Rendering.of(json, out -> printText(out, json)), timing);
  }

  private static void printText(PrintWriter out, RatesJson json) {
    TextTable t = new TextTable("group", "events", "person-time", "rate");
    t.row("first", json.events().get(0), json.personTime().get(0), json.rate1());
    t.row("second", json.events().get(1), json.personTime().get(1), json.rate2());
    t.print(out);
    out.println();
    out.println("Rate ratio (first / second) " + TextTable.number(json.rateRatio()) + " ("
        + ConfLevelOption.heading(json.confLevel()) + " "
        + PairedCommand.interval(json.lower(), json.upper()) + "), exact conditional p "
        + TextTable.pValue(json.p()) + " (alternative " + json.alternative() + ")");
    WarningJson.printNotes(out, json.warnings());
  }
}
