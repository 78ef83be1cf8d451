package org.outcome.stats.survival.competing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.Factor;
import org.outcome.testkit.fixtures.Fixture;

/**
 * Reference cases made by {@code src/test/resources/competing-cases/generate.R} (R 4.2.2, cmprsk
 * 2.2-11; each file's {@code source} is the exact call): mgus2 by sex with death as the cause of
 * interest; whole-day times with heavy ties, three groups, two strata and {@code rho = 1}, read
 * at times before the first event, at event times and beyond a group's follow-up; three causes;
 * and, from {@code time-zero-cases/generate.R}, rows at time 0 (events of both causes and
 * censorings tied at 0, a whole group at 0, only zeros).
 * Each checks every curve's estimate and variance at the times, Gray's test per cause, and the
 * Fine–Gray coefficients, SEs, p-values and pseudo log-likelihoods.
 */
class CompetingRisksCasesTest {
  static List<Fixture> cases() {
    List<Fixture> all = new ArrayList<>(Fixture.ofKind(Path.of("src/test/resources/competing-cases"),
        "competing-risks-case"));
    // rows at time 0: events of both causes and censorings tied at 0, a whole group at 0, only zeros
    all.addAll(Fixture.ofKind(Path.of("src/test/resources/time-zero-cases"), "competing-risks-case"));
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesCmprsk(Fixture f) {
    double[] status = f.numbers("status");
    int[] codes = new int[status.length];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = (int) status[i];
    }
    CompetingRisksSample.Builder b = CompetingRisksSample.builder(f.numbers("time"), codes);
    f.option("group").ifPresent(g -> b.group(Factor.of(f.texts(g))));
    f.option("strata").ifPresent(s -> b.strata(Factor.of(f.texts(s))));
    List<String> covariates = ((List<?>) f.options().get("covariates")).stream().map(Object::toString).toList();
    covariates.forEach(c -> b.covariate(c, f.numbers(c)));
    CompetingRisksSample s = b.build();
    double rho = ((Number) f.options().get("rho")).doubleValue();
    List<Double> times = ((List<?>) f.options().get("times")).stream().map(t -> ((Number) t).doubleValue()).toList();

    CumulativeIncidence.Result cif = CumulativeIncidence.fit(s, rho);
    Map<String, Object> actual = new LinkedHashMap<>();
    for (CumulativeIncidence.Curve c : cif.curves()) {
      List<Double> est = new ArrayList<>();
      List<Double> var = new ArrayList<>();
      for (double t : times) {
        est.add(c.at(t).isPresent() ? c.at(t).getAsDouble() : null);
        var.add(c.varianceAt(t).isPresent() ? c.varianceAt(t).getAsDouble() : null);
      }
      actual.put("cif" + c.group() + "_" + c.cause(), est);
      actual.put("cifVar" + c.group() + "_" + c.cause(), var);
    }
    for (CumulativeIncidence.GrayTest t : cif.tests()) {
      actual.put("grayStat" + t.cause(), t.statistic());
      actual.put("grayP" + t.cause(), t.p());
    }
    // crr's model is the covariates alone (FineGray would put the group first)
    CompetingRisksSample.Builder covariatesOnly = CompetingRisksSample.builder(f.numbers("time"), codes);
    covariates.forEach(c -> covariatesOnly.covariate(c, f.numbers(c)));
    FineGray.Result fg = FineGray.withDefaults().withFailCode(((Number) f.options().get("failCode")).intValue())
        .fit(covariatesOnly.build());
    actual.put("fineGrayCoef", fg.terms().stream().map(FineGray.Term::coef).toList());
    actual.put("fineGraySe", fg.terms().stream().map(FineGray.Term::se).toList());
    actual.put("fineGrayP", fg.terms().stream().map(FineGray.Term::p).toList());
    actual.put("fineGrayLoglik", fg.loglik());
    actual.put("fineGrayLoglikNull", fg.loglikNull());
    actual.put("fineGrayConverged", fg.converged());
    f.assertMatches(actual);
    long expectedCurves = f.expected().keySet().stream().filter(k -> k.startsWith("cifVar")).count();
    assertThat(cif.curves()).hasSize((int) expectedCurves);
  }
}
