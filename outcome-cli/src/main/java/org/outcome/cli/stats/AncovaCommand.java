package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.cli.engine.AncovaRequest;
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
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.AncovaSummary;
import org.outcome.stats.groups.Coefficient;
import org.outcome.stats.groups.LinearModelFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome ancova}: ANCOVA on baseline beside the change-score comparison. */
@Command(name = "ancova", mixinStandardHelpOptions = true,
    description = {
      "ANCOVA on baseline, beside the change-score comparison.",
      "post ~ pre + group, as R's lm, treatment coding against a reference group,",
      "beside the change-score comparison (post - pre ~ group); each labelled with the",
      "assumption it makes. Rows with an empty baseline or follow-up are excluded and",
      "counted (complete cases)."
    })
public final class AncovaCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--pre", required = true, paramLabel = "COL", description = "Column of baseline scores.")
  String pre;

  @Option(names = "--post", required = true, paramLabel = "COL", description = "Column of follow-up scores.")
  String post;

  @Option(names = "--group", required = true, paramLabel = "COL", description = "Column of group labels.")
  String group;

  @Option(names = "--reference", paramLabel = "LEVEL", description = "The reference group (default: the first level).")
  String reference;

  /** An F-test. */
  record FJson(double f, int df1, int df2, double p) {}

  /** One model's table; field names as the R fixtures ({@code ancova}). */
  record ModelJson(String formula, List<String> terms, List<Double> coef, List<Double> se, List<Double> t,
      List<Double> p, List<Double> ciLower, List<Double> ciUpper, int residualDf, double rSquared,
      double adjustedRSquared, double sigma, FJson groupTest, String assumption) {
    static ModelJson of(LinearModelFit m) {
      List<Coefficient> c = m.coefficients();
      return new ModelJson(m.formula(), c.stream().map(Coefficient::term).toList(),
          c.stream().map(Coefficient::estimate).toList(), c.stream().map(Coefficient::standardError).toList(),
          c.stream().map(Coefficient::t).toList(), c.stream().map(Coefficient::pValue).toList(),
          c.stream().map(x -> x.interval().lower()).toList(), c.stream().map(x -> x.interval().upper()).toList(),
          m.residualDf(), m.rSquared(), m.adjustedRSquared(), m.sigma(),
          new FJson(m.groupTest().f(), m.groupTest().df1(), m.groupTest().df2(), m.groupTest().pValue()), m.assumption());
    }
  }

  /** A group's size and means. */
  record GroupJson(String level, long n, double meanPre, double meanPost) {}

  /** The JSON document: the ANCOVA fields at the top level (as the fixtures), the change score beside. */
  record AncovaJson(String formula, String reference, long n, long excludedMissing, double confLevel,
      List<GroupJson> groups, List<String> terms, List<Double> coef, List<Double> se, List<Double> t,
      List<Double> p, List<Double> ciLower, List<Double> ciUpper, int residualDf, double rSquared,
      double adjustedRSquared, double sigma, FJson groupTest, String assumption, ModelJson changeScore,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    double level = confLevel.value();
    AncovaRequest request = new AncovaRequest(input.location(), input.missing(), pre, post, group);
    // building the summary (complete cases, the grouping) is part of reading, as --timing reports
    // it: here, or on the engine of this run
    Summarised<AncovaSummary> read = timing.read(() -> Engines.current().map(engine -> engine.ancova(request))
        .orElseGet(() -> summarise(request)));
    AncovaJson json = timing.analyse(() -> {
      long excluded = read.rowsMissing();
      Ancova ancova = Ancova.withDefaults().withConfLevel(level).withTermNames(post, pre, group);
      if (reference != null) {
        ancova = ancova.withReference(reference);
      }
      Ancova.Result r = ancova.fit(read.summary());
      List<Warning> extra = new ArrayList<>();
      if (excluded > 0) {
        extra.add(Warning.of("complete-cases", excluded + " of " + read.rowsRead()
            + " rows lack a baseline, follow-up or group and were excluded"));
      }
      ModelJson a = ModelJson.of(r.ancova());
      return new AncovaJson(a.formula(), r.reference(), r.n(), excluded, level,
          r.groups().stream().map(s -> new GroupJson(s.level(), s.n(), s.meanPre(), s.meanPost())).toList(),
          a.terms(), a.coef(), a.se(), a.t(), a.p(), a.ciLower(), a.ciUpper(), a.residualDf(), a.rSquared(),
          a.adjustedRSquared(), a.sigma(), a.groupTest(), a.assumption(), ModelJson.of(r.changeScore()),
          WarningJson.of(extra, r.warnings()));
    });
    output.emit(cl, OmittedRows.noting(read.omittedRows(), Rendering.of(json, out -> printText(out, json)),
        cl.getErr()), timing);
  }

  /** The summary of a file's complete rows, read in this process. */
  private static Summarised<AncovaSummary> summarise(AncovaRequest request) {
    Table table = TableReader.of(Path.of(request.input())).missing(request.missing())
        .numeric(request.pre(), TableReader.Empty.AS_MISSING).numeric(request.post(), TableReader.Empty.AS_MISSING)
        .text(request.group(), TableReader.Empty.AS_MISSING).read();
    double[] x = table.numeric(request.pre());
    double[] y = table.numeric(request.post());
    String[] groups = table.text(request.group());
    // a row without a group is left out, as R's lm(post ~ pre + group) leaves it out (na.omit)
    CompleteCases complete = CompleteCases.of(List.of(x, y), List.<String[]>of(groups));
    GroupedPrePostSample sample = GroupedPrePostSample.of(complete.keep(x), complete.keep(y),
        Factor.grouping(request.group(), complete.keep(groups)));
    return new Summarised<>(AncovaSummary.of(sample), complete.total(), complete.excluded(),
        complete.omittedRows());
  }

  private static void printText(PrintWriter out, AncovaJson j) {
    out.println("Groups (reference '" + j.reference() + "'), n = " + j.n()
        + (j.excludedMissing() > 0 ? " (" + j.excludedMissing() + " incomplete rows excluded)" : ""));
    TextTable g = new TextTable("group", "n", "mean baseline", "mean follow-up");
    j.groups().forEach(x -> g.row(x.level(), x.n(), x.meanPre(), x.meanPost()));
    g.print(out);
    printModel(out, "ANCOVA: " + j.formula(), new ModelJson(j.formula(), j.terms(), j.coef(), j.se(), j.t(), j.p(),
        j.ciLower(), j.ciUpper(), j.residualDf(), j.rSquared(), j.adjustedRSquared(), j.sigma(), j.groupTest(),
        j.assumption()), j.confLevel());
    printModel(out, "Change score: " + j.changeScore().formula(), j.changeScore(), j.confLevel());
    WarningJson.printNotes(out, j.warnings());
  }

  private static void printModel(PrintWriter out, String title, ModelJson m, double confLevel) {
    out.println();
    out.println(title);
    TextTable t = new TextTable("term", "estimate", "SE", "t", "p", ConfLevelOption.heading(confLevel));
    for (int i = 0; i < m.terms().size(); i++) {
      t.row(m.terms().get(i), m.coef().get(i), m.se().get(i), m.t().get(i), TextTable.pValue(m.p().get(i)),
          PairedCommand.interval(m.ciLower().get(i), m.ciUpper().get(i)));
    }
    t.print(out);
    out.println("Residual df " + m.residualDf() + ", R-squared " + TextTable.number(m.rSquared()) + ", sigma "
        + TextTable.number(m.sigma()) + "; groups F = " + TextTable.number(m.groupTest().f()) + ", df = "
        + m.groupTest().df1() + ", " + m.groupTest().df2() + ", p " + TextTable.pValue(m.groupTest().p()));
    out.println("Assumption: " + m.assumption() + ".");
  }
}
