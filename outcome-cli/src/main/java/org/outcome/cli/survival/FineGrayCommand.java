package org.outcome.cli.survival;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.UnaryOperator;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import org.outcome.cli.io.TimingOptions;
import org.outcome.cli.io.WarningJson;
import org.outcome.stats.survival.competing.FineGray;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.CoxTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome survival fine-gray}: subdistribution hazards regression, with the cause-specific Cox model beside it. */
@Command(name = "fine-gray", mixinStandardHelpOptions = true,
    description = {
      "Competing risks: the Fine-Gray subdistribution hazards model.",
      "Equal to cmprsk's crr(time, status, covariates, failcode): coefficients,",
      "sandwich SEs, p, subdistribution hazard ratios; beside it the cause-specific",
      "Cox model (the other causes censored). Status: 0 censored, 1, 2, ... the cause."
    })
public final class FineGrayCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin StatusColumns columns;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL", description = "Numeric covariate columns.")
  List<String> covariates;

  @Option(names = "--fail-code", paramLabel = "K", defaultValue = "1", description = "The cause of interest (default 1).")
  int failCode;

  /** The cause-specific Cox model's terms (Efron ties, the other causes censored). */
  record CauseSpecificJson(List<Double> coef, List<Double> se, List<Double> hazardRatio, List<Double> p,
      boolean converged, List<WarningJson> warnings) {}

  record Document(int failCode, List<String> terms, List<Double> coef, List<Double> se, List<Double> z, List<Double> p,
      List<Double> hazardRatio, List<Double> lower, List<Double> upper, double confLevel, double loglik,
      double loglikNull, boolean converged, int iterations, int n, int events, int competing,
      CauseSpecificJson causeSpecific) {}

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    if (failCode < 1) {
      throw new CommandLine.ParameterException(commandLine, "--fail-code is a cause, at least 1");
    }
    RecurrentInput.Competing read = timing.read(() -> RecurrentInput.competing(input.file(), input.missing(),
        columns.time, columns.status, null, UnaryOperator.identity(), null, covariates, columns.causes));
    Document doc = timing.analyse(() -> {
      CompetingRisksSample s = read.sample();
      FineGray.Result fg = FineGray.withDefaults().withFailCode(failCode).withConfLevel(confLevel.value()).fit(s);
      List<FineGray.Term> t = fg.terms();
      return new Document(failCode, t.stream().map(FineGray.Term::name).toList(), t.stream().map(FineGray.Term::coef).toList(),
          t.stream().map(FineGray.Term::se).toList(), t.stream().map(FineGray.Term::z).toList(),
          t.stream().map(FineGray.Term::p).toList(), t.stream().map(FineGray.Term::hazardRatio).toList(),
          t.stream().map(x -> x.interval().lower()).toList(), t.stream().map(x -> x.interval().upper()).toList(),
          confLevel.value(), fg.loglik(), fg.loglikNull(), fg.converged(), fg.iterations(), fg.n(), fg.events(),
          fg.competing(), causeSpecific(s));
    });
    output.emit(commandLine, OmittedRows.noting(read.omittedRows(), Rendering.of(doc, out -> text(out, doc)),
        commandLine.getErr()), timing);
  }

  /** R's coxph(Surv(time, status == failCode) ~ covariates), every row (times of 0 too). */
  private CauseSpecificJson causeSpecific(CompetingRisksSample s) {
    boolean[] event = new boolean[s.size()];
    double[] times = new double[s.size()];
    for (int i = 0; i < event.length; i++) {
      event[i] = s.status(i) == failCode;
      times[i] = s.time(i);
    }
    SurvivalSample.Builder b = SurvivalSample.builder(times, event);
    s.covariates().forEach(c -> b.covariate(c.name(), c.values()));
    CoxPh.Result cox = CoxPh.withDefaults().withConfLevel(confLevel.value()).withConcordance(false)
        .withProportionalHazardsTest(false).fit(b.build());
    List<CoxTerm> t = cox.terms();
    return new CauseSpecificJson(t.stream().map(CoxTerm::coef).toList(), t.stream().map(CoxTerm::se).toList(),
        t.stream().map(CoxTerm::hazardRatio).toList(), t.stream().map(CoxTerm::p).toList(), cox.converged(),
        WarningJson.of(cox.warnings()));
  }

  private static void text(PrintWriter out, Document d) {
    out.println("Fine-Gray subdistribution hazards, cause " + d.failCode() + " (" + d.events() + " events, "
        + d.competing() + " competing, " + d.n() + " people)" + (d.converged() ? "" : "; did NOT converge"));
    TextTable t = new TextTable("term", "coef", "sHR", "se", "z", "p", "CI", "cause-specific HR", "its p");
    for (int j = 0; j < d.terms().size(); j++) {
      t.row(d.terms().get(j), d.coef().get(j), d.hazardRatio().get(j), d.se().get(j), d.z().get(j),
          TextTable.pValue(d.p().get(j)), TextTable.number(d.lower().get(j)) + " to " + TextTable.number(d.upper().get(j)),
          d.causeSpecific().hazardRatio().get(j), TextTable.pValue(d.causeSpecific().p().get(j)));
    }
    t.print(out);
    out.println("Pseudo log-likelihood " + TextTable.number(d.loglik()) + " (null " + TextTable.number(d.loglikNull()) + ")");
  }
}
