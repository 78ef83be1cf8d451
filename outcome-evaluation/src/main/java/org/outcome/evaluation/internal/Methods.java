package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.report.EvaluationReport.MethodNote;
import org.outcome.evaluation.report.OutcomeSection;
import org.outcome.evaluation.report.TenureSection;

/** The methods section: each method used, what it was used for, and what it assumes. */
public final class Methods {
  private Methods() {}

  /** The notes for an evaluation, analyses in the order first used, then the report's own methods. */
  public static List<MethodNote> of(EvaluationConfig config, AnalysisRegistry analyses, List<OutcomeSection> outcomes,
      Optional<TenureSection> tenure) {
    Map<AnalysisId, List<String>> uses = new LinkedHashMap<>();
    for (EvaluationConfig.Outcome o : config.outcomes()) {
      o.beforeAndAfter().forEach(id -> uses.computeIfAbsent(id, k -> new ArrayList<>())
          .add(o.instrument() + ": change within each group"));
      o.comparison().forEach(id -> uses.computeIfAbsent(id, k -> new ArrayList<>())
          .add(o.instrument() + ": difference between groups"));
    }
    config.tenure().ifPresent(t -> t.analyses().forEach(id -> uses.computeIfAbsent(id, k -> new ArrayList<>())
        .add("community tenure")));
    List<MethodNote> notes = new ArrayList<>();
    uses.forEach((id, where) -> {
      Analysis<?> a = analyses.require(id);
      String assumes = a.assumptions().isBlank() ? "see the analysis's own documentation (" + id + ")" : a.assumptions();
      notes.add(new MethodNote(a.name(), String.join("; ", where), assumes));
    });
    notes.add(new MethodNote("Analysis sets",
        "every questionnaire outcome",
        "Intention-to-treat uses everyone enrolled in a group who has both a baseline and a follow-up score"
            + " (complete cases: no imputation, so it assumes follow-up is missing at random); people without"
            + " a follow-up are counted in the exclusions table."
            + config.asTreated().map(a -> " As-treated keeps intervention-group members with "
                + a.doseRule().description() + " (Resnick and Rosenheck 2008) and compares them with the whole"
                + " comparison group; it is not randomised and favours engaged participants.").orElse("")));
    if (!outcomes.isEmpty()) {
      notes.add(new MethodNote("Hedges' g", "the forest plot: standardised difference in change between groups",
          "pooled standard deviation of change; exact small-sample correction; interval from the noncentral t"));
      notes.add(new MethodNote("Reliable change (Jacobson and Truax 1991)", "people who changed beyond measurement error",
          "the instrument's published reliability and reference SD; reported only where the definition carries them"));
    }
    tenure.ifPresent(t -> notes.add(new MethodNote("Kaplan-Meier with Greenwood variance",
        "the survival curves, medians and survival at fixed days",
        "censoring unrelated to the risk of readmission; log-transformed intervals as R's survfit default")));
    config.adjustment().ifPresent(a -> notes.add(new MethodNote("Propensity score adjustment",
        "the balance table, the love plot, the adjusted differences in change, the adjusted survival"
            + " without readmission and the adjusted hazard ratio",
        "no unmeasured confounding given " + String.join(", ", a.covariates()) + " (a logistic model as R's glm);"
            + " overlap between the groups; SEs robust (sandwich, as R's sandwich package), treating the"
            + " propensity scores as known; weighted Kaplan-Meier as R's survfit with weights (robust SE); the"
            + " hazard ratio from a weighted Cox model as R's coxph with weights and robust = TRUE (clustered on"
            + " the matched set after matching), assuming proportional hazards; the other comparisons and the"
            + " tenure analyses are not adjusted")));
    config.sites().ifPresent(s -> notes.add(new MethodNote("Meta-analysis across sites",
        "the pooled differences in change and their forest plots",
        "each site's difference in mean change as metafor's escalc(measure = \"MD\"), pooled as metafor's rma ("
            + s.method().description() + (s.knappHartung() ? ", Knapp-Hartung" : "") + "); sites with fewer than"
            + " two people with both scores in a group are not pooled")));
    notes.add(new MethodNote("Multiplicity adjustment", "the primary outcomes' main comparison tests",
        config.multiplicity().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + " adjustment over the family of primary outcomes; other tests are unadjusted and exploratory"));
    notes.add(new MethodNote("Small-number suppression", "every count in a table, chart label or this report's JSON",
        config.suppression().describe()));
    return notes;
  }
}
