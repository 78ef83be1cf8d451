package org.outcome.cli.survival;

import java.util.ArrayList;
import java.util.List;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.survival.LogRank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome survival logrank}: the log-rank (G-rho) test, as R's {@code survdiff}. */
@Command(name = "logrank", mixinStandardHelpOptions = true,
    description = {
      "Log-rank test for k groups, as R's survdiff.",
      "Optionally stratified, and the G-rho family: equal to R's survdiff(Surv(time,",
      "event) ~ group + strata(s), rho = R)."
    })
public final class LogRankCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin SurvivalInput input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;

  @Option(names = "--group", required = true, paramLabel = "COL", description = "Column of groups to compare.")
  String group;

  @Option(names = "--strata", paramLabel = "COL", description = "Column of strata: a stratified test.")
  String strata;

  @Option(names = "--rho", paramLabel = "R",
      description = "Weight S(t-)^R: 0 log-rank (default), 1 Peto-Peto.")
  double rho;

  /** The output, with R's field names. */
  record LogRankJson(String method, List<String> groups, List<Long> n, List<Double> observed, List<Double> expected,
      double chisq, int df, double p, double rho, List<String> strata, List<WarningJson> warnings) {}

  @Override
  public void run() {
    if (!Double.isFinite(rho)) {
      throw new ParameterException(spec.commandLine(), "--rho must be a number, got " + rho);
    }
    SurvivalData data = timing.read(() -> input.data(group, strata));
    LogRank.Result r = timing.analyse(() -> data.logRank(LogRank.withDefaults().withRho(rho)));
    List<String> groups = r.groups().stream().map(g -> Labels.of(group, g)).toList();
    List<Long> n = new ArrayList<>();
    for (long x : r.n()) {
      n.add(x);
    }
    List<String> strataLabels = r.strata().map(l -> l.stream().map(s -> Labels.of(strata, s)).toList()).orElse(null);
    LogRankJson json = new LogRankJson(r.method(), groups, n, Labels.json(r.observed()), Labels.json(r.expected()),
        r.chisq(), r.df(), r.p(), r.rho(), strataLabels, WarningJson.of(r.warnings()));
    double[][] variance = r.variance();
    output.emit(spec.commandLine(), SurvivalInput.noting(data, Rendering.of(json, out -> {
      out.println(json.method() + (strataLabels == null ? "" : " (" + strataLabels.size() + " strata)"));
      out.println();
      TextTable t = new TextTable("group", "N", "Observed", "Expected", "(O-E)^2/E", "(O-E)^2/V");
      for (int i = 0; i < groups.size(); i++) {
        double o = r.observed()[i];
        double e = r.expected()[i];
        t.row(groups.get(i), n.get(i), o, e, (o - e) * (o - e) / e, (o - e) * (o - e) / variance[i][i]);
      }
      t.print(out);
      out.println();
      String p = TextTable.pValue(json.p());
      out.println("Chisq = " + TextTable.number(json.chisq()) + " on " + json.df() + " degrees of freedom, p "
          + (p.startsWith("<") ? p : "= " + p));
      KmCommand.printWarnings(out, json.warnings());
    }), spec.commandLine().getErr()), timing);
  }
}
