package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.util.List;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.survival.Rmst;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome survival rmst}: restricted mean survival time by group, and group differences and ratios. */
@Command(name = "rmst", mixinStandardHelpOptions = true,
    description = {
      "Restricted mean survival time up to tau, by group and between groups.",
      "By group as R's print(survfit, rmean = tau), and each group against the",
      "reference: difference and ratio with CI and p (as survRM2's rmst2). In tenure",
      "terms: mean days in the community within tau."
    })
public final class RmstCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin SurvivalInput input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--group", required = true, paramLabel = "COL", description = "Column of groups.")
  String group;

  @Option(names = "--tau", required = true, paramLabel = "T", description = "Restriction time.")
  double tau;

  @Option(names = "--reference", paramLabel = "LEVEL", description = "Reference group (default: the first in R's order).")
  String reference;

  /** One group. */
  record GroupJson(String group, long n, long events, double rmean, double rmeanSe, double lower, double upper) {}

  /** One contrast; the p-values are null where the standard error is 0 (no test: see the warnings). */
  record ContrastJson(String group, String reference, double difference, double differenceSe, double differenceLower,
      double differenceUpper, Double differenceP, double ratio, double logRatioSe, double ratioLower, double ratioUpper,
      Double ratioP) {}

  /** The output. */
  record RmstJson(String method, double tau, double confLevel, List<GroupJson> groups, List<ContrastJson> contrasts,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    if (!(tau > 0) || !Double.isFinite(tau)) {
      throw new ParameterException(spec.commandLine(), "--tau must be a positive number, got " + tau);
    }
    double level = confLevel.value();
    SurvivalData data = timing.read(() -> input.data(group, null));
    Rmst rmst = Rmst.withDefaults().withTau(tau).withConfLevel(level);
    Rmst configured = reference == null ? rmst : rmst.withReference(reference);
    Rmst.Result r = timing.analyse(() -> data.rmst(configured));
    RmstJson json = new RmstJson(r.method(), r.tau(), r.confLevel(),
        r.groups().stream().map(g -> new GroupJson(Labels.of(group, g.group()), g.n(), g.events(), g.rmean(),
            g.stdErr(), g.interval().lower(), g.interval().upper())).toList(),
        r.contrasts().stream().map(c -> new ContrastJson(Labels.of(group, c.group()), Labels.of(group, c.reference()),
            c.difference(), c.differenceStdErr(), c.differenceInterval().lower(), c.differenceInterval().upper(),
            Labels.json(c.differenceP()), c.ratio(), c.logRatioStdErr(), c.ratioInterval().lower(),
            c.ratioInterval().upper(), Labels.json(c.ratioP()))).toList(),
        WarningJson.of(r.warnings()));
    output.emit(spec.commandLine(), SurvivalInput.noting(data, Rendering.of(json, out -> printText(out, json)),
        spec.commandLine().getErr()), timing);
  }

  private static void printText(PrintWriter out, RmstJson json) {
    String l = TextTable.number(json.confLevel() * 100) + "%";
    out.println("Restricted mean survival time up to tau = " + TextTable.number(json.tau()));
    out.println();
    TextTable g = new TextTable("group", "n", "events", "rmean", "se", l + " lower", l + " upper");
    json.groups().forEach(x -> g.row(x.group(), x.n(), x.events(), x.rmean(), x.rmeanSe(), x.lower(), x.upper()));
    g.print(out);
    if (!json.contrasts().isEmpty()) {
      out.println();
      TextTable c = new TextTable("contrast", "difference", "lower", "upper", "p", "ratio", "lower", "upper", "p");
      json.contrasts().forEach(x -> c.row(x.group() + " vs " + x.reference(), x.difference(), x.differenceLower(),
          x.differenceUpper(), p(x.differenceP()), x.ratio(), x.ratioLower(), x.ratioUpper(), p(x.ratioP())));
      c.print(out);
    }
    KmCommand.printWarnings(out, json.warnings());
  }

  private static String p(Double p) {
    return p == null ? "NA" : TextTable.pValue(p);
  }
}
