package org.outcome.cli.survival;

import java.util.List;
import org.outcome.cli.engine.SurvivalData;
import org.outcome.io.EventCoding;
import org.outcome.stats.survival.KaplanMeier;
import org.outcome.stats.survival.LogRank;
import org.outcome.stats.survival.Rmst;
import org.outcome.stats.survival.cox.CoxPh;

/** A sample read in this process by {@link SurvivalInput}, analysed here. */
record LocalSurvivalData(SurvivalInput.Read read) implements SurvivalData {
  @Override
  public List<Long> omittedRows() {
    return read.omittedRows();
  }

  @Override
  public EventCoding eventCoding() {
    return read.eventCoding();
  }

  @Override
  public KaplanMeier.Result km(KaplanMeier config) {
    return config.fit(read.sample());
  }

  @Override
  public LogRank.Result logRank(LogRank config) {
    return config.test(read.sample());
  }

  @Override
  public Rmst.Result rmst(Rmst config) {
    return config.compare(read.sample());
  }

  @Override
  public CoxPh.Result cox(CoxPh config) {
    return config.fit(read.sample());
  }
}
