package org.outcome.cli.engine;

import java.util.List;
import org.outcome.io.EventCoding;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.cox.CoxPh;

/**
 * The rows of a survival analysis as an engine holds them, and the analyses run where they are.
 * Each method gives what the same configuration gives on a sample of the same rows in this
 * process, except where the engine's documentation says otherwise.
 */
public interface SurvivalData {
  /** The data rows (from 1) left out for a missing value in a column the analysis uses. */
  List<Long> omittedRows();

  /** How the event column was coded: 0/1, 1/2 or TRUE/FALSE, decided as R's {@code Surv} decides. */
  EventCoding eventCoding();

  /** Kaplan–Meier curves. */
  KaplanMeier.Result km(KaplanMeier config);

  /** The log-rank (G-rho) test. */
  LogRank.Result logRank(LogRank config);

  /** Restricted mean survival time per group and their contrasts. */
  Rmst.Result rmst(Rmst config);

  /** The Cox model. */
  CoxPh.Result cox(CoxPh config);
}
