package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.OutcomeException;
import org.outcome.api.SubjectId;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Warning;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.PooledSection;
import org.outcome.evaluation.report.ReportWarnings;
import org.outcome.evaluation.report.Suppression;
import org.outcome.stats.descriptive.Descriptives;
import org.outcome.stats.meta.MetaAnalysis;
import org.outcome.stats.meta.SiteEffects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pools each questionnaire outcome's comparison across the configured sites
 * ({@link EvaluationConfig.Sites}): within each site the difference in mean change between the
 * groups with its variance {@code sd1²/n1 + sd0²/n0} ({@code escalc(measure = "MD")}), then
 * {@link MetaAnalysis}. A site with fewer than two people with both scores in a group, or no spread
 * of change in either, is listed without an estimate and left out of the pooling.
 */
public final class SitesRunner {
  private static final Logger LOG = LoggerFactory.getLogger(SitesRunner.class);

  private final EvaluationConfig config;
  private final EvaluationConfig.Sites sites;
  private final ReportWarningLog warnings;
  private final Suppression suppression;
  private final Map<SubjectId, Integer> siteOf = new HashMap<>();
  private final List<PooledSection.PooledOutcome> outcomes = new ArrayList<>();
  private long leftOut;

  private SitesRunner(EvaluationConfig config, EvaluationConfig.Sites sites, List<Warning> warnings) {
    this.config = config;
    this.sites = sites;
    this.warnings = new ReportWarningLog(warnings, LOG);
    this.suppression = config.suppression();
  }

  /** Takes each accepted person's site from the people file's single pass; warnings go to {@code warnings}. */
  public static SitesRunner of(EvaluationConfig config, EvaluationConfig.Sites sites, Participants people,
      List<Warning> warnings) {
    SitesRunner runner = new SitesRunner(config, sites, warnings);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sites.names().size(); i++) {
      index.put(sites.names().get(i), i);
    }
    for (SubjectId subject : people.people()) {
      Integer site = index.get(people.cell(subject, sites.column()));
      if (site == null) {
        runner.leftOut++;
      } else {
        runner.siteOf.put(subject, site);
      }
    }
    return runner;
  }

  /**
   * Pools one outcome.
   *
   * @param outcome the outcome's name and score
   * @param members the people, in the order of the scores
   * @param before their baseline scores (NaN where missing)
   * @param after their follow-up scores (NaN where missing)
   */
  public void add(String outcome, List<SubjectId> members, double[] before, double[] after, Participants people) {
    int k = sites.names().size();
    List<List<Double>> treated = new ArrayList<>();
    List<List<Double>> controls = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      treated.add(new ArrayList<>());
      controls.add(new ArrayList<>());
    }
    String intervention = config.groups().intervention();
    for (int i = 0; i < members.size(); i++) {
      Integer site = siteOf.get(members.get(i));
      if (site == null || Double.isNaN(before[i]) || Double.isNaN(after[i])) {
        continue;
      }
      boolean t = people.group(members.get(i)).orElseThrow().equals(intervention);
      (t ? treated : controls).get(site).add(after[i] - before[i]);
    }
    List<Integer> pooledSites = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    List<PooledSection.SiteRow> rows = new ArrayList<>();
    for (int s = 0; s < k; s++) {
      Descriptives d1 = Descriptives.of(treated.get(s).stream().mapToDouble(Double::doubleValue).toArray());
      Descriptives d0 = Descriptives.of(controls.get(s).stream().mapToDouble(Double::doubleValue).toArray());
      long n1 = treated.get(s).size();
      long n0 = controls.get(s).size();
      double variance = n1 >= 2 && n0 >= 2 ? d1.sd() * d1.sd() / n1 + d0.sd() * d0.sd() / n0 : Double.NaN;
      Optional<AnalysisEntry.EstimateEntry> estimate = Optional.empty();
      if (variance > 0) {
        double diff = d1.mean() - d0.mean();
        ConfidenceInterval ci = SiteEffects.of(new double[] {diff}, new double[] {variance})
            .interval(0, config.confLevel());
        estimate = Optional.of(new AnalysisEntry.EstimateEntry("difference in mean change", diff,
            OptionalDouble.of(ci.lower()), OptionalDouble.of(ci.upper()), OptionalDouble.of(config.confLevel())));
        pooledSites.add(s);
        y.add(diff);
        v.add(variance);
      }
      rows.add(new PooledSection.SiteRow(sites.names().get(s), suppression.apply(n1), suppression.apply(n0), estimate,
          Optional.empty()));
    }
    try {
      MetaAnalysis.Result r = MetaAnalysis.withDefaults().withMethod(sites.method())
          .withKnappHartung(sites.knappHartung()).withConfLevel(config.confLevel())
          .pool(SiteEffects.of(y.stream().mapToDouble(Double::doubleValue).toArray(),
              v.stream().mapToDouble(Double::doubleValue).toArray()));
      double[] weights = r.weightsPercent();
      for (int j = 0; j < pooledSites.size(); j++) {
        PooledSection.SiteRow row = rows.get(pooledSites.get(j));
        rows.set(pooledSites.get(j), new PooledSection.SiteRow(row.site(), row.intervention(), row.comparison(),
            row.estimate(), Optional.of(weights[j])));
      }
      r.warnings().forEach(w -> warnings.note(w.code(), "pooling " + outcome + " across sites: " + w.message()));
      AnalysisEntry.EstimateEntry pooled = new AnalysisEntry.EstimateEntry("pooled difference in mean change",
          r.pooled().value(), OptionalDouble.of(r.pooled().interval().orElseThrow().lower()),
          OptionalDouble.of(r.pooled().interval().orElseThrow().upper()), OptionalDouble.of(config.confLevel()));
      outcomes.add(new PooledSection.PooledOutcome(outcome, rows, Optional.of(new PooledSection.Pooled(pooled, r.se(),
          r.pValue(), r.tau2(), r.i2(), r.q(), r.qPValue(), r.prediction().lower(), r.prediction().upper(),
          r.sites())), Optional.empty()));
    } catch (OutcomeException e) {
      warnings.warn(ReportWarnings.NOT_RUN, "pooling " + outcome + " across sites was not done: " + e.getMessage());
      outcomes.add(new PooledSection.PooledOutcome(outcome, rows, Optional.empty(),
          Optional.of(AnalysisEntry.NotRun.of(e))));
    }
  }

  /** The section, with every outcome added so far. */
  public PooledSection section() {
    return new PooledSection(sites.column(), "meta-analysis, " + sites.method().description()
        + (sites.knappHartung() ? ", Knapp-Hartung adjustment" : ""), suppression.apply(leftOut), outcomes);
  }
}
