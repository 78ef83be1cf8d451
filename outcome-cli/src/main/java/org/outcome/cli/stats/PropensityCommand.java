package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.stats.balance.LogisticRegression;
import org.outcome.stats.balance.Weighting;
import org.outcome.stats.balance.Weighting.Estimand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome propensity}: the propensity model, inverse probability weights and balance. */
@Command(name = "propensity", mixinStandardHelpOptions = true,
    description = {
      "Propensity scores for a non-random comparison group: weights and balance.",
      "Fits treat ~ covariates by logistic regression (as R's glm, binomial), gives",
      "inverse probability of treatment weights for the ATE and the ATT (and overlap",
      "weights), their effective sample sizes, the standardised mean differences of",
      "the covariates before and after weighting, and with --outcome the weighted",
      "(Hajek) differences in means. Separation is refused, naming the covariate."
    })
public final class PropensityCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;

  @Option(names = "--treatment", required = true, paramLabel = "COL", description = "Column of 1 (treated) and 0 (control).")
  String treatment;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL[,COL...]",
      description = "Numeric covariate columns (binary ones as 0/1).")
  List<String> covariates;

  @Option(names = "--outcome", paramLabel = "COL", description = "Column of the outcome, for the weighted effects.")
  String outcome;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "iptw",
      description = "iptw (ATE and ATT weights; the default), iptw-ate, iptw-att or overlap.")
  String method;

  /** The model's table. */
  record ModelJson(List<String> terms, double[] coef, double[] se, double[] z, double[] p, double deviance,
      double nullDeviance, double aic, int iterations) {}

  /** One weighting: its effective sizes, balance after it, and the effect (with --outcome). */
  record WeightingJson(String estimand, double essTreated, double essControl, double maxWeight, double[] smdAfter,
      Double effect) {}

  /**
   * The JSON document; {@code psCoef}, {@code smdBefore}, {@code ateIptw}, {@code attIptw} and
   * {@code smdAfterAte} are the fixtures' names ({@code propensity}).
   */
  record PropensityJson(String treatment, List<String> covariates, long nTreated, long nControl, double[] psCoef,
      ModelJson model, double[] smdBefore, Double ateIptw, Double attIptw, double[] smdAfterAte,
      List<WeightingJson> weightings) {}

  @Override
  public void run() {
    List<Estimand> estimands = switch (method.toLowerCase(Locale.ROOT)) {
      case "iptw" -> List.of(Estimand.ATE, Estimand.ATT);
      case "iptw-ate" -> List.of(Estimand.ATE);
      case "iptw-att" -> List.of(Estimand.ATT);
      case "overlap" -> List.of(Estimand.OVERLAP);
      default -> throw new ParameterException(spec.commandLine(), "--method: '" + method
          + "' is not one of iptw, iptw-ate, iptw-att, overlap (matching is not there yet)");
    };
    Table table = timing.read(() -> {
      TableReader reader = TableReader.of(input.file()).numeric(treatment);
      for (String c : covariates) {
        reader = reader.numeric(c);
      }
      if (outcome != null) {
        reader = reader.numeric(outcome);
      }
      return reader.read();
    });
    PropensityJson json = timing.analyse(() -> {
      double[] t = table.numeric(treatment);
      List<double[]> x = covariates.stream().map(table::numeric).toList();
      LogisticRegression.Fit fit = LogisticRegression.fit(t, covariates, x);
      double[] ps = fit.fitted();
      long treated = Arrays.stream(t).filter(v -> v == 1).count();
      double[] ones = new double[t.length];
      Arrays.fill(ones, 1);
      double[] smdBefore = Weighting.standardisedDifferences(t, x, ones, Estimand.ATE);
      double[] y = outcome == null ? null : table.numeric(outcome);
      List<WeightingJson> weightings = new ArrayList<>();
      Double ate = null;
      Double att = null;
      double[] smdAfterAte = null;
      for (Estimand e : estimands) {
        double[] w = Weighting.weights(t, ps, e, false);
        double[] smd = Weighting.standardisedDifferences(t, x, w, e);
        Double effect = y == null ? null : Weighting.difference(y, t, w);
        weightings.add(new WeightingJson(e.name(), Weighting.effectiveSize(t, w, 1), Weighting.effectiveSize(t, w, 0),
            Arrays.stream(w).max().orElse(Double.NaN), smd, effect));
        if (e == Estimand.ATE) {
          ate = effect;
          smdAfterAte = smd;
        } else if (e == Estimand.ATT) {
          att = effect;
        }
      }
      ModelJson model = new ModelJson(fit.terms(), fit.coefficients(), fit.standardErrors(), fit.z(), fit.p(),
          fit.deviance(), fit.nullDeviance(), fit.aic(), fit.iterations());
      return new PropensityJson(treatment, covariates, treated, t.length - treated, fit.coefficients(), model,
          smdBefore, ate, att, smdAfterAte, weightings);
    });
    output.emit(spec.commandLine(), Rendering.of(json, o -> printText(o, json)), timing);
  }

  private static void printText(PrintWriter out, PropensityJson j) {
    out.println("Propensity model: " + j.treatment() + " ~ " + String.join(" + ", j.covariates()) + " (logistic, "
        + j.nTreated() + " treated, " + j.nControl() + " control)");
    TextTable m = new TextTable("term", "estimate", "SE", "z", "p");
    for (int i = 0; i < j.model().terms().size(); i++) {
      m.row(j.model().terms().get(i), j.model().coef()[i], j.model().se()[i], j.model().z()[i],
          TextTable.pValue(j.model().p()[i]));
    }
    m.print(out);
    out.println("Deviance " + TextTable.number(j.model().deviance()) + " (null " + TextTable.number(j.model().nullDeviance())
        + "), AIC " + TextTable.number(j.model().aic()) + ", " + j.model().iterations() + " iterations");
    out.println();
    List<String> heads = new ArrayList<>(List.of("covariate", "SMD before"));
    j.weightings().forEach(w -> heads.add("SMD " + w.estimand()));
    TextTable b = new TextTable(heads.toArray(String[]::new));
    for (int i = 0; i < j.covariates().size(); i++) {
      List<Object> row = new ArrayList<>(List.of(j.covariates().get(i), j.smdBefore()[i]));
      for (WeightingJson w : j.weightings()) {
        row.add(w.smdAfter()[i]);
      }
      b.row(row.toArray());
    }
    b.print(out);
    out.println();
    TextTable w = new TextTable("weights", "ESS treated", "ESS control", "largest weight", "effect");
    j.weightings().forEach(x -> w.row(x.estimand(), x.essTreated(), x.essControl(), x.maxWeight(),
        x.effect() == null ? "(no --outcome)" : TextTable.number(x.effect())));
    w.print(out);
    boolean imbalance = j.weightings().stream().anyMatch(x -> Arrays.stream(x.smdAfter()).anyMatch(s -> Math.abs(s) > 0.1));
    if (imbalance) {
      out.println("Note: a covariate's standardised mean difference stays above 0.1 after weighting.");
    }
  }
}
