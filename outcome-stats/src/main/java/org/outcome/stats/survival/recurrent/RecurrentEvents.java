package org.outcome.stats.survival.recurrent;

import java.util.Arrays;
import java.util.Objects;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;

/**
 * The Prentice–Williams–Peterson forms of recurrent-event rows (Prentice, Williams and Peterson,
 * 1981), for {@link org.outcome.stats.survival.cox.CoxPh#fit(CountingProcessSample)}: each row is
 * put in the stratum of its event number (1 + the person's events before it), so that the k-th
 * readmission is compared only with people at risk of a k-th, either on the total-time clock (the
 * intervals as they are) or on the gap-time clock (each interval restarted at 0). As R's
 * {@code coxph(Surv(start, stop, event) ~ x + strata(enum) + cluster(id))} and
 * {@code coxph(Surv(stop - start, event) ~ x + strata(enum) + cluster(id))}. The Andersen–Gill
 * model is the rows without these strata.
 */
public final class RecurrentEvents {
  private RecurrentEvents() {}

  /**
   * The same intervals, stratified by event number (and by the sample's strata, when it has some).
   *
   * @throws InvalidInputException if the sample has no id
   */
  public static CountingProcessSample pwpTotalTime(CountingProcessSample sample) {
    return stratified(sample, false);
  }

  /**
   * Each interval from 0 to its length, stratified by event number (and by the sample's strata).
   *
   * @throws InvalidInputException if the sample has no id
   */
  public static CountingProcessSample pwpGapTime(CountingProcessSample sample) {
    return stratified(sample, true);
  }

  /** Each row's event number: 1 + the events of the same person in intervals that start before it. */
  public static int[] eventNumbers(CountingProcessSample sample) {
    Factor id = sample.id().orElseThrow(() -> InvalidInputException.of("no person column",
        Violation.at("id", "the event number needs each row's person")));
    int n = sample.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> id.code(a) != id.code(b) ? Integer.compare(id.code(a), id.code(b))
        : Double.compare(sample.start(a), sample.start(b)));
    int[] number = new int[n];
    int previousPerson = -1;
    int events = 0;
    for (int row : order) {
      if (id.code(row) != previousPerson) {
        previousPerson = id.code(row);
        events = 0;
      }
      number[row] = events + 1;
      events += sample.atStop().event(row) ? 1 : 0;
    }
    return number;
  }

  private static CountingProcessSample stratified(CountingProcessSample sample, boolean gapTime) {
    Objects.requireNonNull(sample, "sample");
    int[] number = eventNumbers(sample);
    SurvivalSample rows = sample.atStop();
    int n = sample.size();
    String[] stratum = new String[n];
    double[] start = sample.starts();
    double[] stop = rows.times();
    for (int i = 0; i < n; i++) {
      stratum[i] = rows.strata().isPresent() ? rows.strata().get().level(i) + "/" + number[i]
          : Integer.toString(number[i]);
      if (gapTime) {
        stop[i] -= start[i];
        start[i] = 0;
      }
    }
    CountingProcessSample.Builder b = CountingProcessSample.builder(start, stop, rows.events())
        .strata(Factor.of(stratum)).id(sample.id().orElseThrow());
    rows.group().ifPresent(b::group);
    rows.covariates().forEach(b::covariate);
    return b.build();
  }
}
