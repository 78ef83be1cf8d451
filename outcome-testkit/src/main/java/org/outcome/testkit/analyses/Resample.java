package org.outcome.testkit.analyses;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.SurvivalSample;

/** Transformations of samples that a correct analysis must be invariant (or equivariant) to. */
final class Resample {
  private Resample() {}

  static PairedSample shifted(PairedSample s, double c) {
    double[] b = s.beforeValues();
    double[] a = s.afterValues();
    for (int i = 0; i < b.length; i++) {
      b[i] += c;
      a[i] += c;
    }
    return PairedSample.of(b, a);
  }

  static GroupedSample mapped(GroupedSample s, DoubleUnaryOperator f) {
    double[] v = s.values();
    for (int i = 0; i < v.length; i++) {
      v[i] = f.applyAsDouble(v[i]);
    }
    return GroupedSample.of(v, s.groups());
  }

  /** The same rows with the level names reversed, so the first group becomes the last. */
  static Factor reversedLabels(Factor f) {
    List<String> levels = f.levels();
    String[] labels = new String[f.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = levels.get(levels.size() - 1 - f.code(i));
    }
    return Factor.withLevels(labels, levels);
  }

  static GroupedSample relabelled(GroupedSample s) {
    return GroupedSample.of(s.values(), reversedLabels(s.groups()));
  }

  static SurvivalSample withTimes(SurvivalSample s, DoubleUnaryOperator f) {
    double[] t = s.times();
    for (int i = 0; i < t.length; i++) {
      t[i] = f.applyAsDouble(t[i]);
    }
    return rebuild(s, t, s.covariates(), UnaryOperator.identity());
  }

  static SurvivalSample relabelled(SurvivalSample s) {
    return rebuild(s, s.times(), s.covariates(), Resample::reversedLabels);
  }

  static SurvivalSample withCovariate(SurvivalSample s, int j, DoubleUnaryOperator f) {
    List<Covariate> covariates = new java.util.ArrayList<>(s.covariates());
    double[] v = covariates.get(j).values();
    for (int i = 0; i < v.length; i++) {
      v[i] = f.applyAsDouble(v[i]);
    }
    covariates.set(j, Covariate.of(covariates.get(j).name(), v));
    return rebuild(s, s.times(), covariates, UnaryOperator.identity());
  }

  /** The rows in reverse order. */
  static SurvivalSample reversedRows(SurvivalSample s) {
    int n = s.size();
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    for (int i = 0; i < n; i++) {
      t[i] = s.time(n - 1 - i);
      e[i] = s.event(n - 1 - i);
    }
    SurvivalSample.Builder b = SurvivalSample.builder(t, e);
    s.group().ifPresent(g -> b.group(reversedRows(g)));
    s.strata().ifPresent(g -> b.strata(reversedRows(g)));
    s.cluster().ifPresent(g -> b.cluster(reversedRows(g)));
    for (Covariate c : s.covariates()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = c.value(n - 1 - i);
      }
      b.covariate(c.name(), v);
    }
    return b.build();
  }

  private static Factor reversedRows(Factor f) {
    String[] labels = new String[f.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = f.level(f.size() - 1 - i);
    }
    return Factor.withLevels(labels, f.levels());
  }

  private static SurvivalSample rebuild(
      SurvivalSample s, double[] time, List<Covariate> covariates, UnaryOperator<Factor> group) {
    SurvivalSample.Builder b = SurvivalSample.builder(time, s.events());
    s.group().ifPresent(g -> b.group(group.apply(g)));
    s.strata().ifPresent(b::strata);
    s.cluster().ifPresent(b::cluster);
    covariates.forEach(b::covariate);
    return b.build();
  }
}
