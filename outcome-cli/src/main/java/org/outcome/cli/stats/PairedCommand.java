package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.cli.engine.Engines;
import org.outcome.cli.engine.PairedRequest;
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
import org.outcome.stats.paired.AnalysisSet.Exclusion;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.PairedCohort;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.ReliableChange;
import org.outcome.stats.paired.WilcoxonSignedRankTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome paired}: before-and-after analysis of two score columns. */
@Command(name = "paired", mixinStandardHelpOptions = true,
    description = {
      "Before-and-after analysis of scores paired by person.",
      "Paired t-test, Wilcoxon signed-rank test (R's exact/approximate rule), effect",
      "sizes (Cohen's d_z, d_av, Hedges' g) with intervals, and optionally",
      "Jacobson-Truax reliable change. Differences are after - before. People without",
      "both scores are excluded, counted and listed (complete cases); with --dose, an",
      "as-treated analysis keeps only those above the threshold."
    })
public final class PairedCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;
  @Mixin AlternativeOption alternative;

  @Option(names = "--before", required = true, paramLabel = "COL", description = "Column of baseline scores.")
  String before;

  @Option(names = "--after", required = true, paramLabel = "COL", description = "Column of follow-up scores.")
  String after;

  @Option(names = "--dose", paramLabel = "COL", description = "Column of doses (sessions attended) for an as-treated analysis.")
  String dose;

  @Option(names = "--dose-more-than", paramLabel = "N", description = "As-treated: keep people whose dose is more than N.")
  Double doseMoreThan;

  @Option(names = "--dose-at-least", paramLabel = "N", description = "As-treated: keep people whose dose is at least N.")
  Double doseAtLeast;

  @Option(names = "--reliability", paramLabel = "R", description = "Instrument reliability, for reliable change.")
  Double reliability;

  @Option(names = "--reference-sd", paramLabel = "SD", description = "Reference standard deviation, for reliable change.")
  Double referenceSd;

  @Option(names = "--cutoff", paramLabel = "C", description = "Clinical cut-off, for clinically significant change.")
  Double cutoff;

  @Option(names = "--lower-is-better", description = "Lower scores are better (a symptom scale).")
  boolean lowerIsBetter;

  /** An estimate with its interval, flattened for JSON; the limits are null when not computed. */
  record EstimateJson(double value, Double lower, Double upper) {
    static EstimateJson of(Estimate e) {
      return new EstimateJson(e.value(), e.interval().map(ConfidenceInterval::lower).orElse(null),
          e.interval().map(ConfidenceInterval::upper).orElse(null));
    }

    String interval() {
      return lower == null ? "not computed" : PairedCommand.interval(lower, upper);
    }
  }

  /** Who was analysed. */
  record AnalysisSetJson(String kind, String description, long enrolled, long included, long missingBaseline,
      long missingFollowUp, long belowDose, long doseUnknown) {}

  /** Reliable change counts. */
  record ReliableChangeJson(double reliability, double referenceSd, Double cutoff, String polarity,
      double standardErrorOfDifference, double threshold, long recovered, long improved, long unchanged,
      long deteriorated, Long functionalAtBaseline, double proportionReliablyImproved) {}

  /** The JSON document; field names as the R fixtures ({@code paired}). */
  record PairedJson(
      String before,
      String after,
      AnalysisSetJson analysisSet,
      long n,
      double meanDifference,
      double sdDifference,
      double t,
      double df,
      double tP,
      double ciLower,
      double ciUpper,
      double confLevel,
      String alternative,
      double cohenDz,
      EstimateJson dz,
      EstimateJson dav,
      EstimateJson gz,
      EstimateJson gav,
      double wilcoxonV,
      double wilcoxonP,
      String wilcoxonMethod,
      long wilcoxonZeros,
      ReliableChangeJson reliableChange,
      List<WarningJson> warnings) {}

  @Override
  public void run() {
    CommandLine cl = spec.commandLine();
    double level = confLevel.value();
    AnalysisSet set = analysisSet(cl);
    Optional<ReliableChange> rc = reliableChange(cl);
    WilcoxonSignedRankTest wilcoxon = WilcoxonSignedRankTest.withDefaults().withAlternative(alternative.value());
    PairedRequest request = new PairedRequest(input.location(), input.missing(), before, after,
        Optional.ofNullable(dose), set, wilcoxon, rc);
    // the pairs are summarised where they are read: here, or on the engine of this run
    Summarised<PairedSummary> read = timing.read(() -> Engines.current().map(engine -> engine.paired(request))
        .orElseGet(() -> summarise(request)));
    PairedSummary summary = read.summary();
    PairedJson json = timing.analyse(() -> {
      PairedTTest.Result t = PairedTTest.withDefaults().withConfLevel(level).withAlternative(alternative.value())
          .test(summary);
      WilcoxonSignedRankTest.Result w = wilcoxon.test(summary);
      PairedEffectSize.Result e = PairedEffectSize.withDefaults().withConfLevel(level).compute(summary);
      Optional<ReliableChange.Summary> rcResult = rc.map(r -> r.summarise(summary.reliableChange().orElseThrow()));
      List<org.outcome.api.result.Warning> extra = new ArrayList<>();
      if (summary.excludedTotal() > 0) {
        extra.add(org.outcome.api.result.Warning.of("complete-cases", summary.excludedTotal() + " of "
            + summary.enrolled() + " people were excluded (" + exclusions(summary) + ")"));
      }
      return new PairedJson(before, after, setJson(summary), t.n(), t.meanDifference(), t.sdDifference(), t.t(),
          t.df(), t.pValue(), t.interval().lower(), t.interval().upper(), level, alternative.value().rName(),
          e.dz().value(), EstimateJson.of(e.dz()), EstimateJson.of(e.dav()), e.gz().map(EstimateJson::of).orElse(null),
          e.gav().map(EstimateJson::of).orElse(null), w.v(), w.pValue(), w.pValueMethod().label(), w.zeros(), rcResult.map(this::reliableChangeJson).orElse(null),
          WarningJson.of(extra, t.warnings(), w.warnings(), e.warnings(),
              rcResult.map(ReliableChange.Summary::warnings).orElse(List.of())));
    });
    output.emit(cl, OmittedRows.noting(read.omittedRows(), Rendering.of(json, out -> printText(out, json)),
        cl.getErr()), timing);
  }

  /** The summary of a file's pairs, read in this process. */
  private static Summarised<PairedSummary> summarise(PairedRequest request) {
    TableReader reader = TableReader.of(Path.of(request.input())).missing(request.missing())
        .numeric(request.before(), TableReader.Empty.AS_MISSING)
        .numeric(request.after(), TableReader.Empty.AS_MISSING);
    if (request.dose().isPresent()) {
      reader = reader.numeric(request.dose().get(), TableReader.Empty.AS_MISSING);
    }
    Table table = reader.read();
    List<double[]> used = new ArrayList<>(List.of(table.numeric(request.before()), table.numeric(request.after())));
    PairedCohort cohort = PairedCohort.of(used.get(0), used.get(1));
    if (request.dose().isPresent()) {
      used.add(table.numeric(request.dose().get()));
      cohort = cohort.withDose(used.get(2));
    }
    CompleteCases complete = CompleteCases.of(used, List.of());
    return new Summarised<>(PairedSummary.of(request.set().select(cohort), request.ranking(),
        request.reliableChange()), complete.total(), complete.excluded(), complete.omittedRows());
  }

  private AnalysisSet analysisSet(CommandLine cl) {
    if (doseMoreThan != null && doseAtLeast != null) {
      throw new CommandLine.ParameterException(cl, "give either --dose-more-than or --dose-at-least, not both");
    }
    boolean threshold = doseMoreThan != null || doseAtLeast != null;
    if (dose == null && threshold) {
      throw new CommandLine.ParameterException(cl, "--dose-more-than and --dose-at-least need --dose COL");
    }
    if (dose != null && !threshold) {
      throw new CommandLine.ParameterException(cl, "--dose needs --dose-more-than N or --dose-at-least N");
    }
    if (!threshold) {
      return AnalysisSet.intentionToTreat();
    }
    return AnalysisSet.asTreated(doseMoreThan != null ? AnalysisSet.DoseRule.moreThan(doseMoreThan)
        : AnalysisSet.DoseRule.atLeast(doseAtLeast));
  }

  private Optional<ReliableChange> reliableChange(CommandLine cl) {
    if (reliability == null && referenceSd == null) {
      if (cutoff != null) {
        throw new CommandLine.ParameterException(cl, "--cutoff needs --reliability and --reference-sd");
      }
      return Optional.empty();
    }
    if (reliability == null || referenceSd == null) {
      throw new CommandLine.ParameterException(cl, "reliable change needs both --reliability and --reference-sd");
    }
    try {
      ReliableChange rc = ReliableChange.of(reliability, referenceSd)
          .withPolarity(lowerIsBetter ? Polarity.LOWER_IS_BETTER : Polarity.HIGHER_IS_BETTER);
      return Optional.of(cutoff == null ? rc : rc.withCutoff(cutoff));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
  }

  private ReliableChangeJson reliableChangeJson(ReliableChange.Summary r) {
    return new ReliableChangeJson(reliability, referenceSd, cutoff, r.polarity().name().toLowerCase(Locale.ROOT),
        r.standardErrorOfDifference(), r.threshold(), r.recovered(), r.improved(), r.unchanged(), r.deteriorated(),
        r.functionalAtBaseline().isPresent() ? r.functionalAtBaseline().getAsLong() : null,
        r.proportion(r.reliablyImproved()));
  }

  private static AnalysisSetJson setJson(PairedSummary s) {
    return new AnalysisSetJson(s.set().kind().label(), s.set().description(), s.enrolled(), s.included(), s.excluded(Exclusion.MISSING_BASELINE),
        s.excluded(Exclusion.MISSING_FOLLOW_UP), s.excluded(Exclusion.BELOW_DOSE), s.excluded(Exclusion.DOSE_UNKNOWN));
  }

  private static String exclusions(PairedSummary s) {
    List<String> parts = new ArrayList<>();
    for (Exclusion e : Exclusion.values()) {
      if (s.excluded(e) > 0) {
        parts.add(e.label() + " " + s.excluded(e));
      }
    }
    return String.join(", ", parts);
  }

  static String interval(double lower, double upper) {
    return TextTable.number(lower) + " to " + TextTable.number(upper);
  }

  private static void printText(PrintWriter out, PairedJson j) {
    String level = ConfLevelOption.heading(j.confLevel());
    out.println("Before-and-after: " + j.after() + " - " + j.before() + "; " + j.analysisSet().description());
    out.println("Enrolled " + j.analysisSet().enrolled() + ", analysed " + j.analysisSet().included() + " pairs"
        + (j.analysisSet().included() < j.analysisSet().enrolled()
            ? " (excluded: missing baseline " + j.analysisSet().missingBaseline() + ", missing follow-up "
                + j.analysisSet().missingFollowUp() + ", below dose " + j.analysisSet().belowDose() + ", dose unknown "
                + j.analysisSet().doseUnknown() + ")" : ""));
    out.println();
    TextTable t = new TextTable("analysis", "estimate", level, "statistic", "df", "p");
    t.row("Mean difference (paired t)", j.meanDifference(), interval(j.ciLower(), j.ciUpper()),
        "t = " + TextTable.number(j.t()), TextTable.number(j.df()), TextTable.pValue(j.tP()));
    t.row("Wilcoxon signed-rank", "", "", "V = " + TextTable.number(j.wilcoxonV()), "", TextTable.pValue(j.wilcoxonP()));
    t.row("Cohen's d_z", j.dz().value(), j.dz().interval(), "", "", "");
    t.row("Cohen's d_av", j.dav().value(), j.dav().interval(), "", "", "");
    if (j.gz() != null) {
      t.row("Hedges' g_z", j.gz().value(), j.gz().interval(), "", "", "");
      t.row("Hedges' g_av", j.gav().value(), j.gav().interval(), "", "", "");
    }
    t.print(out);
    out.println();
    out.println("n = " + j.n() + " pairs; SD of differences " + TextTable.number(j.sdDifference())
        + "; alternative " + j.alternative() + ".");
    out.println("Wilcoxon p-value: " + j.wilcoxonMethod() + (j.wilcoxonZeros() > 0
        ? "; " + j.wilcoxonZeros() + " zero differences dropped" : "") + ".");
    out.println("d_z interval exact (noncentral t); d_av interval approximate; g = J(n - 1) d.");
    ReliableChangeJson rc = j.reliableChange();
    if (rc != null) {
      out.println();
      out.println("Reliable change (Jacobson-Truax; S_diff " + TextTable.number(rc.standardErrorOfDifference())
          + ", reliable change beyond " + TextTable.number(rc.threshold()) + " points"
          + (rc.cutoff() != null ? ", cut-off " + TextTable.number(rc.cutoff()) : "") + ")");
      TextTable r = new TextTable("category", "n", "%");
      long n = j.n();
      if (rc.cutoff() != null) {
        r.row("recovered", rc.recovered(), percent(rc.recovered(), n));
      }
      r.row("improved", rc.improved(), percent(rc.improved(), n));
      r.row("unchanged", rc.unchanged(), percent(rc.unchanged(), n));
      r.row("deteriorated", rc.deteriorated(), percent(rc.deteriorated(), n));
      r.print(out);
    }
    WarningJson.printNotes(out, j.warnings());
  }

  static String percent(long count, long n) {
    return String.format(Locale.ROOT, "%.1f", 100.0 * count / n);
  }
}
