package org.outcome.stats.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.fixtures.Fixture;

/** MatchIt's nearest-neighbour matching on the Lalonde data, and the caliper rule's fixture. */
class MatchingFixturesTest {
  private static List<String> covariates(Fixture f) {
    return ((List<?>) f.options().get("covariates")).stream().map(String::valueOf).toList();
  }

  private static List<double[]> columns(Fixture f) {
    List<double[]> x = new ArrayList<>();
    covariates(f).forEach(c -> x.add(f.numbers(c)));
    return x;
  }

  @Test
  void nearestNeighbourMatchingGivesMatchItsSample() {
    Fixture f = RFixtures.byId("propensity-matching", "propensity/lalonde-nearest");
    double[] t = f.numbers("treat");
    double[] y = f.numbers("y");
    List<double[]> x = columns(f);
    double[] ps = LogisticRegression.fit(t, covariates(f), x).fitted();
    NearestNeighbourMatching.Result m = NearestNeighbourMatching.withDefaults().match(t, ps);
    double[] w = m.weights();
    List<Integer> rows = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (w[i] > 0) {
        rows.add(i + 1);
        weights.add(w[i]);
      }
    }
    double[] ones = new double[t.length];
    Arrays.fill(ones, 1);
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("distance", Arrays.stream(ps).boxed().toList());
    actual.put("matchedTreated", m.matchedTreated());
    actual.put("matchedControl", m.matchedControls());
    actual.put("matchedRows", rows);
    actual.put("weights", weights);
    actual.put("att", Weighting.difference(y, t, w));
    actual.put("smdBefore", Arrays.stream(Weighting.standardisedDifferencesAsMatchIt(t, x, ones)).boxed().toList());
    actual.put("smdMatched", Arrays.stream(Weighting.standardisedDifferencesAsMatchIt(t, x, w)).boxed().toList());
    // FAILS (work in progress): 6 of MatchIt 4.5.1's 185 controls are not the nearest unmatched
    // control (treated rows 137, 42, 10, 44, 116, 179 take a control below their score while a
    // nearer one above stays unmatched), so matchedRows differ and att is 770.39 in MatchIt and
    // 894.37 by the rule: decide whether the fixture encodes a MatchIt defect (as its #163)
    f.assertMatches(actual);
  }

  @Test
  void aCaliperNeverMatchesOutsideItAndGivesTheFixturesPairs() {
    Fixture f = RFixtures.byId("propensity-caliper", "propensity/lalonde-caliper");
    double[] t = f.numbers("treat");
    double[] y = f.numbers("y");
    double[] ps = LogisticRegression.fit(t, covariates(f), columns(f)).fitted();
    NearestNeighbourMatching.Result m = NearestNeighbourMatching.withDefaults()
        .withCaliper(f.option("caliper", Double.NaN), true).match(t, ps);
    List<List<Integer>> pairs = new ArrayList<>();
    double sum = 0;
    for (NearestNeighbourMatching.Match p : m.matches()) {
      int c = p.controls().get(0);
      pairs.add(List.of(p.treated() + 1, c + 1));
      sum += y[p.treated()] - y[c];
      assertThat(Math.abs(ps[p.treated()] - ps[c])).isLessThanOrEqualTo(m.caliperWidth().orElseThrow());
    }
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("caliperWidth", m.caliperWidth().orElseThrow());
    actual.put("pairs", pairs);
    actual.put("unmatchedTreated", m.unmatchedTreated().size());
    actual.put("att", sum / pairs.size());
    f.assertMatches(actual);
  }
}
