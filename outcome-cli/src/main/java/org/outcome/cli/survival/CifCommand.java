package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.LevelsOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.stats.survival.competing.CumulativeIncidence;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outcome survival cif}: cumulative incidence of competing events, and Gray's test. */
@Command(name = "cif", mixinStandardHelpOptions = true,
    description = {
      "Competing risks: the cumulative incidence of each cause by group.",
      "The probability of each kind of event by a time when another can come first",
      "(readmission, with death competing), as cmprsk's cuminc and timepoints: the",
      "estimate and its variance at the --at times, and with --group Gray's test for",
      "each cause. Status: 0 censored, 1, 2, ... the cause."
    })
public final class CifCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin StatusColumns columns;
  @Mixin LevelsOption levels;

  @Option(names = "--group", paramLabel = "COL", description = "Column of groups: curves each, and Gray's test.")
  String group;

  @Option(names = "--strata", paramLabel = "COL", description = "Column of strata for Gray's test.")
  String strata;

  @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0", description = "Gray's test weight power (default 0).")
  double rho;

  @Option(names = "--at", split = ",", paramLabel = "T", description = "Times to read the curves at (default 30,90,180,365).")
  double[] at = {30, 90, 180, 365};

  /** A curve read at the times; null beyond the group's last follow-up (as cmprsk's NA). */
  record CurveJson(String group, int cause, double[] times, List<Double> estimate, List<Double> variance) {}

  record TestJson(int cause, double statistic, int df, double p) {}

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    if (strata != null && group == null) {
      throw new CommandLine.ParameterException(commandLine, "--strata stratifies Gray's test, which needs --group");
    }
    RecurrentInput.Competing read = timing.read(() -> RecurrentInput.competing(input.file(), input.missing(),
        columns.time, columns.status, group, f -> LevelsOption.ordered(f, levels.order()), strata, List.of(),
        columns.causes));
    Map<String, Object> doc = timing.analyse(() -> {
      CumulativeIncidence.Result r = CumulativeIncidence.fit(read.sample(), rho);
      List<CurveJson> curves = new ArrayList<>();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("times", at.clone());
      for (CumulativeIncidence.Curve c : r.curves()) {
        List<Double> est = new ArrayList<>();
        List<Double> var = new ArrayList<>();
        for (double t : at) {
          est.add(value(c.at(t)));
          var.add(value(c.varianceAt(t)));
        }
        curves.add(new CurveJson(c.group(), c.cause(), at.clone(), est, var));
        if (group == null) {
          out.put("cifCause" + c.cause(), est);
          out.put("cifVarCause" + c.cause(), var);
        }
      }
      out.put("curves", curves);
      out.put("rho", rho);
      out.put("tests", r.tests().stream().map(t -> new TestJson(t.cause(), t.statistic(), t.df(), t.p())).toList());
      return out;
    });
    output.emit(commandLine, OmittedRows.noting(read.omittedRows(), Rendering.of(doc, out -> text(out, doc)),
        commandLine.getErr()), timing);
  }

  private static Double value(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }

  @SuppressWarnings("unchecked")
  private static void text(PrintWriter out, Map<String, Object> doc) {
    out.println("Cumulative incidence (cmprsk's cuminc); - beyond a group's last follow-up");
    TextTable t = new TextTable("group", "cause", "time", "incidence", "SE");
    for (CurveJson c : (List<CurveJson>) doc.get("curves")) {
      for (int k = 0; k < c.times().length; k++) {
        Double e = c.estimate().get(k);
        Double v = c.variance().get(k);
        t.row(c.group(), c.cause(), c.times()[k], e == null ? "-" : TextTable.number(e),
            v == null ? "-" : TextTable.number(Math.sqrt(v)));
      }
    }
    t.print(out);
    for (TestJson g : (List<TestJson>) doc.get("tests")) {
      out.println("Gray's test, cause " + g.cause() + ": chisq " + TextTable.number(g.statistic()) + " on " + g.df()
          + " df, p " + TextTable.pValue(g.p()));
    }
  }
}
