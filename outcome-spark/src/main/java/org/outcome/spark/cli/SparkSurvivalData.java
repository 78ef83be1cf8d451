package org.outcome.spark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.engine.SurvivalRequest;
import org.outcome.io.EventCoding;
import org.outcome.spark.OutcomeSpark;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.SurvivalCounts;
import org.outcome.stats.survival.TimeMatching;
import org.outcome.stats.survival.cox.CoxPh;

/**
 * A survival command's table on Spark. The analysis runs when asked for; the rows left out for a
 * missing value are numbered afterwards, with one more job, only when there are any.
 */
final class SparkSurvivalData implements SurvivalData {
  private final Dataset<Row> table;
  private final SurvivalRequest request;
  private long omitted;
  private EventCoding coding;

  SparkSurvivalData(Dataset<Row> table, SurvivalRequest request) {
    this.table = table;
    this.request = request;
  }

  @Override
  public List<Long> omittedRows() {
    if (omitted == 0) {
      return List.of();
    }
    List<String> used = new ArrayList<>(List.of(request.time(), request.event()));
    used.addAll(request.covariates());
    request.group().ifPresent(used::add);
    request.strata().ifPresent(used::add);
    request.cluster().ifPresent(used::add);
    return OutcomeSpark.rowsMissingAValue(table, used);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException before an analysis has run (the coding is decided in its job)
   */
  @Override
  public EventCoding eventCoding() {
    if (coding == null) {
      throw new IllegalStateException("the event coding is known once an analysis has run");
    }
    return coding;
  }

  @Override
  public KaplanMeier.Result km(KaplanMeier config) {
    return config.fit(counts(Optional.empty(), config.timeMatching()));
  }

  @Override
  public LogRank.Result logRank(LogRank config) {
    return config.test(counts(request.strata(), config.timeMatching()));
  }

  @Override
  public Rmst.Result rmst(Rmst config) {
    return config.compare(counts(Optional.empty(), TimeMatching.R_TOLERANCE));
  }

  @Override
  public CoxPh.Result cox(CoxPh config) {
    OutcomeSpark.CoxFit fit = OutcomeSpark.cox(table, request.time(), request.event(), request.covariates(),
        request.strata(), request.cluster(), config);
    omitted = fit.omittedRows();
    coding = fit.eventCoding();
    return fit.result();
  }

  private SurvivalCounts counts(Optional<String> strata, TimeMatching matching) {
    OutcomeSpark.Counted counted = OutcomeSpark.count(table, request.time(), request.event(), request.group(),
        request.groupLevels(), strata, matching);
    omitted = counted.omittedRows();
    coding = counted.eventCoding();
    return counted.counts();
  }
}
