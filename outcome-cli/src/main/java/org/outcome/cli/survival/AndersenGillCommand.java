package org.outcome.cli.survival;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.cli.io.ConfLevelOption;
import org.outcome.cli.io.EventCodingNote;
import org.outcome.cli.io.InputOption;
import org.outcome.cli.io.OmittedRows;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.TimingOptions;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Ties;
import org.outcome.stats.survival.recurrent.RecurrentEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code outcome survival andersen-gill}: the Cox model of recurrent events on (start, stop] rows. */
@Command(name = "andersen-gill", mixinStandardHelpOptions = true,
    description = {
      "Recurrent events: the Andersen-Gill Cox model on (start, stop] rows.",
      "Equal to R's coxph(Surv(start, stop, event) ~ covariates + cluster(id)):",
      "coefficients with robust standard errors clustered on the person (naiveSe",
      "beside them), hazard ratios, tests. --model pwp-total or pwp-gap fits the",
      "Prentice-Williams-Peterson models (strata by event number; gap time restarts",
      "each interval at 0). outcome tenure --shape recurrent writes such rows."
    })
public final class AndersenGillCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin InputOption input;
  @Mixin OutputOptions output;
  @Mixin TimingOptions timing;
  @Mixin ConfLevelOption confLevel;
  @Mixin IntervalColumns rows;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL",
      description = "Numeric covariate columns, in the order of the model's terms.")
  List<String> covariates;

  @Option(names = "--strata", paramLabel = "COL", description = "Column of strata: a baseline hazard for each value.")
  String strata;

  @Option(names = "--ties", paramLabel = "efron|breslow", description = "Ties method (default: efron).")
  Ties ties = Ties.EFRON;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "ag",
      description = "ag (default), pwp-total or pwp-gap.")
  String model;

  @Override
  public void run() {
    CommandLine commandLine = spec.commandLine();
    String m = model.toLowerCase(Locale.ROOT);
    if (!List.of("ag", "pwp-total", "pwp-gap").contains(m)) {
      throw new CommandLine.ParameterException(commandLine, "--model: '" + model
          + "' is not one of ag, pwp-total, pwp-gap");
    }
    RecurrentInput.Counting read = timing.read(() -> RecurrentInput.counting(input.file(), input.missing(),
        rows.start, rows.stop, rows.event, rows.id, null, UnaryOperator.identity(), strata, covariates));
    CoxPh config = CoxPh.withDefaults().withTies(ties).withConfLevel(confLevel.value());
    CoxPh.Result fit = timing.analyse(() -> {
      CountingProcessSample rows = switch (m) {
        case "pwp-total" -> RecurrentEvents.pwpTotalTime(read.sample());
        case "pwp-gap" -> RecurrentEvents.pwpGapTime(read.sample());
        default -> read.sample();
      };
      return config.fit(rows);
    });
    output.emit(commandLine, OmittedRows.noting(read.omittedRows(), EventCodingNote.noting(read.eventCoding(),
        new CoxCommand.CoxRendering(fit), commandLine.getErr()), commandLine.getErr()), timing);
  }
}
