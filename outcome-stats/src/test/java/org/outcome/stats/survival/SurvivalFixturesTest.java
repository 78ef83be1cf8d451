package org.outcome.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.stats.fixtures.RFixture;

/** Every R fixture of kinds {@code kaplan-meier} and {@code log-rank}, through the Java API. */
class SurvivalFixturesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<RFixture> kaplanMeier() {
    return RFixture.ofKind("kaplan-meier").stream();
  }

  static Stream<RFixture> logRank() {
    return RFixture.ofKind("log-rank").stream();
  }

  @Test
  void theFixturesAreThere() {
    assertThat(RFixture.ofKind("kaplan-meier")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(RFixture.ofKind("log-rank")).hasSizeGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kaplanMeier")
  void kaplanMeierMatchesR(RFixture f) {
    String group = groupColumn(f);
    KaplanMeier km = KaplanMeier.withDefaults()
        .withConfType(confType(f.option("confType")))
        .withConfLevel(Double.parseDouble(f.option("confLevel")));
    if (f.option("rmeanTau") != null) {
      km = km.withRmeanHorizon(RmeanHorizon.at(Double.parseDouble(f.option("rmeanTau"))));
    }
    KaplanMeierResult result = km.fit(sample(f, group, null));

    ObjectNode actual = MAPPER.createObjectNode();
    ArrayNode strata = actual.putArray("strata");
    for (KaplanMeierCurve c : result.curves()) {
      ObjectNode s = strata.addObject();
      s.put("stratum", c.label(group, null));
      numbers(s.putArray("time"), c.time());
      longs(s.putArray("nRisk"), c.nRisk());
      longs(s.putArray("nEvent"), c.nEvent());
      longs(s.putArray("nCensor"), c.nCensor());
      numbers(s.putArray("survival"), c.survival());
      numbers(s.putArray("stdErrCumHazard"), c.stdErrCumHazard());
      numbers(s.putArray("lower"), c.lower());
      numbers(s.putArray("upper"), c.upper());
      optional(s, "median", c.median().median());
      optional(s, "medianLower", c.median().lower());
      optional(s, "medianUpper", c.median().upper());
      s.put("rmean", c.restrictedMean().mean());
      s.put("rmeanSe", c.restrictedMean().stdErr());
    }
    assertThat(f.mismatches(actual)).as(f.id() + " (" + f.source() + ")").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logRank")
  void logRankMatchesR(RFixture f) {
    String strata = f.option("strata");
    String group = groupColumn(f);
    LogRankResult r = LogRank.withDefaults().withRho(Double.parseDouble(f.option("rho"))).test(sample(f, group, strata));

    ObjectNode actual = MAPPER.createObjectNode();
    ArrayNode groups = actual.putArray("groups");
    r.groups().forEach(g -> groups.add(group + "=" + g));
    longs(actual.putArray("n"), r.n());
    numbers(actual.putArray("observed"), r.observed());
    numbers(actual.putArray("expected"), r.expected());
    actual.put("chisq", r.chisq());
    actual.put("df", r.df());
    actual.put("p", r.p());
    assertThat(f.mismatches(actual)).as(f.id() + " (" + f.source() + ")").isEmpty();
  }

  /** The group column: the one that is neither time, event nor the strata column (fixtures README). */
  static String groupColumn(RFixture f) {
    String strata = f.option("strata");
    List<String> rest = f.columns().stream()
        .filter(c -> !c.equals("time") && !c.equals("event") && !c.equals(strata)).toList();
    assertThat(rest).as("group column of " + f.id()).hasSize(1);
    return rest.get(0);
  }

  static SurvivalSample sample(RFixture f, String group, String strata) {
    SurvivalSample.Builder b = SurvivalSample.builder(f.numbers("time"), f.flags("event"))
        .group(Factor.of(f.texts(group)));
    if (strata != null) {
      b.strata(Factor.of(f.texts(strata)));
    }
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

  private static void numbers(ArrayNode a, double[] values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.addNull();
      }
    }
  }

  private static void longs(ArrayNode a, long[] values) {
    for (long v : values) {
      a.add(v);
    }
  }

  private static void optional(ObjectNode o, String name, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(name, v.getAsDouble());
    } else {
      o.putNull(name);
    }
  }

  static JsonNode tree(Object o) {
    return MAPPER.valueToTree(o);
  }
}
