package org.outcome.stats.survival.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.fixtures.Fixture;

/**
 * The mean cumulative function against R 4.2.2 / survival 3.5-3 on cgd (the shared
 * {@code recurrent__cgd} rows, 0 = placebo, 1 = rIFN-g):
 * <pre>
 * fit &lt;- survfit(Surv(tstart, tstop, status) ~ treat, data = cgd, id = id)
 * summary(fit, times = c(50, 100, 200, 300), extend = TRUE)   # cumhaz, std.chaz, n.risk
 * </pre>
 */
class MeanCumulativeFunctionTest {
  private static final double[] TIMES = {50, 100, 200, 300};

  static CountingProcessSample cgd(boolean withId) {
    Fixture f = RFixtures.ofKind("andersen-gill").get(0);
    double[] treat = f.numbers("treat");
    String[] group = new String[treat.length];
    for (int i = 0; i < group.length; i++) {
      group[i] = treat[i] == 1 ? "rIFN-g" : "placebo";
    }
    CountingProcessSample.Builder b = CountingProcessSample.builder(f.numbers("start"), f.numbers("stop"),
        f.flags("event")).group(Factor.of(group));
    return withId ? b.id(Factor.of(f.texts("id"))).build() : b.build();
  }

  private static void close(double actual, double r) {
    assertThat(actual).isCloseTo(r, within(1e-10 * Math.abs(r) + 1e-13));
  }

  @Test
  void meanAndRobustSeAreSurvfitsCumhazWithId() {
    List<MeanCumulativeFunction.Curve> curves = MeanCumulativeFunction.fit(cgd(true));
    assertThat(curves).extracting(MeanCumulativeFunction.Curve::group).containsExactly("placebo", "rIFN-g");
    double[][] mean = {{0.153846153846154, 0.246642246642247, 0.407932569222892, 0.892971559173856},
        {0, 0.0317460317460317, 0.160283045000126, 0.279480206623396}};
    double[][] se = {{0.0543090835767279, 0.0654429729705523, 0.0934632636139901, 0.168189178984237},
        {0, 0.0220886457992479, 0.0563852022593307, 0.0730211274391464}};
    for (int g = 0; g < 2; g++) {
      MeanCumulativeFunction.Curve c = curves.get(g);
      for (int k = 0; k < TIMES.length; k++) {
        int i = c.indexAt(TIMES[k]);
        close(c.meanAt(TIMES[k]), mean[g][k]);
        close(i < 0 ? 0 : c.se()[i], se[g][k]);
      }
    }
  }

  /** Without ids the variance is survfit's without {@code id}, {@code sum d / Y^2} (std.chaz 0.04865043, …). */
  @Test
  void withoutIdsTheVarianceIsNelsonAalens() {
    MeanCumulativeFunction.Curve placebo = MeanCumulativeFunction.fit(cgd(false)).get(0);
    double[] se = {0.04865043, 0.06166238, 0.08002315, 0.13287302};
    for (int k = 0; k < TIMES.length; k++) {
      assertThat(placebo.se()[placebo.indexAt(TIMES[k])]).isCloseTo(se[k], within(5e-9));
    }
  }

  /**
   * Generated people with up to four intervals each (whole days, gaps between them): splitting an
   * interval without an event at an interior day changes neither the curve nor its robust SE, the
   * order of the rows changes nothing, and the curve rises.
   */
  @Test
  void splittingIntervalsAndShufflingRowsChangeNothing() {
    org.quicktheories.QuickTheory.qt().withExamples(200).forAll(org.quicktheories.generators.SourceDSL.longs().all())
        .checkAssert(seed -> {
          java.util.Random r = new java.util.Random(seed);
          java.util.List<double[]> rows = new java.util.ArrayList<>();
          int people = 2 + r.nextInt(15);
          for (int p = 0; p < people; p++) {
            double t = r.nextInt(3);
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
              double stop = t + 1 + r.nextInt(10);
              rows.add(new double[] {t, stop, r.nextInt(3) == 0 ? 0 : 1, p});
              t = stop + r.nextInt(3);
            }
          }
          java.util.List<double[]> split = new java.util.ArrayList<>();
          for (double[] row : rows) {
            if (row[1] - row[0] >= 2 && r.nextBoolean()) {
              double cut = row[0] + 1 + r.nextInt((int) (row[1] - row[0]) - 1);
              split.add(new double[] {row[0], cut, 0, row[3]});
              split.add(new double[] {cut, row[1], row[2], row[3]});
            } else {
              split.add(row);
            }
          }
          java.util.Collections.shuffle(split, r);
          MeanCumulativeFunction.Curve a = MeanCumulativeFunction.fit(sample(rows)).get(0);
          MeanCumulativeFunction.Curve b = MeanCumulativeFunction.fit(sample(split)).get(0);
          assertThat(b.times()).containsExactly(a.times());
          for (int k = 0; k < a.times().length; k++) {
            close(b.mean()[k], a.mean()[k]);
            // variances: the running sums leave rounding of about 1e-17 where the exact one is 0
            assertThat(b.se()[k] * b.se()[k]).isCloseTo(a.se()[k] * a.se()[k],
                within(1e-10 * a.se()[k] * a.se()[k] + 1e-14));
            if (k > 0) {
              assertThat(a.mean()[k]).isGreaterThan(a.mean()[k - 1]);
            }
          }
        });
  }

  private static CountingProcessSample sample(java.util.List<double[]> rows) {
    int n = rows.size();
    double[] start = new double[n];
    double[] stop = new double[n];
    boolean[] event = new boolean[n];
    String[] id = new String[n];
    for (int i = 0; i < n; i++) {
      start[i] = rows.get(i)[0];
      stop[i] = rows.get(i)[1];
      event[i] = rows.get(i)[2] == 1;
      id[i] = "p" + (int) rows.get(i)[3];
    }
    return CountingProcessSample.builder(start, stop, event).id(Factor.of(id)).build();
  }
}
