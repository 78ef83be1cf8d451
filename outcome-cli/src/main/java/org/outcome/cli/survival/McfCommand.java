package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.outcome.api.sample.Factor;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.EventCodingNote;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.LevelsOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.stats.survival.recurrent.MeanCumulativeFunction;
import org.outcome.stats.survival.recurrent.RecurrentRates;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outcome survival mcf}: the mean cumulative number of events per person, and event rates. */
@Command(name = "mcf", mixinStandardHelpOptions = true,
    description = {
      "Recurrent events: the mean cumulative number of events per person by group.",
      "The Nelson-Aalen mean cumulative function over (start, stop] rows with its",
      "robust standard error clustered on the person, as R's survfit(Surv(start,",
      "stop, event) ~ group, id = id), and the event rates per group with the rate",
      "ratio and sandwich intervals (a Poisson model's own are too narrow when some",
      "people are readmitted far more often than others)."
    })
public final class McfCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;
  @Mixin IntervalColumns rows;
  @Mixin LevelsOption levels;

  @Option(names = "--reference", paramLabel = "LEVEL",
      description = "Reference group of the rate ratios (default: the first level).")
  String reference;

  @Option(names = "--group", paramLabel = "COL", description = "Column of groups: a curve and a rate each.")
  String group;

  @Option(names = "--at", split = ",", paramLabel = "T", description = "Read the curves at these times (default 30,90,180,365).")
  double[] at = {30, 90, 180, 365};

  @Option(names = "--per", paramLabel = "UNITS", defaultValue = "365.25",
      description = "Rates per this much time at risk (default 365.25: per person-year of days).")
  double per;

  /** A curve: the whole step function and its reading at the --at times. */
  record CurveJson(String group, double[] times, long[] atRisk, long[] events, double[] mean, double[] se,
      double[] lower, double[] upper, double[] at, double[] meanAt, double[] seAt) {}

  record RateJson(String group, long people, long events, double time, double rate, double lower, double upper) {}

  record RatioJson(String group, String reference, double ratio, double lower, double upper, double seLog, double p,
      double poissonSeLog, double poissonP) {}

  record Document(double confLevel, double per, List<CurveJson> curves, List<RateJson> rates, List<RatioJson> ratios) {}

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    if (!(per > 0) || Double.isInfinite(per)) {
      throw new CommandLine.ParameterException(commandLine, "--per must be a positive number");
    }
    RecurrentInput.Counting read = timing.read(() -> RecurrentInput.counting(input.file(), input.missing(),
        rows.start, rows.stop, rows.event, rows.id, group, this::ordered, null, List.of()));
    Document doc = timing.analyse(() -> {
      List<CurveJson> curves = new ArrayList<>();
      for (MeanCumulativeFunction.Curve c : MeanCumulativeFunction.fit(read.sample(), confLevel.value())) {
        double[] meanAt = new double[at.length];
        double[] seAt = new double[at.length];
        for (int k = 0; k < at.length; k++) {
          int i = c.indexAt(at[k]);
          meanAt[k] = i < 0 ? 0 : c.mean()[i];
          seAt[k] = i < 0 ? 0 : c.se()[i];
        }
        curves.add(new CurveJson(c.group(), c.times(), c.atRisk(), c.events(), c.mean(), c.se(), c.lower(), c.upper(),
            at.clone(), meanAt, seAt));
      }
      RecurrentRates.Result rates = RecurrentRates.fit(read.sample(), confLevel.value());
      return new Document(confLevel.value(), per, curves, rates.groups().stream().map(g -> new RateJson(g.group(),
          g.people(), g.events(), g.time(), g.rate() * per, g.interval().lower() * per, g.interval().upper() * per))
          .toList(), rates.ratios().stream().map(r -> new RatioJson(r.group(), r.reference(), r.ratio(),
              r.interval().lower(), r.interval().upper(), r.seLog(), r.p(), r.poissonSeLog(), r.poissonP())).toList());
    });
    output.emit(commandLine, OmittedRows.noting(read.omittedRows(), EventCodingNote.noting(read.eventCoding(),
        Rendering.of(doc, out -> text(out, doc)), commandLine.getErr()), commandLine.getErr()), timing);
  }

  private static void text(PrintWriter out, Document doc) {
    out.println("Mean cumulative number of events per person (robust SE clustered on the person)");
    TextTable t = new TextTable("group", "time", "mean", "SE");
    for (CurveJson c : doc.curves()) {
      for (int k = 0; k < c.at().length; k++) {
        t.row(c.group(), c.at()[k], c.meanAt()[k], c.seAt()[k]);
      }
    }
    t.print(out);
    out.println();
    out.println("Event rates per " + TextTable.number(doc.per()) + " units of time at risk");
    TextTable r = new TextTable("group", "people", "events", "time at risk", "rate", "CI (sandwich)");
    doc.rates().forEach(g -> r.row(g.group(), g.people(), g.events(), g.time(), g.rate(),
        TextTable.number(g.lower()) + " to " + TextTable.number(g.upper())));
    r.print(out);
    doc.ratios().forEach(x -> out.println("Rate ratio " + x.group() + " / " + x.reference() + ": "
        + TextTable.number(x.ratio()) + " (CI " + TextTable.number(x.lower()) + " to " + TextTable.number(x.upper())
        + ", sandwich), p " + TextTable.pValue(x.p()) + "; Poisson p " + TextTable.pValue(x.poissonP())));
  }

  /** The group in the order asked for: {@code --levels}, then {@code --reference} first (R's relevel). */
  private Factor ordered(Factor group) {
    Factor ordered = LevelsOption.ordered(group, levels.order());
    return reference == null ? ordered : ordered.relevel(reference);
  }
}
