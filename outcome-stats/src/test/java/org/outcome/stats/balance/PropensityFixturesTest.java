package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outcome.stats.RFixtures;
import org.outcome.stats.balance.Weighting.Estimand;
import org.outcome.testkit.fixtures.Fixture;

/** R's glm and IPTW on the Lalonde data ({@code propensity__lalonde}). */
class PropensityFixturesTest {
  @Test
  void lalondeGivesRsPropensityModelWeightedEffectsAndBalance() {
    Fixture f = RFixtures.byId("propensity", "propensity/lalonde");
    List<String> names = ((List<?>) f.options().get("covariates")).stream().map(String::valueOf).toList();
    double[] t = f.numbers("treat");
    double[] y = f.numbers("y");
    List<double[]> x = new ArrayList<>();
    for (String name : names) {
      x.add(f.numbers(name));
    }
    LogisticRegression.Fit fit = LogisticRegression.fit(t, names, x);
    double[] ps = fit.fitted();
    double[] ate = Weighting.weights(t, ps, Estimand.ATE, false);
    double[] att = Weighting.weights(t, ps, Estimand.ATT, false);
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("psCoef", Arrays.stream(fit.coefficients()).boxed().toList());
    actual.put("ateIptw", Weighting.difference(y, t, ate));
    actual.put("attIptw", Weighting.difference(y, t, att));
    double[] ones = new double[t.length];
    Arrays.fill(ones, 1);
    actual.put("smdBefore", Arrays.stream(Weighting.standardisedDifferences(t, x, ones, Estimand.ATE)).boxed().toList());
    actual.put("smdAfterAte", Arrays.stream(Weighting.standardisedDifferences(t, x, ate, Estimand.ATE)).boxed()
        .toList());
    f.assertMatches(actual);
    // and far inside the fixture's tolerance: glm's coefficients to 1e-9 relative; its SEs, deviances,
    // AIC and iterations (R 4.2.2, summary(glm(...)) on the fixture's input, printed by this project)
    List<?> expected = (List<?>) f.expected().get("psCoef");
    double[] se = {1.0170478150537727, 0.013576733357571518, 0.065125331427931768, 0.28651190057716885,
        0.42565169511967549, 0.29032220520097185, 0.3376624902084559, 2.8746844387544293e-05, 4.6347641429711282e-05};
    for (int j = 0; j < expected.size(); j++) {
      double r = ((Number) expected.get(j)).doubleValue();
      assertThat(fit.coefficients()[j]).isCloseTo(r, within(1e-9 * Math.abs(r)));
      assertThat(fit.standardErrors()[j]).isCloseTo(se[j], within(1e-8 * se[j]));
    }
    assertThat(fit.deviance()).isCloseTo(487.84393131049808, within(1e-9 * 487.8));
    assertThat(fit.nullDeviance()).isCloseTo(751.49208004547211, within(1e-9 * 751.5));
    assertThat(fit.aic()).isCloseTo(505.84393131049808, within(1e-9 * 505.8));
    assertThat(fit.iterations()).isEqualTo(5);
  }
}
