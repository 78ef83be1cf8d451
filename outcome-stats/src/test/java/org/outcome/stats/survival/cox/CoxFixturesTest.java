package org.outcome.stats.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.testkit.fixtures.Fixture;

/** Every {@code cox} fixture (R survival 3.5-3) matches within its stated tolerance, {@code zph} included. */
class CoxFixturesTest {
  static List<Fixture> fixtures() {
    return CoxFixtures.all();
  }

  @Test
  void allSixCoxFixturesAreFound() {
    assertThat(fixtures()).extracting(Fixture::id).containsExactlyInAnyOrder(
        "survival/cox-aml-efron", "survival/cox-aml-breslow", "survival/cox-lung-efron",
        "survival/cox-lung-breslow", "survival/cox-lung-strata", "survival/cox-rats-cluster");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void matchesR(Fixture f) {
    CoxPh.Result result = CoxFixtures.config(f).fit(CoxFixtures.sample(f));
    assertThat(result.converged()).isTrue();
    assertThat(result.warnings()).isEmpty();
    CoxFixtures.assertMatches(f, result);
  }
}
