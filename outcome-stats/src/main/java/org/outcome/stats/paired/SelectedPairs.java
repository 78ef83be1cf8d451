package org.outcome.stats.paired;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.outcome.api.sample.PairedSample;
import org.outcome.stats.paired.AnalysisSet.Exclusion;

/**
 * The one implementation of {@link AnalysisSet.Selection}, made only by
 * {@link AnalysisSet#select(PairedCohort)}.
 *
 * @param set the analysis set
 * @param enrolled the number of people in the cohort
 * @param sample the pairs selected, in cohort order
 * @param includedRows the cohort row (from 1) of each selected pair
 * @param excludedRows for each reason, the cohort rows (from 1) excluded for it
 */
record SelectedPairs(AnalysisSet set, int enrolled, PairedSample sample, int[] includedRows,
    Map<Exclusion, List<Integer>> excludedRows) implements AnalysisSet.Selection {
  SelectedPairs {
    includedRows = includedRows.clone();
    Map<Exclusion, List<Integer>> copy = new EnumMap<>(Exclusion.class);
    excludedRows.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    excludedRows = Collections.unmodifiableMap(copy);
  }

  /** A copy of the included rows. */
  @Override
  public int[] includedRows() {
    return includedRows.clone();
  }

  /** The number of pairs selected. */
  @Override
  public int included() {
    return sample.size();
  }

  /** The number excluded for a reason. */
  @Override
  public int excluded(Exclusion reason) {
    return excludedRows.get(reason).size();
  }

  /** The number excluded for any reason; {@code included() + excludedTotal() == enrolled()}. */
  @Override
  public int excludedTotal() {
    return enrolled - included();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SelectedPairs s && set.equals(s.set) && enrolled == s.enrolled
        && Arrays.equals(includedRows, s.includedRows) && excludedRows.equals(s.excludedRows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(set, enrolled, Arrays.hashCode(includedRows), excludedRows);
  }

  @Override
  public String toString() {
    return "Selection[" + set.description() + ": " + included() + " of " + enrolled + " included]";
  }
}
