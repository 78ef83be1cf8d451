package org.outcome.evaluation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.result.Warning;
import org.outcome.evaluation.internal.Markup;
import org.outcome.evaluation.svg.BeforeAfterChart;
import org.outcome.evaluation.svg.ForestPlot;
import org.outcome.evaluation.svg.KaplanMeierChart;
import org.outcome.evaluation.svg.LovePlot;

/**
 * Writes an {@link EvaluationReport} as one self-contained HTML file ({@code report.html}): no
 * scripts, no fonts, no images or styles fetched from the network, charts inline as SVG. It reads
 * as a commissioner would want: a summary first, then who was compared, one section per outcome
 * with the tables as they would be published, community tenure with Kaplan-Meier curves and
 * numbers at risk, a forest plot of effect sizes, the multiplicity adjustment, the methods, and
 * last the accounting of every input row and every warning.
 */
public final class ReportHtml {
  /** Rejected rows listed in the HTML; the rest are in report.json. */
  private static final int LISTED_REJECTIONS = 100;

  private final StringBuilder out = new StringBuilder();

  private ReportHtml() {}

  /** The report as an HTML document. */
  public static String toHtml(EvaluationReport report) {
    ReportHtml html = new ReportHtml();
    html.document(report);
    return html.out.toString();
  }

  /** Writes the report to a file (UTF-8), creating its folder if needed. */
  public static void write(EvaluationReport report, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, toHtml(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void document(EvaluationReport r) {
    raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    element("title", r.title());
    raw("\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n");
    element("h1", r.title());
    paragraph("Produced by " + r.producedBy() + ". " + r.suppression(), "note");
    section("Summary");
    list(r.summary());
    groups(r.groups());
    r.adjustment().ifPresent(this::adjustment);
    for (OutcomeSection o : r.outcomes()) {
      outcome(o);
    }
    r.tenure().ifPresent(this::tenure);
    effectSizes(r.effectSizes());
    r.pooled().ifPresent(this::pooled);
    r.multiplicity().ifPresent(this::multiplicity);
    methods(r);
    accounting(r);
    raw("</main>\n</body>\n</html>\n");
  }

  private void groups(EvaluationReport.GroupsSection g) {
    section("Who was compared");
    paragraph("Design: " + g.design() + ". The comparison group (" + g.comparison() + ") is " + g.comparisonKind() + ".",
        null);
    Table t = new Table("Group", "People");
    g.people().forEach(c -> t.row(c.group(), c.count().text()));
    g.asTreated().ifPresent(n -> t.row(g.intervention() + ", as treated (" + g.asTreatedRule().orElseThrow() + ")", n.text()));
    t.write();
  }

  /**
   * A step chart of tenure curves with numbers at risk at the chart's days (the group's people at
   * day 0): Kaplan-Meier curves from 1, mean cumulative readmissions and incidences from 0.
   */
  private static String stepChart(TenureSection t, List<TenureSection.Curve> from, String title, String yLabel,
      double start, double yMax) {
    List<Integer> ticks = chartDays(t.atDays());
    List<Double> at = new ArrayList<>(List.of(0.0));
    ticks.forEach(d -> at.add(d.doubleValue()));
    List<KaplanMeierChart.Curve> curves = new ArrayList<>();
    for (TenureSection.Curve c : from) {
      List<String> risk = new ArrayList<>();
      risk.add(t.groups().stream().filter(x -> x.group().equals(c.group())).findFirst()
          .map(x -> x.people().text()).orElse(""));
      ticks.forEach(d -> risk.add(c.atRisk().get(t.atDays().indexOf(d)).text()));
      curves.add(new KaplanMeierChart.Curve(c.group(), c.time(), c.survival(), c.lower(), c.upper(), risk));
    }
    return new KaplanMeierChart(title, "Days since the index discharge", yLabel, curves, at, start, yMax).render();
  }

  /** Counts per group as "intervention 40 vs comparison 38". */
  private static String versus(List<EvaluationReport.GroupCount> counts) {
    return String.join(" vs ", counts.stream().map(c -> c.group() + " " + c.count().text()).toList());
  }

  private void adjustment(AdjustmentSection a) {
    section("Adjusting for differences between the groups");
    paragraph("The groups were balanced on " + String.join(", ", a.covariates()) + " by " + a.method()
        + ", from a logistic model of being in the intervention group (the propensity score); estimand: "
        + a.estimand() + ".", null);
    if (a.notRun().isPresent()) {
      paragraph("The adjustment could not be made: " + a.notRun().get().message(), "note");
    }
    Table people = new Table("Group", "People in the adjustment", "Effective sample size", "Matched");
    for (int i = 0; i < a.people().size(); i++) {
      EvaluationReport.GroupCount c = a.people().get(i);
      people.row(c.group(), c.count().text(), i < a.effectiveSize().size() ? a.effectiveSize().get(i).count().text() : "",
          i < a.matched().size() ? a.matched().get(i).count().text() : "");
    }
    people.write();
    a.caliperWidth().ifPresent(w -> paragraph("Caliper: " + num(w) + " on the propensity scale.", "note"));
    if (!a.leftOut().isEmpty()) {
      paragraph("Left out of the adjustment (they stay in the unadjusted analyses): " + String.join("; ",
          a.leftOut().stream().map(r -> r.reason() + " (" + r.count().text() + ")").toList()) + ".", "note");
    }
    if (!a.balance().isEmpty()) {
      raw(chart(new LovePlot("Balance before and after adjustment", AdjustmentSection.IMBALANCE, a.balance().stream()
          .map(b -> new LovePlot.Row(b.covariate(), b.smdBefore(), b.smdAfter())).toList()).render()));
      Table b = new Table("Covariate", "SMD before", "SMD after", "Balanced (|SMD| \u2264 0.1)", "Variance ratio before",
          "Variance ratio after");
      a.balance().forEach(x -> b.row(x.covariate(), num(x.smdBefore()), num(x.smdAfter()), x.imbalanced() ? "no" : "yes",
          num(x.varianceRatioBefore()), num(x.varianceRatioAfter())));
      b.write();
      paragraph(num(100 * a.commonSupport()) + "% of the people in the adjustment have a propensity score in the"
          + " region both groups share (common support).", "note");
    }
    if (!a.tenure().isEmpty()) {
      subsection("Time to readmission, adjusted: survival without readmission (weighted Kaplan\u2013Meier)");
      Table s = new Table("Group", "Day", "At risk", "Survival", "CI", "SE (robust)");
      a.tenure().forEach(x -> s.row(x.group(), Integer.toString(x.day()), x.atRisk().text(),
          Double.isNaN(x.survival()) ? "withheld (too few at risk)" : num(x.survival()),
          Double.isNaN(x.survival()) ? "" : num(x.lower()) + " to " + num(x.upper()),
          Double.isNaN(x.survival()) ? "" : num(x.se())));
      s.write();
    }
    a.hazardRatio().ifPresent(h -> {
      subsection("Time to readmission, adjusted: hazard ratio (weighted Cox model)");
      Table t = new Table("People", "Readmissions", "Hazard ratio", "CI", "SE of log HR", "p");
      boolean withheld = Double.isNaN(h.hazardRatio());
      t.row(versus(h.people()), versus(h.events()), withheld ? "withheld (too few readmissions)" : num(h.hazardRatio()),
          withheld ? "" : Math.round(h.level() * 100) + "% " + num(h.lower()) + " to " + num(h.upper()),
          withheld ? "" : num(h.se()) + " (" + h.seKind() + ")", withheld ? "" : pValue(h.p()));
      t.write();
    });
    if (!a.effects().isEmpty()) {
      subsection("Adjusted differences in change (intervention minus comparison)");
      Table e = new Table("Outcome", "People", "Difference", "CI", "SE", "p");
      a.effects().forEach(x -> e.row(x.outcome(), versus(x.people()), num(x.difference()),
          Math.round(x.level() * 100) + "% " + num(x.lower()) + " to " + num(x.upper()), num(x.se()) + " (" + x.seKind()
          + ")", pValue(x.p())));
      e.write();
    }
  }

  private void outcome(OutcomeSection o) {
    section(o.name() + (o.primary() ? " (primary outcome)" : ""));
    paragraph("Score: " + o.score() + ", range " + o.range() + ".", null);
    subsection("Scores at baseline and follow-up");
    Table d = new Table("Group", "Analysis set", "n", "Mean before", "Mean after", "Mean change", "SD of change");
    o.descriptives().forEach(x -> d.row(x.group(), x.set(), x.n().text(), num(x.meanBefore()), num(x.meanAfter()),
        num(x.meanChange()), num(x.sdChange())));
    d.write();
    if (!o.distributions().isEmpty()) {
      raw(chart(beforeAfter(o)));
    }
    subsection("Who is in each analysis");
    Table e = new Table("Group", "Analysis set", "Enrolled", "Analysed", "Left out");
    o.exclusions().forEach(x -> e.row(x.group(), x.set(), x.enrolled().text(), x.included().text(),
        x.excluded().isEmpty() ? "none" : String.join("; ", x.excluded().stream()
            .map(reason -> reason.reason() + ": " + reason.count().text()).toList())));
    e.write();
    if (!o.beforeAndAfter().isEmpty()) {
      subsection("Change within each group (before and after)");
      analyses(o.beforeAndAfter());
    }
    if (!o.comparison().isEmpty()) {
      subsection("Difference between groups");
      analyses(o.comparison());
    }
    subsection("Reliable change");
    if (o.reliableChange().isEmpty()) {
      paragraph(o.reliableChangeNote().orElse("Not assessed."), "note");
    } else {
      Table rc = new Table("Group", "Analysis set", "n", "Improved", "Unchanged", "Deteriorated", "Recovered",
          "Smallest reliable change");
      o.reliableChange().forEach(x -> rc.row(x.group(), x.set(), x.n().text(), x.improved().text(), x.unchanged().text(),
          x.deteriorated().text(), x.recovered().map(SuppressedCount::text).orElse("no cut-off"), num(x.threshold())));
      rc.write();
    }
  }

  private String beforeAfter(OutcomeSection o) {
    List<BeforeAfterChart.Group> groups = new ArrayList<>();
    List<String> names = o.distributions().stream().map(OutcomeSection.Distribution::group).distinct().toList();
    for (String g : names) {
      Optional<OutcomeSection.Distribution> before = o.distributions().stream()
          .filter(d -> d.group().equals(g) && d.time().equals("before")).findFirst();
      Optional<OutcomeSection.Distribution> after = o.distributions().stream()
          .filter(d -> d.group().equals(g) && d.time().equals("after")).findFirst();
      if (before.isPresent() && after.isPresent()) {
        groups.add(new BeforeAfterChart.Group(g, box(before.get()), box(after.get())));
      }
    }
    return new BeforeAfterChart(o.name() + ": baseline and follow-up (intention-to-treat, complete cases)",
        o.score() + " (" + o.range() + ")", groups).render();
  }

  private static BeforeAfterChart.Box box(OutcomeSection.Distribution d) {
    return new BeforeAfterChart.Box(d.p10(), d.p25(), d.p50(), d.p75(), d.p90());
  }

  private void analyses(List<AnalysisEntry> entries) {
    Table t = new Table("Analysis", "Group", "Analysis set", "n", "Estimate", "95% CI", "Statistic", "p", "Method");
    for (AnalysisEntry e : entries) {
      boolean withheld = e.warnings().stream().anyMatch(w -> w.code().equals(Disclosure.WITHHELD));
      String estimate = e.estimate().map(x -> x.name() + " " + num(x.value())).orElse(withheld ? "withheld" : "");
      String ci = e.estimate().filter(x -> x.lower().isPresent())
          .map(x -> num(x.lower().getAsDouble()) + " to " + num(x.upper().getAsDouble())).orElse("");
      String statistic = e.test().map(x -> x.statistic() + " = "
          + (x.value().isPresent() ? num(x.value().getAsDouble()) : "*")
          + (x.df().isPresent() ? ", df = " + df(x.df().getAsDouble()) : "")
          + (x.denominatorDf().isPresent() ? ", " + df(x.denominatorDf().getAsDouble()) : "")).orElse("");
      String p = e.test().map(x -> pValue(x.p())).orElse("");
      t.row(e.name(), e.group(), e.set(), e.n().map(SuppressedCount::text).orElse("-"), estimate, ci, statistic, p,
          e.method().orElse("not run"));
    }
    t.write();
    List<Warning> notes = new ArrayList<>();
    for (AnalysisEntry e : entries) {
      String what = e.name() + " (" + e.group() + ")";
      e.warnings().forEach(w -> notes.add(Warning.of(w.code(), what + ": " + w.message())));
      e.reason().ifPresent(r -> notes.add(Warning.of(r.code(), what + " was not run: " + r.message())));
    }
    if (!notes.isEmpty()) {
      raw("<details><summary>Notes on these analyses (" + notes.size() + ")</summary>");
      warnings(notes);
      raw("</details>\n");
    }
  }

  private void tenure(TenureSection t) {
    section("Community tenure: time to psychiatric readmission");
    list(t.rules());
    if (!t.excluded().isEmpty()) {
      paragraph("Left out of time to readmission: " + String.join("; ", t.excluded().stream()
          .map(x -> x.reason() + " " + x.count().text()).toList()) + ".", "note");
    }
    Table g = new Table("Group", "People", "Readmitted", "Censored", "Readmissions", "Person-years", "Bed-days",
        "Median days to readmission (95% CI)");
    t.groups().forEach(x -> g.row(x.group(), x.people().text(), x.readmitted().text(), x.censored().text(),
        x.readmissions().text(), num(x.personYears()), x.bedDays().text(), median(x)));
    g.write();
    if (!t.curves().isEmpty()) {
      raw(chart(stepChart(t, t.curves(), "Time to psychiatric readmission", "Not readmitted", 1, 1)));
      subsection("Proportion not readmitted");
      List<String> header = new ArrayList<>(List.of("Group"));
      t.atDays().forEach(d -> header.add("Day " + d));
      Table s = new Table(header.toArray(String[]::new));
      for (TenureSection.Curve c : t.curves()) {
        List<String> row = new ArrayList<>(List.of(c.group()));
        c.survivalAt().forEach(v -> row.add(percent(v)));
        s.row(row.toArray(String[]::new));
      }
      s.write();
    }
    if (!t.meanReadmissions().isEmpty()) {
      double top = t.meanReadmissions().stream().flatMap(c -> c.upper().stream()).filter(Double::isFinite)
          .mapToDouble(Double::doubleValue).max().orElse(1);
      raw(chart(stepChart(t, t.meanReadmissions(), "Every readmission: mean cumulative readmissions per person",
          "Readmissions per person", 0, Math.max(0.25, Math.ceil(top * 4) / 4))));
      paragraph("The mean number of psychiatric readmissions per person by each day, counting every readmission"
          + " (time in hospital is not at risk), with robust 95% limits clustered on the person.", "note");
    }
    if (!t.incidence().isEmpty()) {
      raw(chart(stepChart(t, t.incidence(), "Readmission with death as a competing event: cumulative incidence",
          "Readmitted", 0, 1)));
      paragraph("The probability of having been readmitted by each day when death can come first (Aalen-Johansen,"
          + " as cmprsk's cuminc), with pointwise 95% limits.", "note");
    }
    subsection("Analyses");
    analyses(t.analyses());
    subsection("Readmitted within the horizon");
    Table r = new Table("Group", "Readmitted", "Not readmitted", "Followed for less (left out)");
    t.readmissionTable().forEach(x -> r.row(x.group(), x.readmitted().text(), x.notReadmitted().text(), x.unknown().text()));
    r.write();
    t.bedDays().ifPresent(b -> {
      subsection("Bed-days against the historical comparator");
      Table bt = new Table("Group", "Person-years", "Observed bed-days", "Expected bed-days", "Bed-days saved");
      bt.row(b.group(), num(b.personYears()), b.observed().text(), String.format(Locale.ROOT, "%.0f", b.expected()),
          String.format(Locale.ROOT, "%.0f", b.saved()));
      bt.write();
      paragraph("Comparator: " + b.comparator() + ". This is not a controlled estimate: it rests on the comparator.",
          "note");
    });
    t.costs().ifPresent(c -> {
      subsection("Cost offset");
      Table ct = new Table("Bed-days saved", "Cost per bed-day", "Value of bed-days saved", "Cost of peer support",
          "Net");
      ct.row(String.format(Locale.ROOT, "%.0f", c.bedDaysSaved()), money(c.currency(), c.bedDayCost()),
          money(c.currency(), c.savings()), money(c.currency(), c.peerSupportCost()), money(c.currency(), c.net()));
      ct.write();
      paragraph("Costs: " + c.source() + ".", "note");
    });
  }

  private void effectSizes(List<EffectSize> effects) {
    if (effects.isEmpty()) {
      return;
    }
    section("Effect sizes");
    List<ForestPlot.Row> rows = effects.stream()
        .filter(e -> Double.isFinite(e.lower()) && Double.isFinite(e.upper()))
        .map(e -> new ForestPlot.Row(rowLabel(e.outcome(), shortSet(e.comparison())), e.value(), e.lower(), e.upper()))
        .toList();
    if (!rows.isEmpty()) {
      raw(chart(new ForestPlot("Standardised difference in change between groups", effects.get(0).measure()
          + " (positive favours the intervention group)", 0, false, rows).render()));
    }
    Table t = new Table("Outcome", "Comparison", "Measure", "Estimate", "95% CI");
    effects.forEach(e -> t.row(e.outcome(), e.comparison(), e.measure(), num(e.value()),
        num(e.lower()) + " to " + num(e.upper())));
    t.write();
  }

  private void pooled(PooledSection p) {
    section("Pooled across sites");
    paragraph("Each site's difference in mean change (intervention minus comparison, people with both scores) is"
        + " pooled by " + p.method() + ". Sites come from the people file's column " + p.column() + "; people at no"
        + " named site: " + p.leftOut().text() + ".", null);
    for (PooledSection.PooledOutcome o : p.outcomes()) {
      subsection(o.outcome());
      List<ForestPlot.Row> rows = new ArrayList<>();
      o.sites().forEach(s -> s.estimate().filter(e -> e.lower().isPresent() && e.upper().isPresent())
          .ifPresent(e -> rows.add(new ForestPlot.Row(s.site(), e.value(), e.lower().getAsDouble(),
              e.upper().getAsDouble()))));
      o.pooled().ifPresent(x -> rows.add(new ForestPlot.Row("Pooled (" + x.sites() + " sites)", x.estimate().value(),
          x.estimate().lower().orElse(Double.NaN), x.estimate().upper().orElse(Double.NaN), true)));
      if (!rows.isEmpty()) {
        raw(chart(new ForestPlot(o.outcome() + ": difference in change by site", "Difference in mean change"
            + " (intervention minus comparison)", 0, false, rows).render()));
      }
      Table t = new Table("Site", "People (intervention, comparison)", "Difference", "CI", "Weight");
      o.sites().forEach(s -> t.row(s.site(), s.intervention().text() + ", " + s.comparison().text(),
          s.estimate().map(e -> num(e.value())).orElse("too few people"),
          s.estimate().map(e -> opt(e.lower()) + " to " + opt(e.upper())).orElse(""),
          s.weightPercent().map(w -> num(w) + "%").orElse("")));
      o.pooled().ifPresent(x -> t.row("Pooled", "", num(x.estimate().value()), opt(x.estimate().lower()) + " to "
          + opt(x.estimate().upper()), "100%"));
      t.write();
      o.pooled().ifPresent(x -> paragraph("p " + pValue(x.p()) + "; between-site variance tau\u00b2 " + num(x.tau2())
          + ", I\u00b2 " + num(x.i2()) + "%, Q " + num(x.q()) + " (p " + pValue(x.qP()) + "); a new site's difference"
          + " is expected between " + num(x.predictionLower()) + " and " + num(x.predictionUpper()) + ".", "note"));
      o.notRun().ifPresent(r -> paragraph("Not pooled: " + r.message(), "note"));
    }
  }

  private void multiplicity(EvaluationReport.MultiplicitySection m) {
    section("Primary outcomes, adjusted for multiplicity");
    Table t = new Table("Outcome", "Test", "p", m.method() + "-adjusted p");
    m.rows().forEach(x -> t.row(x.outcome(), x.analysis(), pValue(x.rawP()), pValue(x.adjustedP())));
    t.write();
  }

  private void methods(EvaluationReport r) {
    section("Methods");
    Table t = new Table("Method", "Used for", "Assumes");
    r.methods().forEach(m -> t.row(m.name(), m.usedFor(), m.assumes()));
    t.write();
  }

  private void accounting(EvaluationReport r) {
    section("Data accounting");
    paragraph("Every input row is accounted for: read = accepted + rejected. Rejected rows are listed by file and"
        + " row number (rows count from 1 after the header), never by person. These are counts of input rows,"
        + " shown exactly so that the accounting can be checked; they describe no characteristic of a person, and"
        + " every count of people elsewhere in this report is suppressed.", null);
    Table t = new Table("File", "Read", "Accepted", "Rejected", "Note");
    r.inputs().forEach(a -> t.row(a.file(), Long.toString(a.read()), Long.toString(a.accepted()),
        Long.toString(a.rejected()), a.note().orElse("")));
    t.write();
    if (!r.rejectedRows().isEmpty()) {
      raw("<details><summary>Rejected rows (" + r.rejectedRows().size() + ")</summary>\n");
      Table rows = new Table("File", "Row", "Reasons");
      r.rejectedRows().stream().limit(LISTED_REJECTIONS)
          .forEach(x -> rows.row(x.file(), Long.toString(x.row()), String.join("; ", x.reasons())));
      rows.write();
      if (r.rejectedRows().size() > LISTED_REJECTIONS) {
        paragraph((r.rejectedRows().size() - LISTED_REJECTIONS) + " more are listed in report.json.", "note");
      }
      raw("</details>\n");
    }
    if (!r.warnings().isEmpty()) {
      subsection("Warnings");
      warnings(r.warnings());
    }
  }

  // ------------------------------------------------------------------ formatting

  /**
   * The report's days that can label the chart's axis without crowding: from the last backwards,
   * each at least a tenth of the axis from the next, and none too close to day 0.
   */
  static List<Integer> chartDays(List<Integer> days) {
    if (days.isEmpty()) {
      return List.of();
    }
    List<Integer> sorted = days.stream().sorted().toList();
    double gap = sorted.get(sorted.size() - 1) / 10.0;
    List<Integer> kept = new ArrayList<>();
    double next = Double.POSITIVE_INFINITY;
    for (int i = sorted.size() - 1; i >= 0; i--) {
      int d = sorted.get(i);
      if (next - d >= gap && d >= gap) {
        kept.add(0, d);
        next = d;
      }
    }
    return kept;
  }

  private static String median(TenureSection.GroupTenure g) {
    if (g.medianDays().isEmpty()) {
      return "not reached";
    }
    return num(g.medianDays().getAsDouble()) + " (" + opt(g.medianLower()) + " to " + opt(g.medianUpper()) + ")";
  }

  private static String opt(OptionalDouble v) {
    return v.isPresent() ? num(v.getAsDouble()) : "not reached";
  }

  /** An outcome's name shortened, not its set, so that a forest-plot label fits beside the plot. */
  static String rowLabel(String outcome, String set) {
    int room = 42 - set.length();
    String name = outcome.length() > room ? outcome.substring(0, room - 1).strip() + "\u2026" : outcome;
    return name + ", " + set;
  }

  /** "ITT" or "as treated", from an effect's comparison text. */
  private static String shortSet(String comparison) {
    return comparison.contains("as-treated") ? "as treated" : comparison.contains("intention") ? "ITT" : comparison;
  }

  static String num(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "infinite" : "-infinite";
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e9) {
      return Long.toString((long) v);
    }
    String s = a >= 1000 ? String.format(Locale.ROOT, "%.0f", v)
        : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
        : a >= 0.01 || a == 0 ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.2g", v);
    return s.equals("-0.00") || s.equals("-0.0") ? s.substring(1) : s;
  }

  private static String df(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : num(v);
  }

  static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static String percent(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "-";
  }

  private static String money(String currency, double v) {
    return currency + " " + String.format(Locale.ROOT, "%,.0f", v);
  }

  private void section(String title) {
    element("h2", title);
  }

  private void subsection(String title) {
    element("h3", title);
  }

  private void paragraph(String text, String cls) {
    raw(cls == null ? "<p>" : "<p class=\"" + cls + "\">");
    raw(escape(text));
    raw("</p>\n");
  }

  private void list(List<String> items) {
    raw("<ul>\n");
    items.forEach(i -> raw("<li>" + escape(i) + "</li>\n"));
    raw("</ul>\n");
  }

  /** Warnings as a list, each item carrying its code for machine reading ({@code data-code}). */
  private void warnings(List<Warning> warnings) {
    raw("<ul class=\"warnings\">\n");
    warnings.forEach(w -> raw("<li data-code=\"" + escape(w.code()) + "\">" + escape(w.message()) + "</li>\n"));
    raw("</ul>\n");
  }

  private static String chart(String svg) {
    return "<figure>" + svg + "</figure>\n";
  }

  private void element(String tag, String text) {
    raw("<" + tag + ">" + escape(text) + "</" + tag + ">\n");
  }

  private void raw(String html) {
    out.append(html);
  }

  static String escape(String s) {
    return Markup.escape(s);
  }

  /** A table whose cells are plain text, every one escaped (a group name is data, never markup). */
  private final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    void write() {
      if (rows.isEmpty()) {
        return;
      }
      raw("<table>\n<thead><tr>");
      for (String h : header) {
        raw("<th scope=\"col\">" + escape(h) + "</th>");
      }
      raw("</tr></thead>\n<tbody>\n");
      for (String[] r : rows) {
        raw("<tr>");
        for (String c : r) {
          raw("<td>" + escape(c) + "</td>");
        }
        raw("</tr>\n");
      }
      raw("</tbody>\n</table>\n");
    }
  }

  private static final String CSS = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1d1d1d;
             margin: 0; background: #f6f6f4; line-height: 1.45; }
      svg .threshold { stroke-dasharray: 4 3; }
      main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; background: #ffffff; }
      h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
      h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 2px solid #005eb8; padding-bottom: 4px; }
      h3 { font-size: 1.05rem; margin-top: 1.4rem; }
      table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.9rem; }
      th, td { border-bottom: 1px solid #d8dde0; padding: 5px 8px; text-align: left; vertical-align: top; }
      th { background: #eef2f5; }
      td:nth-child(n+2) { font-variant-numeric: tabular-nums; }
      figure { margin: 1rem 0; overflow-x: auto; }
      .note { color: #4c6272; font-size: 0.9rem; }
      details { margin: 0.5rem 0 1rem; }
      summary { cursor: pointer; color: #005eb8; }
      @media print { body { background: #ffffff; } main { padding: 0; } details { display: block; } }
      """;
}
