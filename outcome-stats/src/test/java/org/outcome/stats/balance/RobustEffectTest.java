package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.stats.RFixtures;
import org.outcome.stats.balance.Weighting.Effect;
import org.outcome.stats.balance.Weighting.Estimand;
import org.outcome.testkit.fixtures.Fixture;

/**
 * Weighted effects with robust standard errors, against R 4.2.2 with sandwich 3.0-2 on the Lalonde
 * data (the fixture {@code propensity/lalonde-nearest}'s input):
 * <pre>
 * ps &lt;- fitted(glm(treat ~ age + educ + black + hispan + married + nodegree + re74 + re75, binomial))
 * w &lt;- ifelse(treat == 1, 1 / ps, 1 / (1 - ps))
 * fit &lt;- lm(y ~ treat, weights = w); sqrt(vcovHC(fit, type = "HC0")[2, 2])
 * # matching: MatchIt 4.5.1 through its distance-matrix path (propensity-nearest-distmat.R), then
 * md &lt;- match.data(m); fit &lt;- lm(y ~ treat, data = md, weights = weights)
 * sqrt(vcovCL(fit, cluster = ~subclass, type = "HC0")[2, 2])
 * </pre>
 */
class RobustEffectTest {
  private static final double RELATIVE = 1e-9;

  private static Fixture lalonde() {
    return RFixtures.byId("propensity-matching", "propensity/lalonde-nearest");
  }

  private static double[] propensity(Fixture f) {
    List<String> covariates = ((List<?>) f.options().get("covariates")).stream().map(String::valueOf).toList();
    return LogisticRegression.fit(f.numbers("treat"), covariates, covariates.stream().map(f::numbers).toList())
        .fitted();
  }

  private static void close(double actual, double r) {
    assertThat(actual).isCloseTo(r, within(RELATIVE * Math.abs(r)));
  }

  @Test
  void iptwDifferenceAndRiskDifferenceHaveSandwichsHc0() {
    Fixture f = lalonde();
    double[] t = f.numbers("treat");
    double[] y = f.numbers("y");
    double[] w = Weighting.weights(t, propensity(f), Estimand.ATE, false);
    Effect ate = Weighting.effect(y, t, w);
    close(ate.estimate(), 224.676308271438);
    close(ate.seHc0(), 909.477668248430);
    assertThat(ate.seClustered()).isEmpty();
    double[] employed = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      employed[i] = y[i] > 0 ? 1 : 0;
    }
    Effect rd = Weighting.effect(employed, t, w);
    close(rd.estimate(), 0.021549761327);
    close(rd.seHc0(), 0.069741276244);
  }

  @Test
  void matchedDifferenceHasSandwichsHc0AndClusterByMatchedSet() {
    Fixture f = lalonde();
    double[] t = f.numbers("treat");
    double[] y = f.numbers("y");
    double[] ps = propensity(f);
    double[][] r = {{894.367480270271, 728.318334508030, 714.792894462821},
        {220.288640675675, 674.753593662872, 661.252654117198}};
    for (int k = 1; k <= 2; k++) {
      NearestNeighbourMatching.Result m = NearestNeighbourMatching.withDefaults().withRatio(k).match(t, ps);
      Effect att = Weighting.effect(y, t, m.weights(), m.matchedSets());
      close(att.estimate(), r[k - 1][0]);
      close(att.seHc0(), r[k - 1][1]);
      close(att.seClustered().orElseThrow(), r[k - 1][2]);
      assertThat(att.clusters()).isEqualTo(185);
    }
  }

  /**
   * Variance ratios and common support, in R on the same data: {@code var(x[t == 1]) / var(x[t ==
   * 0])}; weighted, cobalt's variance written out, {@code wv <- function(x, w) sum(w * (x -
   * weighted.mean(x, w))^2) / (sum(w) - sum(w^2) / sum(w))}, with ATT weights; and {@code mean(ps
   * >= max(min(ps1), min(ps0)) & ps <= min(max(ps1), max(ps0)))}.
   */
  @Test
  void varianceRatiosAndCommonSupportAreRs() {
    Fixture f = lalonde();
    double[] t = f.numbers("treat");
    double[] ps = propensity(f);
    List<double[]> x = List.of(f.numbers("age"), f.numbers("re74"));
    double[] ones = new double[t.length];
    java.util.Arrays.fill(ones, 1);
    double[] before = Weighting.varianceRatios(t, x, ones);
    close(before[0], 0.439995463435061);
    close(before[1], 0.518128480856177);
    double[] after = Weighting.varianceRatios(t, x, Weighting.weights(t, ps, Estimand.ATT, false));
    close(after[0], 0.457753608674738);
    close(after[1], 1.32062727396814);
    close(Weighting.commonSupport(t, ps), 0.89413680781759);
  }

  /**
   * A covariate constant among the treated: MatchIt 4.5.1 standardises by the pooled SD instead of
   * dividing by 0. R: {@code summary(matchit(treat ~ x + b + z, d, method = NULL))$sum.all} with
   * {@code treat = c(1,1,1,1,0,0,0,0,0,0)}, {@code x = c(2,2,2,2,1,3,5,2,4,1)},
   * {@code b = c(1,1,1,1,0,1,0,1,0,0)}, {@code z = c(0.3,1.2,-0.5,0.8,0.1,-1,0.4,0.9,-0.2,1.5)}.
   */
  @Test
  void aCovariateConstantAmongTheTreatedIsStandardisedByThePooledSdAsMatchIt() {
    double[] t = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
    List<double[]> x = List.of(new double[] {2, 2, 2, 2, 1, 3, 5, 2, 4, 1}, new double[] {1, 1, 1, 1, 0, 1, 0, 1, 0, 0},
        new double[] {0.3, 1.2, -0.5, 0.8, 0.1, -1, 0.4, 0.9, -0.2, 1.5});
    double[] ones = new double[t.length];
    java.util.Arrays.fill(ones, 1);
    double[] smd = Weighting.standardisedDifferencesAsMatchIt(t, x, ones);
    close(smd[0], -0.547722557505166);
    close(smd[1], 1.825741858350554);
    close(smd[2], 0.227507877596645);
    for (double v : Weighting.standardisedDifferences(t, x, ones, Estimand.ATT)) {
      assertThat(v).isFinite();
    }
  }

  @Test
  void matchedSetsAreRefusedAfterMatchingWithReplacementWhenAControlServesTwice() {
    double[] t = {1, 1, 0};
    double[] d = {0.5, 0.6, 0.55};
    NearestNeighbourMatching.Result m = NearestNeighbourMatching.withDefaults().withReplacement(true).match(t, d);
    assertThatThrownBy(m::matchedSets).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 3");
  }
}
