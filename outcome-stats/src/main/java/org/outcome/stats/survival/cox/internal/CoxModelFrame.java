package org.outcome.stats.survival.cox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.survival.cox.CoxPh;
import org.outcome.stats.survival.cox.Variance;

/**
 * The inputs of a Cox fit, built as R's {@code coxph} builds them before it calls
 * {@code coxph.fit}: the design matrix (the group column in R's treatment coding, then the
 * covariates, in order), the strata, the rows sorted once by stratum and time ({@link CoxData}),
 * and, when the variance is robust and the sample has a cluster column, the cluster of each sorted
 * row.
 *
 * <p>Contract: {@link #of} either returns inputs a Newton–Raphson fit can start from or throws
 * {@link InvalidInputException} when there is nothing to model, and
 * {@link DegenerateDataException} with no rows, no events, or a covariate without variance
 * (overall or within every stratum). It fits nothing and raises no warning; whether a cluster
 * column was ignored is recorded in {@link #clusterIgnored} for the caller to report.
 */
final class CoxModelFrame {
  /** The term names, in model order. */
  final List<String> names;
  /** The number of rows. */
  final int n;
  /** The number of events. */
  final int nEvent;
  /** The rows sorted by stratum and time, covariates centred and scaled. */
  final CoxData data;
  /**
   * Whether the variance is robust (asked for, or automatic with a cluster column or case weights
   * that are not all whole numbers).
   */
  final boolean robust;
  /** Whether the sample's cluster column is ignored because the model-based variance was asked for. */
  final boolean clusterIgnored;
  /** The cluster code of each sorted row, or {@code null} without clusters. */
  final int[] cluster;
  /** The number of cluster levels (0 without clusters). */
  final int clusterCount;
  /** The number of cluster levels with at least one row. */
  private final int clustersUsed;

  private CoxModelFrame(List<String> names, int n, int nEvent, CoxData data, boolean robust, boolean clusterIgnored,
      int[] cluster, int clusterCount, int clustersUsed) {
    this.names = List.copyOf(names);
    this.n = n;
    this.nEvent = nEvent;
    this.data = data;
    this.robust = robust;
    this.clusterIgnored = clusterIgnored;
    this.cluster = cluster;
    this.clusterCount = clusterCount;
    this.clustersUsed = clustersUsed;
  }

  /**
   * Builds and checks the inputs; see the class contract.
   *
   * @param weights case weights, one per sample row, or {@code null} for none
   * @param starts the start of each row's interval (counting-process rows), or {@code null} for
   *     right-censored rows
   * @throws InvalidInputException if the sample has no covariate and no group, or a case weight
   *     is not a positive finite number (naming its row, from 1)
   * @throws DegenerateDataException with no rows, no events or a covariate without variance
   */
  static CoxModelFrame of(CoxPh config, SurvivalSample sample, double[] weights, double[] starts) {
    int n = sample.size();
    boolean fractionalWeights = weights != null && checkWeights(weights, n);
    List<String> names = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    sample.group().ifPresent(group -> addGroupIndicators(group, names, columns));
    for (Covariate c : sample.covariates()) {
      names.add(c.name());
      columns.add(c.values());
    }
    requireTerms(names);
    int nEvent = sample.eventCount();
    requireRowsAndEvents(n, nEvent);
    double[][] x = columns.toArray(new double[0][]);
    int[] strata = sample.strata().map(Factor::codes).orElse(null);
    int strataLevels = sample.strata().map(Factor::levelCount).orElse(1);
    checkVariance(names, x, strata, strataLevels);
    CoxData data;
    try {
      data = CoxData.of(sample.times(), sample.events(), strata, strataLevels, x, weights, starts, config.timeFix());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("intervals that cannot be modelled", Violation.at("start", e.getMessage()));
    }

    boolean hasCluster = sample.cluster().isPresent();
    boolean robust = config.variance() == Variance.ROBUST
        || (config.variance() == Variance.AUTOMATIC && (hasCluster || fractionalWeights));
    boolean clusterIgnored = config.variance() == Variance.MODEL_BASED && hasCluster;
    int[] cluster = null;
    int clusterCount = 0;
    int clustersUsed = 0;
    if (robust && hasCluster) {
      Factor f = sample.cluster().orElseThrow();
      cluster = new int[n];
      boolean[] used = new boolean[f.levelCount()];
      for (int i = 0; i < n; i++) {
        cluster[i] = f.code(data.rowOf[i]);
        if (!used[cluster[i]]) {
          used[cluster[i]] = true;
          clustersUsed++;
        }
      }
      clusterCount = f.levelCount();
    }
    return new CoxModelFrame(names, n, nEvent, data, robust, clusterIgnored, cluster, clusterCount, clustersUsed);
  }

  /**
   * Refuses case weights that are not one positive finite number per row, as R's {@code coxph}
   * ("Invalid weights, must be >0"), naming the first such row; returns whether any weight is not
   * a whole number (R's {@code has.rwt}, which makes the automatic variance robust).
   */
  private static boolean checkWeights(double[] weights, int n) {
    if (weights.length != n) {
      throw InvalidInputException.of("case weights that do not fit the sample", Violation.at("weights",
          "there are " + weights.length + " case weights for " + n + " rows"));
    }
    boolean fractional = false;
    for (int i = 0; i < n; i++) {
      double w = weights[i];
      if (!(w > 0) || w == Double.POSITIVE_INFINITY) {
        throw InvalidInputException.of("a case weight that cannot be used",
            Violation.atRow(i + 1, "the case weight is not a positive finite number"));
      }
      fractional |= w != Math.floor(w);
    }
    return fractional;
  }

  /** Refuses a model without terms. */
  static void requireTerms(List<String> names) {
    if (names.isEmpty()) {
      throw InvalidInputException.of("nothing to model",
          Violation.at("covariates", "a Cox model needs at least one covariate or a group column"));
    }
  }

  /** Refuses data without rows or without events. */
  static void requireRowsAndEvents(long n, long nEvent) {
    if (n == 0) {
      throw new DegenerateDataException("the sample has no rows", "a Cox model needs data");
    }
    if (nEvent == 0) {
      throw new DegenerateDataException("no events: all " + n + " rows are censored",
          "a Cox model needs at least one observed event");
    }
  }

  /**
   * Refuses a covariate that takes one value over all rows, or (in a stratified model) one value
   * within each stratum.
   */
  static void requireVariance(String name, boolean constant, boolean constantWithinStrata) {
    if (constant) {
      throw new DegenerateDataException("covariate '" + name + "' has no variance: every row has the same value",
          "drop it from the model");
    }
    if (constantWithinStrata) {
      throw new DegenerateDataException("covariate '" + name
          + "' is constant within every stratum, so a stratified model cannot estimate it",
          "drop it from the model, or do not stratify by a variable that determines it");
    }
  }

  /** The number of terms. */
  int p() {
    return names.size();
  }

  /** The number of clusters with at least one row, when a cluster column enters the robust variance. */
  OptionalInt clustersUsed() {
    return cluster != null ? OptionalInt.of(clustersUsed) : OptionalInt.empty();
  }

  /** R's treatment coding of a factor: an indicator for each level after the first. */
  static void addGroupIndicators(Factor group, List<String> names, List<double[]> columns) {
    for (int level = 1; level < group.levelCount(); level++) {
      double[] indicator = new double[group.size()];
      for (int i = 0; i < indicator.length; i++) {
        indicator[i] = group.code(i) == level ? 1 : 0;
      }
      names.add("group" + group.levels().get(level));
      columns.add(indicator);
    }
  }

  private static void checkVariance(List<String> names, double[][] x, int[] strata, int strataLevels) {
    for (int j = 0; j < x.length; j++) {
      double[] col = x[j];
      boolean constant = true;
      for (int i = 1; i < col.length && constant; i++) {
        constant = col[i] == col[0];
      }
      requireVariance(names.get(j), constant, false);
      if (strata != null) {
        double[] first = new double[strataLevels];
        boolean[] seen = new boolean[strataLevels];
        boolean varies = false;
        for (int i = 0; i < col.length && !varies; i++) {
          int s = strata[i];
          if (!seen[s]) {
            seen[s] = true;
            first[s] = col[i];
          } else if (col[i] != first[s]) {
            varies = true;
          }
        }
        requireVariance(names.get(j), false, !varies);
      }
    }
  }
}
