package org.outcome.cli.evaluate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.ExitCodes;
import org.outcome.cli.engine.Engine;
import org.outcome.cli.engine.Engines;
import org.outcome.evaluation.Evaluation;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationConfigReader;
import org.outcome.evaluation.EvaluationData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a service evaluation from its configuration file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {
      "Run a service evaluation and write its report.",
      "Scores the questionnaires, derives community tenure, runs every configured",
      "analysis (built in or from plugin jars) and writes report.json and report.html.",
      "The configuration is checked completely before any work starts; every problem",
      "is listed.",
      "With 'outcome spark evaluate' Spark reads the tables (paths or URIs, CSV or",
      "Parquet), scores the answers and derives tenure; the report is the same."
    })
public final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The evaluation's JSON configuration.")
  Path config;

  @Option(names = "--output-dir", paramLabel = "DIR", defaultValue = "outcome-report",
      description = "Where to write report.json and report.html (default: ${DEFAULT-VALUE}).")
  Path outputDir;

  @Override
  public Integer call() {
    InstrumentRegistry instruments = InstrumentRegistry.load();
    AnalysisRegistry analyses = AnalysisRegistry.load();
    // on an engine (outcome spark evaluate) the tables are read, the answers scored and tenure derived there
    EvaluationData data = Engines.current().map(Engine::evaluationData).orElse(EvaluationData.files());
    EvaluationConfig cfg = EvaluationConfigReader.read(config, instruments, analyses, data);
    Evaluation.Reports reports = Evaluation.of(cfg, instruments, analyses).withData(data).runWithInternal(new StderrProgress(spec.commandLine().getErr(), StderrProgress.stderrIsTerminal()));
    ReportOutput.write(reports.published(), reports.internal(), outputDir, spec.commandLine().getOut(),
        spec.commandLine().getErr());
    return ExitCodes.OK;
  }
}
