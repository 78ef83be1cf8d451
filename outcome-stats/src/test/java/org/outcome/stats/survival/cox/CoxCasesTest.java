package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.result.Warning;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.JsonText;

/**
 * Extra reference cases made by {@code src/test/resources/cox-cases/generate.R} (R 4.2.2, survival
 * 3.5-3; each file's {@code source} is the exact call): many ties with three covariates (Efron and
 * Breslow), strata with clusters, robust variance without clusters, twelve strata, a monotone
 * likelihood, nearly equal times, and case weights (propensity weights with Efron and Breslow
 * ties, weights with strata and a cluster, whole-number weights with the model-based variance), and
 * counting-process {@code (start, stop]} rows (Andersen–Gill on cgd with Breslow ties and with
 * strata; whole-day intervals whose starts meet other rows' event times; strata by event number
 * with case weights), and fits that run out of iterations ({@code nonconverged-*}: two and three
 * covariates, Efron and Breslow, robust, clustered, stratified, weighted, counting-process rows;
 * {@code iter.max = 1} with a rejected first step).
 * Besides the fixture fields they check the concordance's
 * standard error, the robust score test and the number of iterations, and that R's warnings
 * (ran out of iterations, coefficients that may be infinite) are given here too.
 */
class CoxCasesTest {
  static final Path DIRECTORY = Path.of("src/test/resources/cox-cases");

  static List<Fixture> cases() {
    return Fixture.ofKind(DIRECTORY, "cox");
  }

  @Test
  void allCasesAreFound() {
    assertThat(cases()).hasSize(29);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesR(Fixture f) throws Exception {
    CoxPh.Result result = CoxFixtures.fit(f);
    CoxFixtures.assertMatches(f, result);
    if (f.option("weights").isPresent() || f.input().containsKey("start")) {
      assertThat(result.concordance()).isEmpty();
      assertThat(result.proportionalHazards()).isEmpty();
      assertThat(result.warnings()).extracting(Warning::code).contains("concordance-not-computed", "zph-not-computed");
    }

    // R's warnings, each as the warning of the same meaning here. R ran out of iterations when it
    // says so, or (with iter.max = 1, when it says nothing) reports iter.max + 1 iterations: not
    // converged either way, and a warning exactly when R gives one.
    Map<?, ?> root = (Map<?, ?>) JsonText.parse(java.nio.file.Files.readString(f.file()));
    List<String> rWarnings = ((List<?>) root.get("rWarnings")).stream().map(Object::toString).toList();
    List<String> codes = result.warnings().stream().map(Warning::code).toList();
    boolean rWarned = rWarnings.stream().anyMatch(w -> w.startsWith("Ran out of iterations"));
    boolean ranOut = rWarned
        || ((Number) f.expected().get("iterations")).intValue() > (int) f.option("iterMax", 20);
    assertThat(result.converged()).isEqualTo(!ranOut);
    assertThat(codes.contains("did-not-converge")).isEqualTo(rWarned);
    assertThat(codes.contains("coefficients-may-be-infinite"))
        .isEqualTo(rWarnings.contains("one or more coefficients may be infinite"));
    assertThat(codes.stream().filter(c -> c.equals("coefficient-may-be-infinite")).count())
        .isEqualTo(rWarnings.stream().filter(w -> w.startsWith("Loglik converged before")).count());
  }

  @Test
  void monotoneLikelihoodWarningNamesTheDivergingCovariateOnly() {
    Fixture f = Fixture.read(DIRECTORY.resolve("monotone.json"));
    CoxPh.Result result = CoxFixtures.config(f).fit(CoxFixtures.sample(f));
    assertThat(result.warnings()).singleElement().satisfies(w -> {
      assertThat(w.code()).isEqualTo("coefficient-may-be-infinite");
      assertThat(w.message()).contains("'x'").doesNotContain("'z'").contains("may be infinite");
    });
    assertThat(result.iterations()).isEqualTo(20);
  }
}
