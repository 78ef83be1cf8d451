package org.outcome.stats.survival.cox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.ClusterSums;
import org.outcome.stats.survival.cox.CoxRows;
import org.outcome.stats.survival.cox.RowFold;
import org.outcome.stats.survival.cox.RowFunction;

/** {@link CoxRows#of}: a sample's rows folded in contiguous parts. */
public final class SampleRows implements CoxRows {
  private final SurvivalSample sample;
  private final int parts;
  private final List<String> names = new ArrayList<>();
  private final double[][] columns;

  /**
   * The sample's rows as {@link CoxModelFrame} models them.
   *
   * @throws IllegalArgumentException if {@code parts} is below 1
   */
  public SampleRows(SurvivalSample sample, int parts) {
    this.sample = Objects.requireNonNull(sample, "sample");
    if (parts < 1) {
      throw new IllegalArgumentException("at least one part, got " + parts);
    }
    this.parts = parts;
    List<double[]> cols = new ArrayList<>();
    sample.group().ifPresent(group -> CoxModelFrame.addGroupIndicators(group, names, cols));
    for (Covariate c : sample.covariates()) {
      names.add(c.name());
      cols.add(c.values());
    }
    this.columns = cols.toArray(new double[0][]);
  }

  @Override
  public List<String> covariates() {
    return List.copyOf(names);
  }

  @Override
  public int strata() {
    return sample.strata().map(Factor::levelCount).orElse(1);
  }

  @Override
  public boolean clustered() {
    return sample.cluster().isPresent();
  }

  @Override
  public ClusterSums clusterSums(RowFunction value, int p) {
    int n = sample.size();
    double[] times = sample.times();
    boolean[] events = sample.events();
    int[] strata = sample.strata().map(Factor::codes).orElse(null);
    int[] cluster = sample.cluster().map(Factor::codes).orElse(null);
    int groups = cluster == null ? n : sample.cluster().orElseThrow().levelCount();
    double[][] sums = new double[groups][];
    double[] x = new double[columns.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < x.length; j++) {
        x[j] = columns[j][i];
      }
      double[] r = value.apply(strata == null ? 0 : strata[i], times[i], events[i], x);
      int c = cluster == null ? i : cluster[i];
      if (sums[c] == null) {
        sums[c] = r;
      } else {
        for (int j = 0; j < p; j++) {
          sums[c][j] += r[j];
        }
      }
    }
    ClusterSums.Accumulator total = new ClusterSums.Accumulator(p);
    for (double[] r : sums) {
      if (r != null) {
        total.add(r);
      }
    }
    return total.result();
  }

  @Override
  public <A extends RowFold<A>> A fold(A zero) {
    int n = sample.size();
    double[] times = sample.times();
    boolean[] events = sample.events();
    int[] strata = sample.strata().map(Factor::codes).orElse(null);
    double[] x = new double[columns.length];
    A merged = null;
    for (int part = 0; part < parts; part++) {
      A a = zero.copy();
      for (int i = (int) ((long) n * part / parts); i < (long) n * (part + 1) / parts; i++) {
        for (int j = 0; j < x.length; j++) {
          x[j] = columns[j][i];
        }
        a = a.add(strata == null ? 0 : strata[i], times[i], events[i], x);
      }
      merged = merged == null ? a : merged.merge(a);
    }
    return merged;
  }
}
