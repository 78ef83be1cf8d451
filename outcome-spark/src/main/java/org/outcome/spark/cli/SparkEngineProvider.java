package org.outcome.spark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.outcome.api.instrument.Instrument;
import org.outcome.cli.engine.AncovaRequest;
import org.outcome.cli.engine.CompareRequest;
import org.outcome.cli.engine.Engine;
import org.outcome.cli.engine.EngineProvider;
import org.outcome.cli.engine.PairedRequest;
import org.outcome.cli.engine.Summarised;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.cli.engine.SurvivalRequest;
import org.outcome.evaluation.EvaluationData;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.MissingValues;
import org.outcome.spark.OutcomeSpark;
import org.outcome.spark.SparkEvaluationData;
import org.outcome.stats.groups.AncovaSummary;
import org.outcome.stats.groups.TwoGroupSummary;
import org.outcome.stats.paired.PairedSummary;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * The {@code spark} engine: a Spark session on the given master; without one, the session already
 * running in this JVM (a notebook, a test), which it then leaves running, else the master that
 * {@code spark-submit} set ({@code spark.master}), else {@code local[*]} without the web UI.
 */
public final class SparkEngineProvider implements EngineProvider {
  /** For {@link java.util.ServiceLoader}. */
  public SparkEngineProvider() {}

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Engine open(Optional<String> master) {
    if (master.isEmpty() && SparkSession.getDefaultSession().isDefined()) {
      return new SparkEngine(SparkSession.getDefaultSession().get(), false);
    }
    SparkSession.Builder builder = SparkSession.builder().appName("outcome");
    // spark-submit passes the cluster's master and settings as spark.* properties: keep them
    boolean submitted = master.isEmpty() && new SparkConf().contains("spark.master");
    if (!submitted) {
      builder.master(master.orElse("local[*]")).config("spark.ui.enabled", "false");
    }
    SparkSession session = builder.getOrCreate();
    return new SparkEngine(session, true);
  }

  /** An engine on a session, stopped at the end when this engine started it. */
  private record SparkEngine(SparkSession session, boolean owned) implements Engine {
    @Override
    public String name() {
      return "spark";
    }

    @Override
    public SurvivalData survival(SurvivalRequest request) {
      return new SparkSurvivalData(Tables.read(session, request.input(), request.missing(), numericColumns(request)),
          request);
    }

    private static List<String> numericColumns(SurvivalRequest request) {
      List<String> numeric = new ArrayList<>(List.of(request.time()));
      numeric.addAll(request.covariates());
      return numeric;
    }

    @Override
    public TenureResults tenure(String people, String episodes, TenureOptions options) {
      return OutcomeSpark.tenure(Tables.read(session, people, MissingValues.NONE, List.of()),
          Tables.read(session, episodes, MissingValues.NONE, List.of()), options).collect();
    }

    @Override
    public EvaluationData evaluationData() {
      return SparkEvaluationData.of(location -> Tables.read(session, location, MissingValues.NONE, List.of()));
    }

    @Override
    public BatchSummary score(String input, MissingValues missing, Instrument instrument, BatchSink sink) {
      return OutcomeSpark.scoreInto(Tables.read(session, input, missing, List.of()), instrument, sink);
    }

    @Override
    public Summarised<PairedSummary> paired(PairedRequest request) {
      List<String> numeric = new ArrayList<>(List.of(request.before(), request.after()));
      request.dose().ifPresent(numeric::add);
      Dataset<Row> table = Tables.read(session, request.input(), request.missing(), numeric);
      PairedSummary summary = OutcomeSpark.paired(table, request.before(), request.after(), request.dose(),
          request.set(), request.ranking(), request.reliableChange());
      // a row missing a value is always excluded, so there is none to number when no one is
      List<Long> omitted = summary.excludedTotal() == 0 ? List.of() : OutcomeSpark.rowsMissingAValue(table, numeric);
      return new Summarised<>(summary, summary.enrolled(), omitted.size(), omitted);
    }

    @Override
    public Summarised<TwoGroupSummary> compare(CompareRequest request) {
      Dataset<Row> table = Tables.read(session, request.input(), request.missing(), List.of(request.value()));
      return back(OutcomeSpark.compare(table, request.value(), request.group(), request.choice(), request.ranking()),
          table, List.of(request.value(), request.group()));
    }

    @Override
    public Summarised<AncovaSummary> ancova(AncovaRequest request) {
      Dataset<Row> table = Tables.read(session, request.input(), request.missing(),
          List.of(request.pre(), request.post()));
      return back(OutcomeSpark.ancova(table, request.pre(), request.post(), request.group()), table,
          List.of(request.pre(), request.post(), request.group()));
    }

    /** The summary, with the rows left out numbered (one more job, only when there are any). */
    private static <S> Summarised<S> back(OutcomeSpark.Summarised<S> s, Dataset<Row> table, List<String> used) {
      List<Long> omitted = s.rowsMissing() == 0 ? List.of() : OutcomeSpark.rowsMissingAValue(table, used);
      return new Summarised<>(s.summary(), s.rowsRead(), s.rowsMissing(), omitted);
    }

    @Override
    public void close() {
      if (owned) {
        session.stop();
      }
    }
  }
}
