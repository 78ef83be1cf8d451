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
 * with case weights).
 * Besides the fixture fields they check the concordance's
 * standard error, the robust score test and the number of iterations.
 */
class CoxCasesTest {
  static final Path DIRECTORY = Path.of("src/test/resources/cox-cases");

  static List<Fixture> cases() {
    return Fixture.ofKind(DIRECTORY, "cox");
  }

  @Test
  void allCasesAreFound() {
    assertThat(cases()).hasSize(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesR(Fixture f) throws Exception {
    CoxPh.Result result = CoxFixtures.fit(f);
    CoxFixtures.assertMatches(f, result);
    assertThat(result.converged()).isTrue();
    if (f.option("weights").isPresent() || f.input().containsKey("start")) {
      assertThat(result.concordance()).isEmpty();
      assertThat(result.proportionalHazards()).isEmpty();
      assertThat(result.warnings()).extracting(Warning::code).contains("concordance-not-computed", "zph-not-computed");
    }

    Map<?, ?> root = (Map<?, ?>) JsonText.parse(java.nio.file.Files.readString(f.file()));
    List<?> rWarnings = (List<?>) root.get("rWarnings");
    List<String> infinite = result.warnings().stream().filter(w -> w.code().equals("coefficient-may-be-infinite"))
        .map(Warning::message).toList();
    assertThat(infinite).hasSize(rWarnings.size());
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
