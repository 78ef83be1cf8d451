package org.outcome.stats.survival.competing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.fixtures.Fixture;

/**
 * The shared {@code competing-risks} fixtures (cmprsk 2.2-11 on mgus2: {@code cuminc} read by
 * {@code timepoints} at the fixture's times, and {@code crr} on its covariates) through the API.
 */
class CompetingRisksFixtureTest {
  static List<Fixture> fixtures() {
    return RFixtures.ofKind("competing-risks");
  }

  /** The fixture's sample: time, status and the named covariates. */
  static CompetingRisksSample sample(Fixture f) {
    double[] status = f.numbers("status");
    int[] codes = new int[status.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (int) status[i];
    }
    CompetingRisksSample.Builder b = CompetingRisksSample.builder(f.numbers("time"), codes);
    for (Object c : (List<?>) f.options().get("covariates")) {
      b.covariate(c.toString(), f.numbers(c.toString()));
    }
    return b.build();
  }

  @Test
  void cumulativeIncidenceAndFineGrayMatchCmprsk() {
    assertThat(fixtures()).isNotEmpty();
    for (Fixture f : fixtures()) {
      CompetingRisksSample s = sample(f);
      List<Double> times = ((List<?>) f.options().get("times")).stream().map(t -> ((Number) t).doubleValue()).toList();
      CumulativeIncidence.Result cif = CumulativeIncidence.fit(s);
      Map<String, Object> actual = new LinkedHashMap<>();
      for (int cause : s.causes()) {
        CumulativeIncidence.Curve c = cif.curve("1", cause).orElseThrow();
        List<Double> est = new ArrayList<>();
        List<Double> var = new ArrayList<>();
        for (double t : times) {
          est.add(c.at(t).orElseThrow());
          var.add(c.varianceAt(t).orElseThrow());
        }
        actual.put("cifCause" + cause, est);
        actual.put("cifVarCause" + cause, var);
      }
      int failCode = ((Number) f.options().get("failCode")).intValue();
      FineGray.Result fg = FineGray.withDefaults().withFailCode(failCode).fit(s);
      assertThat(fg.converged()).isTrue();
      actual.put("fineGrayCoef", fg.terms().stream().map(FineGray.Term::coef).toList());
      actual.put("fineGraySe", fg.terms().stream().map(FineGray.Term::se).toList());
      actual.put("fineGrayP", fg.terms().stream().map(FineGray.Term::p).toList());
      f.assertMatches(actual);
    }
  }
}
