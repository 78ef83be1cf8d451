package org.outcome.stats.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.testkit.quicktheories.QtGenerators;
import org.outcome.testkit.samples.GroupedSamples;
import org.outcome.testkit.samples.GroupedShape;

/**
 * ANCOVA in closed form from group summaries against an independent least-squares fit
 * (Hipparchus' Householder QR of the design matrix, as R's {@code lm}), and summaries merged from
 * random parts against the whole.
 */
class AncovaSummaryTest {
  private static final int EXAMPLES = 200;

  static boolean close(double a, double b, double relative) {
    return a == b || Math.abs(a - b) <= relative * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  /** Coefficients, standard errors and RSS of y on the columns, by QR. */
  static double[][] leastSquares(double[][] columns, double[] y) {
    int n = y.length;
    int p = columns.length;
    RealMatrix x = new Array2DRowRealMatrix(n, p);
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        x.setEntry(i, j, columns[j][i]);
      }
    }
    QRDecomposition qr = new QRDecomposition(x);
    RealVector beta = qr.getSolver().solve(new ArrayRealVector(y));
    RealVector residual = new ArrayRealVector(y).subtract(x.operate(beta));
    double rss = residual.dotProduct(residual);
    RealMatrix rInverse = new QRDecomposition(qr.getR().getSubMatrix(0, p - 1, 0, p - 1)).getSolver().getInverse();
    RealMatrix xtxInverse = rInverse.multiply(rInverse.transpose());
    double[] se = new double[p];
    for (int j = 0; j < p; j++) {
      se[j] = Math.sqrt(rss / (n - p) * xtxInverse.getEntry(j, j));
    }
    return new double[][] {beta.toArray(), se, {rss}};
  }

  @Test
  void theClosedFormIsTheLeastSquaresFit() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.prePost(GroupedSamples.prePost(3, 3, 30, GroupedShape.CONTINUOUS)))
        .checkAssert(s -> {
          Ancova.Result r;
          try {
            r = Ancova.withDefaults().fit(s);
          } catch (DegenerateDataException e) {
            return;
          }
          List<String> levels = r.levels();
          int n = s.size();
          double[][] columns = new double[levels.size() + 1][n];
          double[][] changeColumns = new double[levels.size()][n];
          double[] change = new double[n];
          for (int i = 0; i < n; i++) {
            columns[0][i] = 1;
            columns[1][i] = s.pre(i);
            changeColumns[0][i] = 1;
            int g = levels.indexOf(s.groups().levels().get(s.groups().code(i)));
            if (g > 0) {
              columns[g + 1][i] = 1;
              changeColumns[g][i] = 1;
            }
            change[i] = s.post(i) - s.pre(i);
          }
          double[][] full = leastSquares(columns, s.postValues());
          for (int j = 0; j < columns.length; j++) {
            Coefficient c = r.ancova().coefficients().get(j);
            assertThat(close(c.estimate(), full[0][j], 1e-9)).as("%s: %s vs %s", c.term(), c.estimate(), full[0][j])
                .isTrue();
            assertThat(close(c.standardError(), full[1][j], 1e-9)).isTrue();
          }
          assertThat(close(r.ancova().sigma() * r.ancova().sigma() * r.ancova().residualDf(), full[2][0], 1e-9))
              .isTrue();
          double[][] byChange = leastSquares(changeColumns, change);
          for (int j = 0; j < changeColumns.length; j++) {
            assertThat(close(r.changeScore().coefficients().get(j).estimate(), byChange[0][j], 1e-9)).isTrue();
            assertThat(close(r.changeScore().coefficients().get(j).standardError(), byChange[1][j], 1e-9)).isTrue();
          }
        });
  }

  @Test
  void summariesMergedFromPartsFitAsTheWhole() {
    qt().withExamples(EXAMPLES).forAll(QtGenerators.prePost(GroupedSamples.prePost(3, 3, 30)), longs().all())
        .checkAssert((s, seed) -> {
          Random random = new Random(seed);
          Factor f = s.groups();
          Map<String, AncovaSummary.Group> merged = new LinkedHashMap<>();
          for (String level : f.levels()) {
            merged.put(level, AncovaSummary.Group.empty());
          }
          // rows dealt at random to parts; each part summarised alone, the parts merged in random order
          int parts = 1 + random.nextInt(4);
          List<List<Integer>> rows = new ArrayList<>();
          for (int p = 0; p < parts; p++) {
            rows.add(new ArrayList<>());
          }
          for (int i = 0; i < s.size(); i++) {
            rows.get(random.nextInt(parts)).add(i);
          }
          java.util.Collections.shuffle(rows, random);
          for (List<Integer> part : rows) {
            for (String level : f.levels()) {
              double[] pre = part.stream().filter(i -> f.levels().get(f.code(i)).equals(level))
                  .mapToDouble(s::pre).toArray();
              double[] post = part.stream().filter(i -> f.levels().get(f.code(i)).equals(level))
                  .mapToDouble(s::post).toArray();
              merged.put(level, merged.get(level).merge(AncovaSummary.Group.of(pre, post)));
            }
          }
          Object whole = outcome(() -> Ancova.withDefaults().fit(s));
          Object parted = outcome(() -> Ancova.withDefaults().fit(new AncovaSummary(merged)));
          if (whole instanceof Ancova.Result a && parted instanceof Ancova.Result b) {
            for (int j = 0; j < a.ancova().coefficients().size(); j++) {
              assertThat(close(a.ancova().coefficients().get(j).estimate(), b.ancova().coefficients().get(j).estimate(),
                  1e-9)).isTrue();
              assertThat(close(a.ancova().coefficients().get(j).pValue(), b.ancova().coefficients().get(j).pValue(),
                  1e-9)).isTrue();
            }
            assertThat(close(a.changeScore().groupTest().f(), b.changeScore().groupTest().f(), 1e-9)).isTrue();
            assertThat(b.groups()).extracting(Ancova.GroupPrePost::n).isEqualTo(a.groups().stream()
                .map(Ancova.GroupPrePost::n).toList());
          } else {
            assertThat(parted).isEqualTo(whole);
          }
        });
  }

  static Object outcome(java.util.function.Supplier<Ancova.Result> fit) {
    try {
      return fit.get();
    } catch (DegenerateDataException e) {
      return "degenerate: " + e.problem();
    }
  }

  @Test
  void collinearConstantAndExactlyFittingDataAreRefused() {
    GroupedPrePostSample s = GroupedPrePostSample.of(new double[] {1, 1, 1, 2, 2, 2}, new double[] {3, 4, 6, 5, 5, 8},
        Factor.of("a", "a", "a", "b", "b", "b"));
    assertThatThrownBy(() -> Ancova.withDefaults().fit(s)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("collinear with the groups");
    GroupedPrePostSample constant = GroupedPrePostSample.of(new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
        new double[] {3, 4, 6, 5, 5, 8}, Factor.of("a", "a", "a", "b", "b", "b"));
    assertThatThrownBy(() -> Ancova.withDefaults().fit(constant)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("is constant");
    // post = 1.5 pre + 5, 6, 7 in the three groups: the fit is exact, what is left is rounding
    GroupedPrePostSample exact = GroupedPrePostSample.of(new double[] {10, 11, 10, 10, 11, 10, 10, 11, 10},
        new double[] {15, 16.5, 15, 16, 17.5, 16, 17, 18.5, 17}, Factor.of("g1", "g1", "g1", "g2", "g2", "g2", "g3",
            "g3", "g3"));
    assertThatThrownBy(() -> Ancova.withDefaults().fit(exact)).isInstanceOf(DegenerateDataException.class)
        .hasMessageContaining("exact linear function");
    assertThatThrownBy(() -> new AncovaSummary.Group(org.outcome.stats.descriptive.Descriptives.of(1, 2),
        org.outcome.stats.descriptive.Descriptives.of(1), org.outcome.stats.descriptive.Descriptives.of(1, 2), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
