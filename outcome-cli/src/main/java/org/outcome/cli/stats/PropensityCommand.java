package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.cli.io.CompleteCases;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.io.EventCoding;
import org.outcome.io.RowProblems;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.io.TableReader.Empty;
import org.outcome.stats.balance.LogisticRegression;
import org.outcome.stats.balance.NearestNeighbourMatching;
import org.outcome.stats.balance.NearestNeighbourMatching.Order;
import org.outcome.stats.balance.WeightedKaplanMeier;
import org.outcome.stats.balance.Weighting;
import org.outcome.stats.balance.Weighting.Effect;
import org.outcome.stats.balance.Weighting.Estimand;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.Variance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome propensity}: the propensity model, then weights or matching, balance and effects. */
@Command(name = "propensity", mixinStandardHelpOptions = true,
    description = {
      "Propensity scores for a non-random comparison group: weights or matching.",
      "Fits treat ~ covariates by logistic regression (as R's glm, binomial), then",
      "either weights (inverse probability weights for the ATE and the ATT, or",
      "overlap weights) or matches (greedy nearest neighbour on the score, as",
      "MatchIt's method = \"nearest\"), and shows the standardised mean differences",
      "of the covariates before and after, the effective sample sizes, and with",
      "--outcome the adjusted difference in means with robust standard errors,",
      "and with --time and --event weighted Kaplan-Meier curves per group and",
      "the hazard ratio of a weighted Cox model with a robust variance.",
      "Separation is refused, naming the covariate. Rows with an empty cell are",
      "left out (as R's na.omit) and listed."
    })
public final class PropensityCommand implements Runnable {
  private static final double IMBALANCE = 0.1;

  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;

  @Option(names = "--treatment", required = true, paramLabel = "COL", description = "Column of 1 (treated) and 0 (control).")
  String treatment;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL[,COL...]",
      description = "Numeric covariate columns (binary ones as 0/1).")
  List<String> covariates;

  @Option(names = "--outcome", paramLabel = "COL", description = "Column of the outcome, for the adjusted effect.")
  String outcome;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "iptw",
      description = "iptw (ATE and ATT weights; the default), iptw-ate, iptw-att, overlap or match.")
  String method;

  @Option(names = "--stabilised", description = "Stabilise the ATE weights (multiply by the group's share).")
  boolean stabilised;

  @Option(names = "--trim", paramLabel = "Q",
      description = "Trim weights above their Q-th quantile to it (for example 0.99).")
  Double trim;

  @Option(names = "--ratio", paramLabel = "K", defaultValue = "1", description = "Controls per treated unit (match).")
  int ratio;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "largest",
      description = "Who chooses first (match): largest (default), smallest, data or random.")
  String order;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of --order random.")
  long seed;

  @Option(names = "--caliper", paramLabel = "C", description = "Match only within C standard deviations of the score.")
  Double caliper;

  @Option(names = "--caliper-raw", description = "Read --caliper in the score's own units, not SDs.")
  boolean caliperRaw;

  @Option(names = "--replace", description = "Match with replacement (a control may serve several).")
  boolean replace;

  @Option(names = "--exact", split = ",", paramLabel = "COL[,COL...]",
      description = "Match only within equal values of these columns.")
  List<String> exact = List.of();

  @Option(names = "--logit", description = "Match on the logit of the score rather than the score.")
  boolean logit;

  @Option(names = "--time", paramLabel = "COL", description = "Time to event, for weighted Kaplan-Meier curves.")
  String time;

  @Option(names = "--event", paramLabel = "COL",
      description = "Column of events, with --time: 0/1, 1/2 or TRUE/FALSE, as R's Surv.")
  String event;

  @Option(names = "--at", split = ",", paramLabel = "T",
      description = "Read the weighted curves at these times (default 30,90,180,365).")
  double[] at = {30, 90, 180, 365};

  /**
   * A group's weighted Kaplan-Meier curve read at the {@code --at} times, as R's {@code
   * summary(survfit(..., weights = w), times, extend = TRUE)}: robust (infinitesimal jackknife) SE,
   * log limits.
   */
  record SurvivalJson(String weights, String group, double[] times, double[] survival, double[] se, double[] lower,
      double[] upper) {}

  /**
   * The treatment's hazard ratio from the Cox model on the weighted or matched rows, as R's {@code
   * coxph(Surv(time, event) ~ treat, weights = w, robust = TRUE)} (Efron ties), clustered on the
   * matched set after matching without replacement ({@code cluster = subclass}); {@code se} is
   * robust, {@code naiveSe} model-based, the interval 95%.
   */
  record HazardRatioJson(String weights, double hazardRatio, double lower, double upper, double coef, double se,
      double naiveSe, double p, Integer clusters) {}

  /** The model's table. */
  record ModelJson(List<String> terms, double[] coef, double[] se, double[] z, double[] p, double deviance,
      double nullDeviance, double aic, int iterations) {}

  /** One weighting: its effective sizes, balance after it, and the effect with its HC0 SE (with --outcome). */
  record WeightingJson(String estimand, double essTreated, double essControl, double maxWeight, double[] smdAfter,
      double[] varianceRatioAfter, Double effect, Double effectSe, List<SurvivalJson> survival,
      HazardRatioJson hazardRatio) {}

  /**
   * The weighting document; {@code psCoef}, {@code smdBefore}, {@code ateIptw}, {@code attIptw} and
   * {@code smdAfterAte} are the fixtures' names ({@code propensity}).
   */
  record WeightingDocument(String treatment, List<String> covariates, long nTreated, long nControl, double[] psCoef,
      ModelJson model, double commonSupport, Double trimmedAt, double[] smdBefore, double[] varianceRatioBefore,
      Double ateIptw, Double attIptw, double[] smdAfterAte, List<WeightingJson> weightings) {}

  /**
   * The matching document; the fields named as the fixtures' ({@code propensity-matching},
   * {@code propensity-caliper}); rows from 1; {@code attSe} clustered on the matched set (absent
   * with replacement), {@code attSeHc0} HC0.
   */
  record MatchingDocument(String treatment, List<String> covariates, long nTreated, long nControl, double[] psCoef,
      ModelJson model, double commonSupport, double[] distance, int matchedTreated, long matchedControl,
      List<Integer> matchedRows, List<Double> weights, List<List<Integer>> pairs, int unmatchedTreated,
      Double caliperWidth, double essControl, double[] smdBefore, double[] smdMatched, double[] varianceRatioBefore,
      double[] varianceRatioMatched, Double att, Double attSe, Double attSeHc0, List<SurvivalJson> survival,
      HazardRatioJson hazardRatio) {}

  @Override
  public void run() {
    boolean matching = method.equalsIgnoreCase("match");
    List<Estimand> estimands = switch (method.toLowerCase(Locale.ROOT)) {
      case "iptw" -> List.of(Estimand.ATE, Estimand.ATT);
      case "iptw-ate" -> List.of(Estimand.ATE);
      case "iptw-att" -> List.of(Estimand.ATT);
      case "overlap" -> List.of(Estimand.OVERLAP);
      case "match" -> List.of();
      default -> throw new ParameterException(spec.commandLine(), "--method: '" + method
          + "' is not one of iptw, iptw-ate, iptw-att, overlap, match");
    };
    NearestNeighbourMatching matcher = matching ? matcher() : null;
    if (!matching && (caliper != null || replace || !exact.isEmpty() || logit || ratio != 1)) {
      throw new ParameterException(spec.commandLine(),
          "--ratio, --caliper, --replace, --exact and --logit are options of --method match");
    }
    if ((time == null) != (event == null)) {
      throw new ParameterException(spec.commandLine(), "--time and --event go together");
    }
    if (matching && (trim != null || stabilised)) {
      throw new ParameterException(spec.commandLine(), "--trim and --stabilised are options of the weighting methods");
    }
    Table table = timing.read(() -> {
      TableReader reader = TableReader.of(input.file()).missing(input.missing()).numeric(treatment, Empty.AS_MISSING);
      for (String c : covariates) {
        reader = reader.numeric(c, Empty.AS_MISSING);
      }
      if (outcome != null) {
        reader = reader.numeric(outcome, Empty.AS_MISSING);
      }
      if (time != null) {
        reader = reader.numeric(time, Empty.AS_MISSING).text(event, Empty.AS_MISSING);
      }
      for (String e : exact) {
        reader = reader.text(e, Empty.AS_MISSING);
      }
      return reader.read();
    });
    List<double[]> numeric = new ArrayList<>();
    numeric.add(table.numeric(treatment));
    covariates.forEach(c -> numeric.add(table.numeric(c)));
    if (outcome != null) {
      numeric.add(table.numeric(outcome));
    }
    List<String[]> factors = exact.stream().map(table::text).toList();
    List<String[]> text = new ArrayList<>(factors);
    // coded as R's Surv codes it, from every present cell of the column (before na.omit)
    EventCoding.Decoded events = event == null ? null : EventCoding.decode(event, table.text(event));
    if (time != null) {
      double[] times = table.numeric(time);
      RowProblems problems = new RowProblems();
      for (int i = 0; i < times.length; i++) {
        if (times[i] < 0) {
          problems.add(i + 1L, time, "negative");
        }
      }
      problems.throwIfAny("invalid values in " + input.file().getFileName());
      numeric.add(times);
      text.add(table.text(event));
    }
    CompleteCases complete = CompleteCases.of(numeric, text);
    Object document = timing.analyse(() -> {
      double[] t = complete.keep(numeric.get(0));
      List<double[]> x = covariates.stream().map(c -> complete.keep(table.numeric(c))).toList();
      double[] y = outcome == null ? null : complete.keep(table.numeric(outcome));
      survivalTimes = time == null ? null : complete.keep(table.numeric(time));
      survivalEvents = time == null ? null : complete.keep(events.events());
      LogisticRegression.Fit fit = LogisticRegression.fit(t, covariates, x);
      ModelJson model = new ModelJson(fit.terms(), fit.coefficients(), fit.standardErrors(), fit.z(), fit.p(),
          fit.deviance(), fit.nullDeviance(), fit.aic(), fit.iterations());
      return matching ? matched(matcher, t, x, y, fit.fitted(), strata(factors, complete), model)
          : weighted(estimands, t, x, y, fit.fitted(), model);
    });
    Rendering rendering = document instanceof MatchingDocument m ? Rendering.of(m, o -> printText(o, m))
        : Rendering.of(document, o -> printText(o, (WeightingDocument) document));
    output.emit(spec.commandLine(), OmittedRows.noting(complete.omittedRows(), rendering, spec.commandLine().getErr()),
        timing);
  }

  private double[] survivalTimes;
  private boolean[] survivalEvents;

  /** Each group's weighted curve read at the --at times; empty without --time. */
  private List<SurvivalJson> survival(String weights, double[] t, double[] w) {
    if (survivalTimes == null) {
      return List.of();
    }
    List<SurvivalJson> out = new ArrayList<>();
    for (int g = 1; g >= 0; g--) {
      int group = g;
      int[] rows = IntStream.range(0, t.length).filter(i -> t[i] == group && w[i] > 0).toArray();
      WeightedKaplanMeier.Curve c = WeightedKaplanMeier.fit(
          Arrays.stream(rows).mapToDouble(i -> survivalTimes[i]).toArray(), toFlags(rows),
          Arrays.stream(rows).mapToDouble(i -> w[i]).toArray(), 0.95);
      double[] surv = new double[at.length];
      double[] se = new double[at.length];
      double[] lower = new double[at.length];
      double[] upper = new double[at.length];
      for (int k = 0; k < at.length; k++) {
        int i = c.indexAt(at[k]);
        surv[k] = i < 0 ? 1 : c.survival()[i];
        se[k] = i < 0 ? 0 : c.stdErr()[i];
        lower[k] = i < 0 ? 1 : c.lower()[i];
        upper[k] = i < 0 ? 1 : c.upper()[i];
      }
      out.add(new SurvivalJson(weights, g == 1 ? "treated" : "control", at.clone(), surv, se, lower, upper));
    }
    return out;
  }

  /**
   * The weighted Cox model's hazard ratio of treatment over the rows with a weight above 0; null
   * without --time.
   *
   * @param cluster each row's matched set (rows outside every set are not used), or null for each
   *     row its own cluster
   */
  private HazardRatioJson hazardRatio(String weights, double[] t, double[] w, int[] cluster) {
    if (survivalTimes == null) {
      return null;
    }
    int[] rows = IntStream.range(0, t.length).filter(i -> w[i] > 0).toArray();
    SurvivalSample.Builder sample = SurvivalSample.builder(Arrays.stream(rows).mapToDouble(i -> survivalTimes[i])
        .toArray(), toFlags(rows)).covariate(treatment, Arrays.stream(rows).mapToDouble(i -> t[i]).toArray());
    if (cluster != null) {
      sample.cluster(Factor.of(Arrays.stream(rows).mapToObj(i -> Integer.toString(cluster[i])).toArray(String[]::new)));
    }
    CoxPh.Result fit = CoxPh.withDefaults().withVariance(Variance.ROBUST).withConcordance(false)
        .withProportionalHazardsTest(false).fit(sample.build(), Arrays.stream(rows).mapToDouble(i -> w[i]).toArray());
    CoxTerm term = fit.terms().get(0);
    return new HazardRatioJson(weights, term.hazardRatio(), term.hazardRatioInterval().lower(),
        term.hazardRatioInterval().upper(), term.coef(), term.se(), term.naiveSe().orElseThrow(), term.p(),
        fit.clusters().isPresent() ? fit.clusters().getAsInt() : null);
  }

  private boolean[] toFlags(int[] rows) {
    boolean[] out = new boolean[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = survivalEvents[rows[k]];
    }
    return out;
  }

  private NearestNeighbourMatching matcher() {
    Order o;
    try {
      o = Order.valueOf(order.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--order: '" + order
          + "' is not one of largest, smallest, data, random");
    }
    if (ratio < 1) {
      throw new ParameterException(spec.commandLine(), "--ratio must be at least 1");
    }
    if (caliper != null && !(caliper > 0 && Double.isFinite(caliper))) {
      throw new ParameterException(spec.commandLine(), "--caliper must be a positive number");
    }
    NearestNeighbourMatching m = NearestNeighbourMatching.withDefaults().withRatio(ratio).withOrder(o).withSeed(seed)
        .withReplacement(replace);
    return caliper == null ? m : m.withCaliper(caliper, !caliperRaw);
  }

  /** Each complete row's stratum: one code per distinct combination of the exact columns' values. */
  private static int[] strata(List<String[]> factors, CompleteCases complete) {
    List<String[]> kept = factors.stream().map(complete::keep).toList();
    int n = complete.total() - complete.excluded();
    int[] strata = new int[n];
    Map<List<String>, Integer> codes = new HashMap<>();
    for (int i = 0; i < n; i++) {
      List<String> key = new ArrayList<>(kept.size());
      for (String[] f : kept) {
        key.add(f[i]);
      }
      strata[i] = codes.computeIfAbsent(key, k -> codes.size());
    }
    return strata;
  }

  private WeightingDocument weighted(List<Estimand> estimands, double[] t, List<double[]> x, double[] y, double[] ps,
      ModelJson model) {
    long treated = Arrays.stream(t).filter(v -> v == 1).count();
    double[] smdBefore = Weighting.standardisedDifferences(t, x, ones(t.length), Estimand.ATE);
    List<WeightingJson> weightings = new ArrayList<>();
    Double ate = null;
    Double att = null;
    double[] smdAfterAte = null;
    for (Estimand e : estimands) {
      double[] w = Weighting.weights(t, ps, e, stabilised);
      if (trim != null) {
        w = Weighting.trim(w, t, e, trim);
      }
      double[] smd = Weighting.standardisedDifferences(t, x, w, e);
      Effect effect = y == null ? null : Weighting.effect(y, t, w);
      weightings.add(new WeightingJson(e.name(), Weighting.effectiveSize(t, w, 1), Weighting.effectiveSize(t, w, 0),
          Arrays.stream(w).max().orElse(Double.NaN), smd, Weighting.varianceRatios(t, x, w),
          effect == null ? null : effect.estimate(),
          effect == null ? null : effect.seHc0(), survival(e.name(), t, w), hazardRatio(e.name(), t, w, null)));
      if (e == Estimand.ATE) {
        ate = effect == null ? null : effect.estimate();
        smdAfterAte = smd;
      } else if (e == Estimand.ATT) {
        att = effect == null ? null : effect.estimate();
      }
    }
    return new WeightingDocument(treatment, covariates, treated, t.length - treated, model.coef(), model,
        Weighting.commonSupport(t, ps), trim, smdBefore, Weighting.varianceRatios(t, x, ones(t.length)), ate, att,
        smdAfterAte, weightings);
  }

  private MatchingDocument matched(NearestNeighbourMatching matcher, double[] t, List<double[]> x, double[] y,
      double[] ps, int[] strata, ModelJson model) {
    long treated = Arrays.stream(t).filter(v -> v == 1).count();
    double[] distance = logit ? Arrays.stream(ps).map(p -> Math.log(p / (1 - p))).toArray() : ps;
    NearestNeighbourMatching.Result m = matcher.match(t, distance, strata);
    double[] w = m.weights();
    List<Integer> rows = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0) {
        rows.add(i + 1);
        weights.add(w[i]);
      }
    }
    List<List<Integer>> pairs = new ArrayList<>();
    for (NearestNeighbourMatching.Match match : m.matches()) {
      List<Integer> set = new ArrayList<>();
      set.add(match.treated() + 1);
      match.controls().forEach(c -> set.add(c + 1));
      pairs.add(set);
    }
    Effect effect = y == null ? null : replace ? Weighting.effect(y, t, w) : Weighting.effect(y, t, w, m.matchedSets());
    return new MatchingDocument(treatment, covariates, treated, t.length - treated, model.coef(), model,
        Weighting.commonSupport(t, ps), distance, m.matchedTreated(), m.matchedControls(), rows, weights, pairs,
        m.unmatchedTreated().size(), m.caliperWidth().isPresent() ? m.caliperWidth().getAsDouble() : null,
        Weighting.effectiveSize(t, w, 0), Weighting.standardisedDifferencesAsMatchIt(t, x, ones(t.length)),
        Weighting.standardisedDifferencesAsMatchIt(t, x, w), Weighting.varianceRatios(t, x, ones(t.length)),
        Weighting.varianceRatios(t, x, w), effect == null ? null : effect.estimate(),
        effect == null || effect.seClustered().isEmpty() ? null : effect.seClustered().getAsDouble(),
        effect == null ? null : effect.seHc0(), survival("MATCHED", t, w),
        hazardRatio("MATCHED", t, w, replace ? null : m.matchedSets()));
  }

  private static double[] ones(int n) {
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    return ones;
  }

  private static void printModel(PrintWriter out, String treatment, List<String> covariates, long nTreated,
      long nControl, ModelJson model, double commonSupport) {
    out.println("Propensity model: " + treatment + " ~ " + String.join(" + ", covariates) + " (logistic, "
        + nTreated + " treated, " + nControl + " control)");
    TextTable m = new TextTable("term", "estimate", "SE", "z", "p");
    for (int i = 0; i < model.terms().size(); i++) {
      m.row(model.terms().get(i), model.coef()[i], model.se()[i], model.z()[i], TextTable.pValue(model.p()[i]));
    }
    m.print(out);
    out.println("Deviance " + TextTable.number(model.deviance()) + " (null " + TextTable.number(model.nullDeviance())
        + "), AIC " + TextTable.number(model.aic()) + ", " + model.iterations() + " iterations; "
        + TextTable.number(100 * commonSupport) + "% of units in the region of common support");
    out.println();
  }

  private static void printImbalance(PrintWriter out, boolean imbalance, String after) {
    if (imbalance) {
      out.println("Note: a covariate's standardised mean difference stays above " + IMBALANCE + " after " + after
          + ".");
    }
  }

  private static boolean anyAbove(double[] smd) {
    return Arrays.stream(smd).anyMatch(s -> Math.abs(s) > IMBALANCE);
  }

  private static void printText(PrintWriter out, WeightingDocument j) {
    printModel(out, j.treatment(), j.covariates(), j.nTreated(), j.nControl(), j.model(), j.commonSupport());
    List<String> heads = new ArrayList<>(List.of("covariate", "SMD before"));
    j.weightings().forEach(w -> heads.add("SMD " + w.estimand()));
    heads.add("VR before");
    j.weightings().forEach(w -> heads.add("VR " + w.estimand()));
    TextTable b = new TextTable(heads.toArray(String[]::new));
    for (int i = 0; i < j.covariates().size(); i++) {
      List<Object> row = new ArrayList<>(List.of(j.covariates().get(i), j.smdBefore()[i]));
      for (WeightingJson w : j.weightings()) {
        row.add(w.smdAfter()[i]);
      }
      row.add(j.varianceRatioBefore()[i]);
      for (WeightingJson w : j.weightings()) {
        row.add(w.varianceRatioAfter()[i]);
      }
      b.row(row.toArray());
    }
    b.print(out);
    out.println();
    TextTable w = new TextTable("weights", "ESS treated", "ESS control", "largest weight", "effect", "SE (HC0)");
    j.weightings().forEach(x -> w.row(x.estimand(), x.essTreated(), x.essControl(), x.maxWeight(),
        x.effect() == null ? "(no --outcome)" : TextTable.number(x.effect()),
        x.effectSe() == null ? "" : TextTable.number(x.effectSe())));
    w.print(out);
    if (j.trimmedAt() != null) {
      out.println("Weights trimmed at their " + j.trimmedAt() + " quantile.");
    }
    printImbalance(out, j.weightings().stream().anyMatch(x -> anyAbove(x.smdAfter())), "weighting");
    j.weightings().forEach(x -> printSurvival(out, x.survival()));
    j.weightings().forEach(x -> printHazardRatio(out, x.hazardRatio()));
  }

  private static void printHazardRatio(PrintWriter out, HazardRatioJson hr) {
    if (hr == null) {
      return;
    }
    String design = hr.weights().equals("MATCHED") ? "matched rows" : hr.weights() + " weights";
    out.println("Hazard ratio (" + design + ", Cox with a robust SE" + (hr.clusters() == null ? ""
        : " clustered on " + hr.clusters() + " matched sets") + "): " + TextTable.number(hr.hazardRatio()) + " (95% CI "
        + TextTable.number(hr.lower()) + " to " + TextTable.number(hr.upper()) + "), p " + TextTable.pValue(hr.p()));
  }

  private static void printSurvival(PrintWriter out, List<SurvivalJson> curves) {
    if (curves.isEmpty()) {
      return;
    }
    out.println();
    TextTable t = new TextTable("weights", "group", "time", "survival", "SE (robust)", "95% CI");
    for (SurvivalJson c : curves) {
      for (int k = 0; k < c.times().length; k++) {
        t.row(c.weights(), c.group(), c.times()[k], c.survival()[k], c.se()[k],
            TextTable.number(c.lower()[k]) + " to " + TextTable.number(c.upper()[k]));
      }
    }
    t.print(out);
  }

  private static void printText(PrintWriter out, MatchingDocument j) {
    printModel(out, j.treatment(), j.covariates(), j.nTreated(), j.nControl(), j.model(), j.commonSupport());
    TextTable b = new TextTable("covariate", "SMD before", "SMD matched", "VR before", "VR matched");
    for (int i = 0; i < j.covariates().size(); i++) {
      b.row(j.covariates().get(i), j.smdBefore()[i], j.smdMatched()[i], j.varianceRatioBefore()[i],
          j.varianceRatioMatched()[i]);
    }
    b.print(out);
    out.println();
    out.println("Matched " + j.matchedTreated() + " treated with " + j.matchedControl() + " controls (effective "
        + TextTable.number(j.essControl()) + "); " + j.unmatchedTreated() + " treated without a match"
        + (j.caliperWidth() == null ? "" : " within the caliper " + TextTable.number(j.caliperWidth())) + ".");
    if (j.att() != null) {
      out.println("ATT " + TextTable.number(j.att()) + ", SE " + (j.attSe() == null ? "" : TextTable.number(j.attSe())
          + " (clustered on the matched set), ") + TextTable.number(j.attSeHc0()) + " (HC0)");
    }
    printImbalance(out, anyAbove(j.smdMatched()), "matching");
    printSurvival(out, j.survival());
    printHazardRatio(out, j.hazardRatio());
  }
}
