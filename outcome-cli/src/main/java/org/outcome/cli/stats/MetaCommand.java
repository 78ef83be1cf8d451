package org.outcome.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
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
import org.outcome.stats.meta.MetaAnalysis;
import org.outcome.stats.meta.SiteEffects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code outcome meta}: pools the effects of several sites, as metafor's {@code rma}. */
@Command(name = "meta", mixinStandardHelpOptions = true,
    description = {
      "Pool several sites' effects: a meta-analysis, as R's metafor rma.",
      "One row per site: its effect and variance (--yi, --vi), or its summary data",
      "with --measure, in columns named as metafor's escalc arguments: MD and SMD",
      "m1i, sd1i, n1i, m2i, sd2i, n2i; RR and OR ai, n1i, ci, n2i (events, totals);",
      "IRR x1i, t1i, x2i, t2i (events, person-time). Fixed effect (FE) or random",
      "effects (REML, DL, PM): heterogeneity (Q, I2, H2, tau2), the prediction",
      "interval, and with --leave-one-out the pooled effect without each site."
    })
public final class MetaCommand implements Runnable {
  private static final Pattern SITE = Pattern.compile("site (\\d+)");
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;

  @Option(names = "--yi", paramLabel = "COL", description = "Column of the sites' effects.")
  String yi;

  @Option(names = "--vi", paramLabel = "COL", description = "Column of the effects' sampling variances.")
  String vi;

  @Option(names = "--measure", paramLabel = "MEASURE",
      description = "Compute each site's effect from summary columns: MD, SMD, RR, OR or IRR.")
  String measure;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "REML",
      description = "FE (fixed effect), DL, REML or PM (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--knapp-hartung", description = "Test and intervals with the Knapp-Hartung adjustment (t on k - 1 df).")
  boolean knappHartung;

  @Option(names = "--study", paramLabel = "COL", description = "Column naming each site, for the weights and leave-one-out.")
  String study;

  @Option(names = "--leave-one-out", description = "Also pool without each site in turn.")
  boolean leaveOneOut;

  /** One site's effect and weight. */
  record SiteJson(String study, double yi, double vi, double weightPercent) {}

  /** The pooled analysis without one site. */
  record LeftOutJson(String study, double estimate, double ciLower, double ciUpper, double p, double tau2, double I2) {}

  /**
   * The JSON document; the fixtures' field names ({@code meta-analysis}). {@code z} with the
   * normal test, {@code t} and {@code df} with Knapp–Hartung.
   */
  record MetaJson(String method, String measure, boolean knappHartung, int k, double estimate, double se,
      double ciLower, double ciUpper, Double z, Double t, Double df, double p, double tau2, double I2, double H2,
      double Q, double Qp, double predictionLower, double predictionUpper, double confLevel, List<SiteJson> sites,
      List<LeftOutJson> leaveOneOut, List<WarningJson> warnings) {}

  @Override
  public void run() {
    MetaAnalysis.Method tau2Method;
    try {
      tau2Method = MetaAnalysis.Method.ofCode(method);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--method: " + e.getMessage());
    }
    if ((measure == null) == (yi == null || vi == null) || measure != null && (yi != null || vi != null)) {
      throw new ParameterException(spec.commandLine(), "give either --yi and --vi, or --measure with summary columns");
    }
    double level = confLevel.value();
    Read read = timing.read(this::sites);
    MetaJson json = timing.analyse(() -> {
      MetaAnalysis analysis = MetaAnalysis.withDefaults().withMethod(tau2Method).withKnappHartung(knappHartung)
          .withConfLevel(level);
      MetaAnalysis.Result r = analysis.pool(read.sites());
      double[] y = read.sites().effects();
      double[] v = read.sites().variances();
      double[] w = r.weightsPercent();
      List<SiteJson> sites = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        sites.add(new SiteJson(read.names()[i], y[i], v[i], w[i]));
      }
      List<LeftOutJson> out = new ArrayList<>();
      if (leaveOneOut) {
        List<MetaAnalysis.Result> each = analysis.leaveOneOut(read.sites());
        for (int i = 0; i < each.size(); i++) {
          MetaAnalysis.Result e = each.get(i);
          out.add(new LeftOutJson(read.names()[i], e.pooled().value(), e.pooled().interval().orElseThrow().lower(),
              e.pooled().interval().orElseThrow().upper(), e.pValue(), e.tau2(), e.i2()));
        }
      }
      return new MetaJson(tau2Method.code(), measure == null ? "given" : measure.toUpperCase(Locale.ROOT),
          knappHartung, r.sites(), r.pooled().value(), r.se(), r.pooled().interval().orElseThrow().lower(),
          r.pooled().interval().orElseThrow().upper(), knappHartung ? null : r.statistic(),
          knappHartung ? r.statistic() : null, knappHartung ? r.df() : null, r.pValue(), r.tau2(), r.i2(), r.h2(),
          r.q(), r.qPValue(), r.prediction().lower(), r.prediction().upper(), level, sites, out,
          WarningJson.of(List.of(), r.warnings()));
    });
    output.emit(spec.commandLine(), OmittedRows.noting(read.omittedRows(), Rendering.of(json,
        o -> printText(o, json)), spec.commandLine().getErr()), timing);
  }

  /**
   * The sites read, with their names (the study column, or the row number), and the rows left out
   * for a missing value.
   */
  private record Read(SiteEffects sites, String[] names, List<Long> omittedRows) {}

  /**
   * The complete rows' sites: a row missing a value in a used column is left out, as rma's default
   * {@code na.action = "na.omit"} leaves out a study whose effect or variance (escalc's, from
   * summary columns) is {@code NA}; a missing study name is refused, as rma refuses {@code NA}
   * labels.
   */
  private Read sites() {
    TableReader reader = TableReader.of(input.file()).missing(input.missing());
    List<String> columns = measure == null ? List.of(yi, vi) : summaryColumns();
    for (String c : columns) {
      reader = reader.numeric(c, TableReader.Empty.AS_MISSING);
    }
    if (study != null) {
      reader = reader.text(study);
    }
    Table t = reader.read();
    CompleteCases complete = CompleteCases.of(columns.stream().map(t::numeric).toList(), List.of());
    String[] names = study == null ? Arrays.stream(complete.rowNumbers()).mapToObj(Long::toString)
        .toArray(String[]::new) : complete.keep(t.text(study));
    Function<String, double[]> c = column -> complete.keep(t.numeric(column));
    try {
      return new Read(effects(t, complete, c), names, complete.omittedRows());
    } catch (InvalidInputException e) {
      // the library numbers the sites it was given; the file's rows are what a user can find
      throw new InvalidInputException(e.summary(), e.violations().stream().map(v -> {
        Matcher m = SITE.matcher(v.location());
        return m.lookingAt() ? Violation.at("site " + complete.row(Integer.parseInt(m.group(1)) - 1)
            + v.location().substring(m.end()), v.message()) : v;
      }).toList());
    }
  }

  private SiteEffects effects(Table t, CompleteCases complete, Function<String, double[]> c) {
    return switch (measure == null ? "" : measure.toUpperCase(Locale.ROOT)) {
      case "" -> SiteEffects.of(c.apply(yi), c.apply(vi));
      case "MD" -> SiteEffects.meanDifferences(c.apply("m1i"), c.apply("sd1i"), whole(t, complete, "n1i"),
          c.apply("m2i"), c.apply("sd2i"), whole(t, complete, "n2i"));
      case "SMD" -> SiteEffects.standardizedMeanDifferences(c.apply("m1i"), c.apply("sd1i"),
          whole(t, complete, "n1i"), c.apply("m2i"), c.apply("sd2i"), whole(t, complete, "n2i"));
      case "RR" -> SiteEffects.logRiskRatios(whole(t, complete, "ai"), whole(t, complete, "n1i"),
          whole(t, complete, "ci"), whole(t, complete, "n2i"));
      case "OR" -> SiteEffects.logOddsRatios(whole(t, complete, "ai"), whole(t, complete, "n1i"),
          whole(t, complete, "ci"), whole(t, complete, "n2i"));
      case "IRR" -> SiteEffects.logRateRatios(whole(t, complete, "x1i"), c.apply("t1i"), whole(t, complete, "x2i"),
          c.apply("t2i"));
      default -> throw new IllegalStateException("checked in summaryColumns");
    };
  }

  private List<String> summaryColumns() {
    return switch (measure.toUpperCase(Locale.ROOT)) {
      case "MD", "SMD" -> List.of("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i");
      case "RR", "OR" -> List.of("ai", "n1i", "ci", "n2i");
      case "IRR" -> List.of("x1i", "t1i", "x2i", "t2i");
      default -> throw new ParameterException(spec.commandLine(),
          "--measure: '" + measure + "' is not one of MD, SMD, RR, OR, IRR");
    };
  }

  /**
   * A column of counts on the complete rows; a value that is not a whole number is refused by its
   * row in the file.
   */
  private long[] whole(Table t, CompleteCases complete, String column) {
    double[] values = t.numeric(column);
    List<Violation> bad = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i]) && (values[i] != Math.rint(values[i]) || Math.abs(values[i]) > 1e15)) {
        bad.add(Violation.atCell(i + 1, column, "not a whole number"));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException("invalid counts in " + input.file().getFileName(), bad);
    }
    return Arrays.stream(complete.keep(values)).mapToLong(v -> (long) v).toArray();
  }

  private static void printText(PrintWriter out, MetaJson j) {
    out.println("Meta-analysis of " + j.k() + " sites, " + j.method() + (j.knappHartung() ? ", Knapp-Hartung" : "")
        + (j.measure().equals("given") ? "" : ", effects " + j.measure() + (j.measure().matches("RR|OR|IRR")
            ? " (log scale)" : "")));
    TextTable t = new TextTable("", "estimate", "SE", j.z() != null ? "z" : "t", "p",
        ConfLevelOption.heading(j.confLevel()), "prediction interval");
    t.row("pooled", j.estimate(), j.se(), j.z() != null ? j.z() : j.t(), TextTable.pValue(j.p()),
        PairedCommand.interval(j.ciLower(), j.ciUpper()), PairedCommand.interval(j.predictionLower(),
            j.predictionUpper()));
    t.print(out);
    out.println("Heterogeneity: tau^2 " + TextTable.number(j.tau2()) + ", I^2 " + TextTable.number(j.I2())
        + "%, H^2 " + TextTable.number(j.H2()) + ", Q = " + TextTable.number(j.Q()) + " on " + (j.k() - 1)
        + " df, p " + TextTable.pValue(j.Qp()));
    out.println();
    TextTable s = new TextTable("site", "yi", "vi", "weight %");
    j.sites().forEach(x -> s.row(x.study(), x.yi(), x.vi(), x.weightPercent()));
    s.print(out);
    if (!j.leaveOneOut().isEmpty()) {
      out.println();
      TextTable l = new TextTable("without", "estimate", ConfLevelOption.heading(j.confLevel()), "p", "tau^2", "I^2 %");
      j.leaveOneOut().forEach(x -> l.row(x.study(), x.estimate(), PairedCommand.interval(x.ciLower(), x.ciUpper()),
          TextTable.pValue(x.p()), x.tau2(), x.I2()));
      l.print(out);
    }
    WarningJson.printNotes(out, j.warnings());
  }
}
