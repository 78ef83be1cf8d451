package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.TenureSection;
import org.outcome.stats.paired.AnalysisSet;

/** The report's summary: the main findings in plain sentences for a commissioner. */
public final class Summary {
  private Summary() {}

  /** One sentence per main finding. */
  public static List<String> of(EvaluationConfig config, EvaluationReport.GroupsSection groups,
      List<OutcomeSection> outcomes, Optional<TenureSection> tenure,
      Optional<EvaluationReport.MultiplicitySection> multiplicity) {
    List<String> lines = new ArrayList<>();
    lines.add("People compared: " + groups.people().stream().map(c -> c.count().text() + " in " + c.group())
        .reduce((a, b) -> a + " and " + b).orElse("none")
        + groups.asTreated().map(n -> " (" + n.text() + " attended " + groups.asTreatedRule().orElseThrow() + ")").orElse("")
        + ".");
    for (OutcomeSection o : outcomes) {
      // the first intention-to-treat comparison with an estimate; else the first with a test, so
      // that an outcome in the multiplicity family (whose test may come from an analysis without an
      // estimate) is never missing from the summary
      List<AnalysisEntry> itt = o.comparison().stream()
          .filter(e -> e.setKind().equals(Optional.of(AnalysisSet.Kind.INTENTION_TO_TREAT))).toList();
      itt.stream().filter(e -> e.estimate().isPresent()).findFirst()
          .or(() -> itt.stream().filter(e -> e.test().isPresent()).findFirst())
          .ifPresent(e -> lines.add(o.name() + ", " + o.score() + " (" + o.range() + "), "
              + e.name() + ": " + sentence(e, config)));
    }
    tenure.ifPresent(t -> {
      t.groups().forEach(g -> lines.add("Median time to psychiatric readmission in " + g.group() + ": "
          + (g.medianDays().isPresent() ? n(g.medianDays().getAsDouble()) + " days" : "not reached") + "."));
      t.analyses().stream().filter(e -> e.estimate().isPresent() || e.test().isPresent())
          .forEach(e -> lines.add("Readmission, " + e.name() + ": " + sentence(e, config)));
    });
    tenure.flatMap(TenureSection::bedDays).ifPresent(b -> lines.add(String.format(Locale.ROOT,
        "Bed-days: %s observed in %s against %.0f expected from the historical comparator, %.0f saved.",
        b.observed().text(), b.group(), b.expected(), b.saved())));
    tenure.flatMap(TenureSection::costs).ifPresent(c -> lines.add(String.format(Locale.ROOT,
        "Cost offset: %.0f bed-days saved at %s %.0f each is %s %.0f against %s %.0f for peer support (net %s %.0f).",
        c.bedDaysSaved(), c.currency(), c.bedDayCost(), c.currency(), c.savings(), c.currency(), c.peerSupportCost(),
        c.currency(), c.net())));
    multiplicity.ifPresent(m -> lines.add(m.method() + "-adjusted p-values of the primary outcomes: "
        + m.rows().stream().map(r -> r.outcome() + " " + p(r.adjustedP())).reduce((a, b) -> a + "; " + b).orElse("")
        + "."));
    return lines;
  }

  private static String sentence(AnalysisEntry e, EvaluationConfig config) {
    if (e.estimate().isEmpty()) {
      return e.test().map(t -> t.statistic() + (t.value().isPresent() ? " " + n(t.value().getAsDouble()) : "")
          + ", p " + p(t.p()) + ".").orElse("no result.");
    }
    AnalysisEntry.EstimateEntry est = e.estimate().orElseThrow();
    String ci = est.lower().isPresent()
        ? String.format(Locale.ROOT, " (%.0f%% CI %s to %s)", 100 * est.level().orElse(config.confLevel()),
            n(est.lower().getAsDouble()), n(est.upper().getAsDouble()))
        : "";
    return est.name() + " " + n(est.value()) + ci + e.test().map(t -> ", p " + p(t.p())).orElse("") + ".";
  }

  static String n(double v) {
    if (!Double.isFinite(v)) {
      return v > 0 ? "infinite" : v < 0 ? "minus infinity" : "not available";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }

  static String p(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
  }
}
