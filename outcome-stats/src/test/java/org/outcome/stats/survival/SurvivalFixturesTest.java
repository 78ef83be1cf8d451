package org.outcome.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.RFixtures;
import org.outcome.testkit.fixtures.Fixture;

/** Every R fixture of kinds {@code kaplan-meier} and {@code log-rank}, through the Java API. */
class SurvivalFixturesTest {
  static Stream<Fixture> kaplanMeier() {
    return RFixtures.ofKind("kaplan-meier").stream();
  }

  static Stream<Fixture> logRank() {
    return RFixtures.ofKind("log-rank").stream();
  }

  @Test
  void theFixturesAreThere() {
    assertThat(RFixtures.ofKind("kaplan-meier")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(RFixtures.ofKind("log-rank")).hasSizeGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kaplanMeier")
  void kaplanMeierMatchesR(Fixture f) {
    String group = groupColumn(f);
    KaplanMeier km = KaplanMeier.withDefaults()
        .withConfType(confType(f.option("confType").orElseThrow()))
        .withConfLevel(f.option("confLevel", Double.NaN));
    if (f.option("rmeanTau").isPresent()) {
      km = km.withRmeanHorizon(RmeanHorizon.at(f.option("rmeanTau", Double.NaN)));
    }
    KaplanMeier.Result result = km.fit(sample(f, group, Optional.empty()));

    List<Map<String, Object>> strata = new ArrayList<>();
    for (KaplanMeierCurve c : result.curves()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("stratum", c.label(group, null));
      s.put("time", numbers(c.time()));
      s.put("nRisk", longs(c.nRisk()));
      s.put("nEvent", longs(c.nEvent()));
      s.put("nCensor", longs(c.nCensor()));
      s.put("survival", numbers(c.survival()));
      s.put("stdErrCumHazard", numbers(c.stdErrCumHazard()));
      s.put("lower", numbers(c.lower()));
      s.put("upper", numbers(c.upper()));
      s.put("median", optional(c.median().median()));
      s.put("medianLower", optional(c.median().lower()));
      s.put("medianUpper", optional(c.median().upper()));
      s.put("rmean", c.restrictedMean().mean());
      s.put("rmeanSe", c.restrictedMean().stdErr());
      strata.add(s);
    }
    f.assertMatches(Map.of("strata", strata));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logRank")
  void logRankMatchesR(Fixture f) {
    Optional<String> strata = f.option("strata");
    String group = groupColumn(f);
    LogRank.Result r = LogRank.withDefaults().withRho(f.option("rho", Double.NaN)).test(sample(f, group, strata));

    f.assertMatches(Map.of(
        "groups", r.groups().stream().map(g -> group + "=" + g).toList(),
        "n", longs(r.n()),
        "observed", numbers(r.observed()),
        "expected", numbers(r.expected()),
        "chisq", r.chisq(),
        "df", r.df(),
        "p", r.p()));
  }

  /** The group column: the one that is neither time, event nor the strata column (fixtures README). */
  static String groupColumn(Fixture f) {
    Optional<String> strata = f.option("strata");
    List<String> rest = f.columns().stream()
        .filter(c -> !c.equals("time") && !c.equals("event") && !strata.equals(Optional.of(c))).toList();
    assertThat(rest).as("group column of " + f.id()).hasSize(1);
    return rest.get(0);
  }

  static SurvivalSample sample(Fixture f, String group, Optional<String> strata) {
    SurvivalSample.Builder b = SurvivalSample.builder(f.numbers("time"), f.flags("event"))
        .group(Factor.of(f.texts(group)));
    strata.ifPresent(s -> b.strata(Factor.of(f.texts(s))));
    return b.build();
  }

  static ConfType confType(String r) {
    for (ConfType t : ConfType.values()) {
      if (t.rName().equals(r)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown conf.type " + r);
  }

  /** Values as a list, R's NA (a value that is not finite) as null. */
  private static List<Double> numbers(double[] values) {
    return Arrays.stream(values).mapToObj(v -> Double.isFinite(v) ? v : null).toList();
  }

  private static List<Long> longs(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static Double optional(OptionalDouble v) {
    return v.isPresent() ? v.getAsDouble() : null;
  }
}
