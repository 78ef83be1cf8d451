package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.survival.cox.Concordance;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import org.outcome.stats.survival.cox.ProportionalHazardsTest;
import org.outcome.stats.survival.cox.Ties;
import org.outcome.stats.survival.cox.Variance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code survival cox}: fits a Cox proportional hazards model to a CSV file and prints what R's
 * {@code summary(coxph)} and {@code cox.zph} print, or the same numbers as JSON under the field
 * names of the R reference fixtures.
 */
@Command(name = "cox", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Cox proportional hazards model, as R's coxph.",
      "Equal to R survival's coxph(), summary() and cox.zph(). Hazard ratios with",
      "confidence intervals, likelihood-ratio, Wald and score tests, concordance, and",
      "the test of proportional hazards (transform = km)."
    },
    footer = {
      "",
      "The event column is coded 0/1, 1/2 or TRUE/FALSE (1, 2, TRUE an event), as",
      "R's Surv; times are 0 or more. Covariates are numeric columns (0/1 for a",
      "binary one).",
      "--cluster gives robust (sandwich) standard errors, as R's cluster();",
      "--strata gives each stratum its own baseline hazard, as R's strata()."
    })
public final class CoxCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Column of follow-up times (0 or more).")
  String time;

  @Option(names = "--event", required = true, paramLabel = "COL",
      description = "Column of event indicators: 0/1, 1/2 or TRUE/FALSE (1, 2, TRUE an event), as R's Surv.")
  String event;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL",
      description = "Numeric covariate columns, comma-separated, in the order of the model's terms.")
  List<String> covariates;

  @Option(names = "--ties", paramLabel = "efron|breslow", description = "Ties method (default: efron).")
  Ties ties = Ties.EFRON;

  @Option(names = "--strata", paramLabel = "COL", description = "Column of strata: a separate baseline hazard for each value.")
  String strata;

  @Option(names = "--cluster", paramLabel = "COL", description = "Column of clusters: robust standard errors summed within clusters.")
  String cluster;

  @Option(names = "--robust", description = "Robust standard errors even without --cluster (each row its own cluster).")
  boolean robust;

  @Option(names = "--zph", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Test proportional hazards (cox.zph); --no-zph skips it.")
  boolean zph = true;

  @Option(names = "--concordance", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Compute the concordance; --no-concordance skips it.")
  boolean concordance = true;

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    checkColumns(commandLine);
    double level = confLevel.value();
    SurvivalData data = timing.read(() -> SurvivalInput.data(input.location(), input.missing(), time, event, covariates,
        null, Optional.empty(), strata, cluster));
    CoxPh config = CoxPh.withDefaults().withTies(ties).withConfLevel(level).withConcordance(concordance)
        .withProportionalHazardsTest(zph).withVariance(robust ? Variance.ROBUST : Variance.AUTOMATIC);
    CoxPh.Result fit = timing.analyse(() -> data.cox(config));
    output.emit(commandLine, SurvivalInput.noting(data, new CoxRendering(fit), commandLine.getErr()), timing);
  }

  private void checkColumns(CommandLine commandLine) {
    Set<String> seen = new HashSet<>();
    List<String> all = new ArrayList<>(List.of(time, event));
    all.addAll(covariates);
    if (strata != null) {
      all.add(strata);
    }
    if (cluster != null) {
      all.add(cluster);
    }
    for (String c : all) {
      if (c.isBlank()) {
        throw new CommandLine.ParameterException(commandLine, "a column name is empty");
      }
      if (!seen.add(c)) {
        throw new CommandLine.ParameterException(commandLine, "column '" + c + "' is named for more than one role");
      }
    }
  }

  /** The JSON document: the fixtures' field names, vectors by term, R's NA as null. */
  record CoxJson(String method, String ties, List<String> terms, List<Double> coef, List<Double> se,
      List<Double> naiveSe, List<Double> hazardRatio, List<Double> z, List<Double> p, List<Double> hrLower,
      List<Double> hrUpper, double confLevel, List<List<Double>> variance, double loglikNull, double loglik,
      double likelihoodRatio, double likelihoodRatioP, double wald, double waldP, double score, double scoreP,
      Double robustScore, Double robustScoreP, int testDf, Double concordance, Double concordanceSe, int n,
      int nEvent, Integer clusters, int iterations, boolean converged, ZphJson zph, List<WarningJson> warnings) {}

  /** {@code cox.zph}'s table, rows per term then {@code GLOBAL}. */
  record ZphJson(List<String> rows, List<Double> chisq, List<Integer> df, List<Double> p) {}

  record WarningJson(String code, String message) {}

  /** A matrix as immutable rows, so that the JSON record compares and copies by value. */
  private static List<List<Double>> rows(double[][] matrix) {
    return Arrays.stream(matrix).map(row -> Arrays.stream(row).boxed().toList()).toList();
  }

  static CoxJson json(CoxPh.Result r) {
    List<CoxTerm> t = r.terms();
    ZphJson zph = r.proportionalHazards().map(z -> new ZphJson(
        z.rows().stream().map(ProportionalHazardsTest.Row::term).toList(),
        z.rows().stream().map(ProportionalHazardsTest.Row::chisq).toList(),
        z.rows().stream().map(ProportionalHazardsTest.Row::df).toList(),
        z.rows().stream().map(ProportionalHazardsTest.Row::p).toList())).orElse(null);
    return new CoxJson(r.method(), r.ties().name().toLowerCase(Locale.ROOT), t.stream().map(CoxTerm::name).toList(),
        t.stream().map(CoxTerm::coef).toList(), t.stream().map(CoxTerm::se).toList(),
        r.robust() ? t.stream().map(x -> x.naiveSe().orElseThrow()).toList() : null,
        t.stream().map(CoxTerm::hazardRatio).toList(), t.stream().map(CoxTerm::z).toList(),
        t.stream().map(CoxTerm::p).toList(), t.stream().map(x -> x.hazardRatioInterval().lower()).toList(),
        t.stream().map(x -> x.hazardRatioInterval().upper()).toList(), r.confLevel(), rows(r.variance().toArray()),
        r.loglikNull(), r.loglik(), r.likelihoodRatio().statistic(), r.likelihoodRatio().pValue(),
        r.wald().statistic(), r.wald().pValue(), r.score().statistic(), r.score().pValue(),
        r.robustScore().map(h -> h.statistic()).orElse(null), r.robustScore().map(h -> h.pValue()).orElse(null),
        t.size(), r.concordance().map(Concordance::value).orElse(null),
        r.concordance().map(Concordance::stdErr).orElse(null), r.n(), r.nEvent(),
        r.clusters().isPresent() ? r.clusters().getAsInt() : null, r.iterations(), r.converged(), zph,
        r.warnings().stream().map(w -> new WarningJson(w.code(), w.message())).toList());
  }

  /** Prints as {@code summary(coxph)} and {@code cox.zph} do. */
  record CoxRendering(CoxPh.Result fit) implements Rendering {
    @Override
    public Object json() {
      return CoxCommand.json(fit);
    }

    @Override
    public void text(PrintWriter out) {
      CoxPh.Result r = fit;
      out.println(r.method());
      out.println("  n = " + r.n() + ", events = " + r.nEvent()
          + (r.clusters().isPresent() ? ", clusters = " + r.clusters().getAsInt() : "")
          + (r.converged() ? "; converged in " + r.iterations() + " iterations" : "; did NOT converge"));
      out.println();
      String level = TextTable.number(r.confLevel()).replaceFirst("^0", "");
      List<String> header = new ArrayList<>(List.of("term", "coef", "exp(coef)", "se(coef)"));
      if (r.robust()) {
        header.add("robust se");
      }
      header.addAll(List.of("z", "p", "lower " + level, "upper " + level));
      TextTable table = new TextTable(header.toArray(String[]::new));
      for (CoxTerm t : r.terms()) {
        List<Object> row = new ArrayList<>(List.of(t.name(), t.coef(), t.hazardRatio()));
        if (r.robust()) {
          row.add(t.naiveSe().orElseThrow());
        }
        row.addAll(List.of(t.se(), t.z(), TextTable.pValue(t.p()), t.hazardRatioInterval().lower(),
            t.hazardRatioInterval().upper()));
        table.row(row.toArray());
      }
      table.print(out);
      out.println();
      r.concordance().ifPresent(c -> out.println("Concordance = " + TextTable.number(c.value())
          + " (se = " + TextTable.number(c.stdErr()) + ")"));
      int df = r.terms().size();
      out.println("Likelihood ratio test = " + test(r.likelihoodRatio().statistic(), df, r.likelihoodRatio().pValue()));
      out.println("Wald test             = " + test(r.wald().statistic(), df, r.wald().pValue())
          + (r.robust() ? " (robust variance)" : ""));
      out.println("Score (logrank) test  = " + test(r.score().statistic(), df, r.score().pValue()));
      r.robustScore().ifPresent(h -> out.println("Robust score test     = "
          + test(h.statistic(), (int) h.df().orElse(df), h.pValue())));
      out.println("Log partial likelihood: " + TextTable.number(r.loglik()) + " (null model "
          + TextTable.number(r.loglikNull()) + ")");
      r.proportionalHazards().ifPresent(z -> {
        out.println();
        out.println("Test of proportional hazards (cox.zph, transform = km)");
        TextTable zt = new TextTable("term", "chisq", "df", "p");
        for (ProportionalHazardsTest.Row row : z.rows()) {
          zt.row(row.term(), row.chisq(), row.df(), TextTable.pValue(row.p()));
        }
        zt.print(out);
      });
      if (!r.warnings().isEmpty()) {
        out.println();
        out.println("Warnings:");
        r.warnings().forEach(w -> out.println("  " + w.message() + " [" + w.code() + "]"));
      }
    }

    private static String test(double statistic, int df, double p) {
      String pv = TextTable.pValue(p);
      return TextTable.number(statistic) + " on " + df + " df, p " + (pv.startsWith("<") ? pv : "= " + pv);
    }
  }
}
