package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.CsvCells;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.survival.ConfType;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.KaplanMeierCurve;
import org.outcome.stats.survival.RmeanHorizon;
import org.outcome.stats.survival.SurvivalAt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome survival km}: Kaplan–Meier curves, as R's {@code survfit}. */
@Command(name = "km", mixinStandardHelpOptions = true,
    description = {
      "Kaplan-Meier survival curves by group, as R's survfit.",
      "Equal to R's survfit(Surv(time, event) ~ group): survival, standard error of",
      "the cumulative hazard, confidence limits, median with limits, restricted mean,",
      "and the curves read at chosen times (numbers at risk for plots). CSV output is",
      "the curve table."
    })
public final class KmCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin SurvivalInput input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--group", paramLabel = "COL", description = "Column of groups: one curve per group.")
  String group;

  @Option(names = "--conf-type", paramLabel = "TYPE", converter = ConfTypeConverter.class,
      completionCandidates = ConfTypeConverter.class,
      description = "Confidence limits: ${COMPLETION-CANDIDATES} (default: log, as R).")
  ConfType confType = ConfType.LOG;

  @Option(names = "--rmean-tau", paramLabel = "T",
      description = "Restrict the mean to T (default: the largest observed time, as R).")
  Double rmeanTau;

  @Option(names = "--at", split = ",", paramLabel = "T", description = "Read the curves at these times, e.g. 30,90,365.")
  double[] at = new double[0];

  /** One curve in JSON: R's survfit components and the summary table. */
  record CurveJson(String stratum, long n, long events, List<Double> time, List<Long> nRisk, List<Long> nEvent,
      List<Long> nCensor, List<Double> survival, List<Double> stdErrCumHazard, List<Double> lower, List<Double> upper,
      Double median, Double medianLower, Double medianUpper, double rmeanTau, double rmean, double rmeanSe,
      List<AtJson> at) {}

  /** A curve read at a chosen time; {@code beyondLastTime}: after the curve's last time, the last value carried. */
  record AtJson(double time, long nRisk, long nEvent, long nCensor, Double survival, Double stdErrCumHazard,
      Double stdErr, Double lower, Double upper, boolean beyondLastTime) {}

  /** The whole output. */
  record KmJson(String method, String confType, double confLevel, Double rmeanTau, long n, List<CurveJson> strata,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    double level = confLevel.value();
    if (rmeanTau != null && !(rmeanTau > 0 && Double.isFinite(rmeanTau))) {
      throw new ParameterException(spec.commandLine(), "--rmean-tau must be a positive number, got " + rmeanTau);
    }
    for (double t : at) {
      if (!(t >= 0) || !Double.isFinite(t)) {
        throw new ParameterException(spec.commandLine(), "--at times must be numbers at or above 0, got " + t);
      }
    }
    SurvivalData data = timing.read(() -> input.data(group, null));
    KaplanMeier km = KaplanMeier.withDefaults().withConfType(confType).withConfLevel(level).withTimes(at);
    if (rmeanTau != null) {
      km = km.withRmeanHorizon(RmeanHorizon.at(rmeanTau));
    }
    KaplanMeier configured = km;
    KaplanMeier.Result result = timing.analyse(() -> data.km(configured));
    KmJson json = toJson(result, group);
    output.emit(spec.commandLine(), SurvivalInput.noting(data, Rendering.of(json, out -> printText(out, json),
        out -> printCsv(out, json)), spec.commandLine().getErr()), timing);
  }

  private KmJson toJson(KaplanMeier.Result result, String groupColumn) {
    List<CurveJson> curves = new ArrayList<>();
    for (KaplanMeierCurve c : result.curves()) {
      List<AtJson> atRows = new ArrayList<>();
      for (SurvivalAt a : c.at()) {
        atRows.add(new AtJson(a.time(), a.nRisk(), a.nEvent(), a.nCensor(), Labels.json(a.survival()),
            Labels.json(a.stdErrCumHazard()), Labels.json(a.stdErrSurvival()), Labels.json(a.lower()),
            Labels.json(a.upper()), a.beyondLastTime()));
      }
      curves.add(new CurveJson(c.label(groupColumn, null), c.n(), c.events(), Labels.json(c.time()), longs(c.nRisk()),
          longs(c.nEvent()), longs(c.nCensor()), Labels.json(c.survival()), Labels.json(c.stdErrCumHazard()),
          Labels.json(c.lower()), Labels.json(c.upper()), Labels.json(c.median().median()),
          Labels.json(c.median().lower()), Labels.json(c.median().upper()), c.restrictedMean().tau(),
          c.restrictedMean().mean(), c.restrictedMean().stdErr(), atRows));
    }
    return new KmJson(result.method(), result.confType().rName(), result.confLevel(), rmeanTau, result.rows(), curves,
        WarningJson.of(result.warnings()));
  }

  private static List<Long> longs(long[] values) {
    List<Long> out = new ArrayList<>(values.length);
    for (long v : values) {
      out.add(v);
    }
    return out;
  }

  private static String level(double confLevel) {
    return TextTable.number(confLevel);
  }

  static void printText(PrintWriter out, KmJson json) {
    out.println(json.method() + " at " + TextTable.number(json.confLevel() * 100) + "%");
    out.println();
    String l = level(json.confLevel());
    TextTable summary = new TextTable("curve", "n", "events", "median", l + "LCL", l + "UCL", "rmean", "se(rmean)");
    for (CurveJson c : json.strata()) {
      summary.row(c.stratum(), c.n(), c.events(), na(c.median()), na(c.medianLower()), na(c.medianUpper()),
          c.rmean(), c.rmeanSe());
    }
    summary.print(out);
    double tau = json.strata().isEmpty() ? 0 : json.strata().get(0).rmeanTau();
    out.println("rmean: restricted mean up to " + TextTable.number(tau)
        + (json.rmeanTau() == null ? " (the largest observed time)" : ""));
    if (!json.strata().isEmpty() && !json.strata().get(0).at().isEmpty()) {
      out.println();
      out.println("Survival at chosen times");
      TextTable t = new TextTable("curve", "time", "n.risk", "n.event", "survival", "std.err", "lower", "upper", "");
      boolean beyond = false;
      for (CurveJson c : json.strata()) {
        for (AtJson a : c.at()) {
          t.row(c.stratum(), a.time(), a.nRisk(), a.nEvent(), na(a.survival()), na(a.stdErr()), na(a.lower()),
              na(a.upper()), a.beyondLastTime() ? "*" : "");
          beyond |= a.beyondLastTime();
        }
      }
      t.print(out);
      if (beyond) {
        out.println("* after the curve's last observed time: its last value carried forward, as R's");
        out.println("  summary(fit, times, extend = TRUE); no one is at risk there.");
      }
      out.println("NA where R gives NA (limits at a survival of 0).");
    }
    printWarnings(out, json.warnings());
  }

  static void printCsv(PrintWriter out, KmJson json) {
    out.println("stratum,time,nRisk,nEvent,nCensor,survival,stdErrCumHazard,lower,upper");
    for (CurveJson c : json.strata()) {
      for (int i = 0; i < c.time().size(); i++) {
        out.println(csvText(c.stratum()) + "," + csv(c.time().get(i)) + "," + c.nRisk().get(i) + "," + c.nEvent().get(i)
            + "," + c.nCensor().get(i) + "," + csv(c.survival().get(i)) + "," + csv(c.stdErrCumHazard().get(i)) + ","
            + csv(c.lower().get(i)) + "," + csv(c.upper().get(i)));
      }
    }
  }

  static void printWarnings(PrintWriter out, List<WarningJson> warnings) {
    if (!warnings.isEmpty()) {
      out.println();
      out.println("Warnings");
      warnings.forEach(w -> out.println("  " + w.message()));
    }
  }

  private static String csv(Double v) {
    return v == null ? "NA" : Double.toString(v).replaceAll("\\.0$", "");
  }

  private static String csvText(String s) {
    return CsvCells.cell(s);
  }

  static Object na(Double v) {
    return v == null ? "NA" : (Object) v;
  }
}
