package org.outcome.stats.psychometrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The invariants of alpha, whatever the data: generated item sets of 2 to 8 items and 3 to 60
 * rows, answers on a 1-5 scale (ties everywhere) or continuous, items loading on a common factor
 * with either sign (so negative alphas come up), and the smallest sizes forced in. Run with
 * {@code -Dpsychometrics.examples=5000} to stress them; CI runs {@value #DEFAULT_EXAMPLES}.
 *
 * <p>Shrinking is capped at {@value #DEFAULT_SHRINKS} cycles ({@code -Dpsychometrics.shrinks=N}):
 * the data are drawn from a seed, and a "smaller" seed is not simpler data, only other data, so
 * QuickTheories' default of 100,000 cycles (100 times its default example count, whatever
 * {@code withExamples} says) buys nothing but time: a failing omega run took 51 s in CI, and a
 * reproduction re-ran the property 10,000 to 13,000 times while shrinking (some 600 times with the
 * cap), where a passing run of the whole class takes a second or two.
 */
class InternalConsistencyPropertiesTest {
  private static final int DEFAULT_EXAMPLES = 200;
  private static final int EXAMPLES = Integer.getInteger("psychometrics.examples", DEFAULT_EXAMPLES);
  private static final int DEFAULT_SHRINKS = 100;
  private static final int SHRINKS = Integer.getInteger("psychometrics.shrinks", DEFAULT_SHRINKS);

  private static QuickTheory theory() {
    return qt().withExamples(EXAMPLES).withShrinkCycles(SHRINKS);
  }

  /** Generated answers (synthetic data, printed whole when a property fails). */
  record Data(double[][] columns) {
    int k() {
      return columns.length;
    }

    int n() {
      return columns[0].length;
    }

    List<String> names() {
      List<String> out = new ArrayList<>();
      for (int j = 0; j < columns.length; j++) {
        out.add("i" + (j + 1));
      }
      return out;
    }

    ItemResponses responses() {
      return ItemResponses.of(names(), columns);
    }

    InternalConsistency.Result alpha() {
      return InternalConsistency.withDefaults().withOmega(false).analyse(responses());
    }

    @Override
    public String toString() {
      return Arrays.deepToString(columns);
    }
  }

  /** Items on a common factor; k from {@code least}; n 3-60, with 3 and least items forced 1 in 10. */
  static Gen<Data> data(int least, int most) {
    return longs().all().map(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      boolean smallest = random.nextInt(10) == 0;
      int k = smallest ? least : least + random.nextInt(most - least + 1);
      int n = smallest ? 3 : 3 + random.nextInt(58);
      boolean likert = random.nextBoolean();
      double[] loading = new double[k];
      for (int j = 0; j < k; j++) {
        loading[j] = (random.nextInt(5) == 0 ? -1 : 1) * random.nextDouble(0, 2);
      }
      double[][] x = new double[k][n];
      for (int i = 0; i < n; i++) {
        double factor = random.nextGaussian();
        for (int j = 0; j < k; j++) {
          double v = 3 + loading[j] * factor + random.nextGaussian();
          x[j][i] = likert ? Math.max(1, Math.min(5, Math.rint(v))) : v;
        }
      }
      return new Data(x);
    }).assuming(InternalConsistencyPropertiesTest::analysable);
  }

  /** No constant item and no constant total (or total without one item): computed here, not by the analysis. */
  static boolean analysable(Data d) {
    double[] total = new double[d.n()];
    for (double[] column : d.columns()) {
      if (variance(column) == 0) {
        return false;
      }
      for (int i = 0; i < total.length; i++) {
        total[i] += column[i];
      }
    }
    for (double[] column : d.columns()) {
      double[] rest = total.clone();
      for (int i = 0; i < rest.length; i++) {
        rest[i] -= column[i];
      }
      if (variance(rest) < 1e-9) {
        return false;
      }
    }
    // nor a constant total of the standardised items (their correlations summing to zero)
    double[] standardised = new double[d.n()];
    for (double[] column : d.columns()) {
      double m = Arrays.stream(column).average().orElseThrow();
      double sd = Math.sqrt(variance(column));
      for (int i = 0; i < standardised.length; i++) {
        standardised[i] += (column[i] - m) / sd;
      }
    }
    return variance(total) > 1e-9 && variance(standardised) > 1e-9;
  }

  private static final double EPS = Math.ulp(1.0);

  /**
   * The largest error the rounding of {@code x·scale + shift} (and of its mean) can put on a
   * deviation of {@code transformed}, relative to its SD: a shift large beside the spread rounds
   * away the spread's last digits.
   */
  private static double relativeRounding(double[] original, double[] transformed, double scale) {
    double largest = 0;
    for (int i = 0; i < original.length; i++) {
      largest = Math.max(largest, Math.abs(original[i] * scale) + Math.abs(transformed[i]));
    }
    return (original.length + 2) * EPS * largest / Math.sqrt(variance(transformed));
  }

  private static double variance(double[] v) {
    double m = Arrays.stream(v).average().orElseThrow();
    return Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1);
  }

  private static void close(double actual, double expected, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(1e-12 + 1e-9 * Math.abs(expected)));
  }

  @Test
  void theOrderOfTheRowsChangesNothing() {
    theory().forAll(data(2, 8), longs().all()).checkAssert((d, seed) -> {
      int[] order = new int[d.n()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double[][] shuffled = new double[d.k()][d.n()];
      for (int j = 0; j < d.k(); j++) {
        for (int i = 0; i < d.n(); i++) {
          shuffled[j][i] = d.columns()[j][order[i]];
        }
      }
      InternalConsistency.Result a = d.alpha();
      InternalConsistency.Result b = new Data(shuffled).alpha();
      assertThat(b.rawAlpha()).as("raw alpha").isCloseTo(a.rawAlpha(), alphaTolerance(a.rawAlpha()));
      assertThat(b.stdAlpha()).as("std alpha").isCloseTo(a.stdAlpha(), alphaTolerance(a.stdAlpha()));
      for (int j = 0; j < d.k(); j++) {
        close(b.itemStatistics().get(j).itemRestCorrelation(), a.itemStatistics().get(j).itemRestCorrelation(),
            "item-rest " + j);
      }
    });
  }

  @Test
  void standardisedAlphaIgnoresEachItemsOriginAndUnit() {
    theory().forAll(data(2, 8), doubles().between(-100, 100), doubles().between(0.01, 100),
        integers().between(0, 7)).checkAssert((d, shift, scale, which) -> {
          int j = which % d.k();
          double[][] x = new double[d.k()][];
          for (int m = 0; m < d.k(); m++) {
            x[m] = d.columns()[m].clone();
          }
          for (int i = 0; i < d.n(); i++) {
            x[j][i] = x[j][i] * scale + shift;
          }
          InternalConsistency.Result a = d.alpha();
          InternalConsistency.Result b = new Data(x).alpha();
          // α_std = k/(k − 1) (1 − k/S), S = Σ R_ij: an error δS moves it by k² δS / ((k − 1) S²), and
          // S is near 0 when the items run against each other (two items with r near −1). δS: the
          // item's correlations move by up to 2η (η the rounding x·scale + shift puts on its
          // deviations, relative to its SD), and each analysis rounds every R_ij by some n ε
          int k = d.k();
          double sum = k + k * (k - 1) * a.averageR();
          double deltaS = 4 * (k - 1) * relativeRounding(d.columns()[j], x[j], scale)
              + 4.0 * k * k * (d.n() + 2) * EPS;
          double slack = 1e-9 * (1 + Math.abs(a.stdAlpha())) + (double) k * k / ((k - 1) * sum * sum) * deltaS;
          assertThat(b.stdAlpha()).isCloseTo(a.stdAlpha(), within(slack));
          assertThat(b.averageR()).isCloseTo(a.averageR(), within(1e-9));
        });
  }

  @Test
  void rawAlphaIgnoresShiftsOfItemsAndACommonUnit() {
    theory().forAll(data(2, 8), doubles().between(-100, 100), doubles().between(0.01, 100))
        .checkAssert((d, shift, scale) -> {
          double[][] x = new double[d.k()][d.n()];
          for (int j = 0; j < d.k(); j++) {
            for (int i = 0; i < d.n(); i++) {
              x[j][i] = d.columns()[j][i] * scale + shift * (j + 1);
            }
          }
          InternalConsistency.Result a = d.alpha();
          InternalConsistency.Result b = new Data(x).alpha();
          // α = k/(k − 1) (1 − V/T), V the items' variances, T the total's: with every deviation
          // moved by up to η of its item's SD, V moves by 2ηV and T by 2η(Σ sd)², and each analysis
          // rounds T by some n ε (Σ sd)²; T is small beside (Σ sd)² when the items cancel
          int k = d.k();
          double eta = 0;
          double sumSd = 0;
          double v = 0;
          double[] total = new double[d.n()];
          for (int j = 0; j < k; j++) {
            eta = Math.max(eta, relativeRounding(d.columns()[j], x[j], scale));
            sumSd += Math.sqrt(variance(d.columns()[j]));
            v += variance(d.columns()[j]);
            for (int i = 0; i < d.n(); i++) {
              total[i] += d.columns()[j][i];
            }
          }
          double t = variance(total);
          double ratio = v / t;
          double slack = 1e-9 * (1 + Math.abs(a.rawAlpha()))
              + k / (k - 1.0) * ratio * (2 * eta + (2 * eta + 4 * (d.n() + 2) * EPS) * sumSd * sumSd / t);
          assertThat(b.rawAlpha()).isCloseTo(a.rawAlpha(), within(slack));
        });
  }

  @Test
  void alphaIfDroppedIsAlphaOfTheOtherItems() {
    theory().forAll(data(3, 8)).checkAssert(d -> {
      InternalConsistency.Result all = d.alpha();
      for (int j = 0; j < d.k(); j++) {
        double[][] rest = new double[d.k() - 1][];
        for (int m = 0, r = 0; m < d.k(); m++) {
          if (m != j) {
            rest[r++] = d.columns()[m];
          }
        }
        if (!analysable(new Data(rest))) {
          continue; // the other items' own alpha is undefined (tiny n): nothing to compare with
        }
        InternalConsistency.Result without = new Data(rest).alpha();
        ItemStatistics s = all.itemStatistics().get(j);
        assertThat(s.alphaIfDropped().orElseThrow()).as("item %s", j)
            .isCloseTo(without.rawAlpha(), alphaTolerance(without.rawAlpha()));
        assertThat(s.stdAlphaIfDropped().orElseThrow()).as("item %s", j)
            .isCloseTo(without.stdAlpha(), alphaTolerance(without.stdAlpha()));
      }
    });
  }

  @Test
  void alphaIsAtMostOneAndStandardisedAlphaFollowsTheAverageCorrelation() {
    theory().forAll(data(2, 8)).checkAssert(d -> {
      InternalConsistency.Result r = d.alpha();
      int k = d.k();
      double rbar = r.averageR();
      assertThat(r.rawAlpha()).isLessThanOrEqualTo(1 + 1e-12);
      assertThat(r.stdAlpha()).isLessThanOrEqualTo(1 + 1e-12);
      assertThat(r.stdAlpha()).isCloseTo(k * rbar / (1 + (k - 1) * rbar), alphaTolerance(r.stdAlpha()));
    });
  }

  /**
   * A tolerance for an alpha computed two ways: a billionth of its size, plus rounding magnified by
   * the alpha itself. Alpha is large only when a denominator nearly cancels: the total score's
   * variance against the items' (raw, {@code k/(k-1) (1 - sum v_i / v_total)}, whose relative
   * rounding grows as {@code sum v_i / v_total}, about {@code |alpha|}) or {@code 1 + (k - 1) r}
   * (standardised, {@code k r / (1 + (k - 1) r)}, about {@code |alpha|} again); three answers with
   * r = -1 + 1e-8 leave alpha -1.7e8 with eight good digits.
   */
  private static Offset<Double> alphaTolerance(double alpha) {
    return within((1e-9 + 1e-14 * (1 + Math.abs(alpha))) * (1 + Math.abs(alpha)));
  }

  @Test
  void withTwoItemsStandardisedAlphaIsTwoROverOnePlusR() {
    theory().forAll(data(2, 2)).checkAssert(d -> {
      double r = pearson(d.columns()[0], d.columns()[1]);
      InternalConsistency.Result result = d.alpha();
      assertThat(result.stdAlpha()).isCloseTo(2 * r / (1 + r), alphaTolerance(2 * r / (1 + r)));
      assertThat(result.itemStatistics().get(0).itemRestCorrelation()).isCloseTo(r, within(1e-12));
    });
  }

  @Test
  void feldtsIntervalHoldsAlphaAndWidensWithTheLevel() {
    theory().forAll(data(2, 8), doubles().between(0.5, 0.999)).checkAssert((d, level) -> {
      InternalConsistency.Result r = InternalConsistency.withDefaults().withOmega(false).withConfLevel(level)
          .analyse(d.responses());
      InternalConsistency.Result wider = InternalConsistency.withDefaults().withOmega(false)
          .withConfLevel(Math.min(0.9999, level + 0.0005)).analyse(d.responses());
      double slack = 1e-12 * (1 + Math.abs(r.rawAlpha()));
      assertThat(r.feldt().lower()).isLessThanOrEqualTo(r.rawAlpha() + slack);
      assertThat(r.feldt().upper()).isGreaterThanOrEqualTo(r.rawAlpha() - slack);
      assertThat(r.feldt().upper()).isLessThanOrEqualTo(1 + slack);
      assertThat(wider.feldt().lower()).isLessThanOrEqualTo(r.feldt().lower() + slack);
      assertThat(wider.feldt().upper()).isGreaterThanOrEqualTo(r.feldt().upper() - slack);
    });
  }

  /**
   * Data whose correlation matrix is exactly a one-factor one, {@code λλ' + diag(1 − λ²)}: the
   * maximum-likelihood fit recovers the loadings, so omega is {@code (Σλ)² / ((Σλ)² + Σ(1 − λ²))}.
   * (The rows are whitened to an exact identity covariance and multiplied by the target's Cholesky
   * factor.)
   */
  @Test
  void aOneFactorCorrelationMatrixIsFittedExactly() {
    theory().forAll(integers().between(3, 8), integers().between(0, 40), longs().all())
        .checkAssert((k, extra, seed) -> {
          SplittableRandom random = new SplittableRandom(seed);
          int n = k + 2 + extra;
          double[] lambda = new double[k];
          for (int j = 0; j < k; j++) {
            lambda[j] = (random.nextInt(6) == 0 ? -1 : 1) * random.nextDouble(0.2, 0.95);
          }
          double[][] target = new double[k][k];
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
              target[a][b] = a == b ? 1 : lambda[a] * lambda[b];
            }
          }
          double[][] x = exactCorrelation(target, n, random);
          OneFactorModel m = InternalConsistency.withDefaults().analyse(new Data(x).responses()).omega().orElseThrow();
          double sign = Math.signum(Arrays.stream(lambda).sum());
          double sum = 0;
          double unique = 0;
          for (int j = 0; j < k; j++) {
            assertThat(m.loadings()[j]).as("loading %s", j).isCloseTo(sign * lambda[j], within(1e-7));
            sum += lambda[j];
            unique += 1 - lambda[j] * lambda[j];
          }
          assertThat(m.heywood()).isFalse();
          assertThat(m.omegaTotal()).isCloseTo(sum * sum / (sum * sum + unique), within(1e-7));
        });
  }

  /**
   * The fit converges whenever the correlation matrix is not singular (f is continuous on the box
   * of uniquenesses, so it has a minimum there; nearly singular matrices and saddles came up, see
   * {@code InternalConsistencyTest}), and when there is no omega a warning says why; omega depends
   * on the correlations only. That is checked where the fit is not a Heywood case: at a bound
   * the minimum need not be unique (with three items and four rows, two items can each be the one
   * held at the bound, at the same likelihood), and which one is found depends on rounding.
   */
  @Test
  void omegaIsBetweenZeroAndOneAndIgnoresUnitsAndRowOrder() {
    theory().forAll(data(3, 8), doubles().between(0.01, 100)).checkAssert((d, scale) -> {
      InternalConsistency.Result r = InternalConsistency.withDefaults().analyse(d.responses());
      // where the correlation matrix is clearly not singular, the fit converges
      if (d.n() > d.k() && determinantOfCorrelations(d) > 1e-8) {
        assertThat(r.omega()).as("omega with n %s and k %s (%s)", d.n(), d.k(), r.warnings()).isPresent();
      }
      assertThat(r.warnings().stream().anyMatch(w -> w.code().equals("omega-not-computed")))
          .as("a warning when there is no omega").isEqualTo(r.omega().isEmpty());
      r.omega().filter(m -> !m.heywood()).ifPresent(m -> {
        assertThat(m.omegaTotal()).isBetween(-1e-12, 1 + 1e-12);
        double[][] x = new double[d.k()][d.n()];
        for (int j = 0; j < d.k(); j++) {
          for (int i = 0; i < d.n(); i++) {
            x[j][i] = d.columns()[j][d.n() - 1 - i] * scale * (j + 1) - j;
          }
        }
        OneFactorModel other = InternalConsistency.withDefaults().analyse(new Data(x).responses()).omega()
            .orElseThrow();
        assertThat(other.omegaTotal()).isCloseTo(m.omegaTotal(), within(1e-7));
      });
    });
  }

  private static double determinantOfCorrelations(Data d) {
    double[][] r = new double[d.k()][d.k()];
    for (int a = 0; a < d.k(); a++) {
      for (int b = 0; b < d.k(); b++) {
        r[a][b] = pearson(d.columns()[a], d.columns()[b]);
      }
    }
    return new LUDecomposition(new Array2DRowRealMatrix(r)).getDeterminant();
  }

  /** The sample (Pearson) correlation of two columns, by the two-pass formula. */
  private static double pearson(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElseThrow();
    double my = Arrays.stream(y).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** n rows whose sample correlation matrix is exactly {@code target} (to rounding). */
  private static double[][] exactCorrelation(double[][] target, int n, SplittableRandom random) {
    int k = target.length;
    double[][] z = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        z[i][j] = random.nextGaussian();
      }
    }
    RealMatrix zm = new Array2DRowRealMatrix(z);
    // centre, then whiten: z (L_s^T)^-1 has identity covariance when s = L_s L_s^T is z's covariance
    for (int j = 0; j < k; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += zm.getEntry(i, j) / n;
      }
      for (int i = 0; i < n; i++) {
        zm.addToEntry(i, j, -mean);
      }
    }
    RealMatrix s = zm.transpose().multiply(zm).scalarMultiply(1.0 / (n - 1));
    RealMatrix whitened = zm.multiply(new LUDecomposition(new CholeskyDecomposition(s).getLT()).getSolver()
        .getInverse());
    RealMatrix out = whitened.multiply(new CholeskyDecomposition(new Array2DRowRealMatrix(target)).getLT());
    return out.transpose().getData();
  }
}
