package org.outcome.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outcome.cli.CliRunner;
import org.outcome.testkit.fixtures.JsonText;

/**
 * {@code outcome propensity --time --event}: each group's Kaplan-Meier curve under the ATT
 * weights and the weighted Cox model's hazard ratio, against R 4.2.2 / survival 3.5-3 on {@code propensity/weighted-survival.csv} (400
 * synthetic rows made for this test by a seeded script: treatment depending on age, times 1-400,
 * about 60% events):
 * <pre>
 * ps &lt;- fitted(glm(treat ~ age + female, data = d, family = binomial))
 * w &lt;- ifelse(d$treat == 1, 1, ps / (1 - ps))
 * summary(survfit(Surv(time, status) ~ 1, data = d[d$treat == g, ], weights = w[d$treat == g]),
 *         times = c(30, 90, 180, 365), extend = TRUE)   # for g = 1, then 0
 * </pre>
 */
class PropensitySurvivalCliTest {
  private static final String INPUT = "src/test/resources/propensity/weighted-survival.csv";

  private static void close(Object actual, double... r) {
    List<?> values = (List<?>) actual;
    assertThat(values).hasSize(r.length);
    for (int i = 0; i < r.length; i++) {
      assertThat(((Number) values.get(i)).doubleValue()).isCloseTo(r[i], within(1e-10 * Math.abs(r[i]) + 1e-12));
    }
  }

  @Test
  void attWeightedCurvesAreRsSurvfitWithWeights() {
    CliRunner r = CliRunner.run("propensity", "--input", INPUT, "--treatment", "treat", "--covariates", "age,female",
        "--time", "time", "--event", "status", "--method", "iptw-att", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    List<?> curves = (List<?>) ((Map<?, ?>) ((List<?>) json.get("weightings")).get(0)).get("survival");
    Map<?, ?> treated = (Map<?, ?>) curves.get(0);
    Map<?, ?> control = (Map<?, ?>) curves.get(1);
    assertThat(treated.get("group")).isEqualTo("treated");
    close(treated.get("survival"), 0.970012635845845, 0.83180359795374, 0.672898082786755, 0.221448240151573);
    close(treated.get("se"), 0.0132106406286636, 0.0295644488716184, 0.0382768907209982, 0.0420847512290188);
    close(treated.get("lower"), 0.944462772072722, 0.77583057808874, 0.601907632946991, 0.152583332193146);
    close(treated.get("upper"), 0.996253681482486, 0.891814843484614, 0.752261318902341, 0.321393709007171);
    close(control.get("survival"), 0.945634418254322, 0.853886954963652, 0.665300777708539, 0.161694894299151);
    close(control.get("se"), 0.0187963721745572, 0.0275956465630102, 0.0395685073285124, 0.0372765681477207);
    close(control.get("lower"), 0.90950259096652, 0.801477838935826, 0.592097390984324, 0.102911360172967);
    close(control.get("upper"), 0.983201655354172, 0.909723134485166, 0.747554594158489, 0.25405590596092);
  }

  /**
   * The weighted Cox model's hazard ratio against R 4.2.2 / survival 3.5-3, with {@code ps} as
   * above: {@code coxph(Surv(time, status) ~ treat, data = d, weights = w, robust = TRUE)} for
   * {@code w} the ATT weights, the ATE weights {@code ifelse(treat == 1, 1 / ps, 1 / (1 - ps))} and
   * the overlap weights {@code ifelse(treat == 1, 1 - ps, ps)}; printed {@code coef}, {@code robust se},
   * {@code se(coef)}, {@code Pr(>|z|)} and the 95% limits of {@code exp(coef)}.
   */
  @Test
  void weightedHazardRatiosAreRsWeightedCoxWithRobustVariance() {
    Map<?, ?> iptw = json("--method", "iptw");
    List<?> weightings = (List<?>) iptw.get("weightings");
    Map<?, ?> ate = (Map<?, ?>) ((Map<?, ?>) weightings.get(0)).get("hazardRatio");
    Map<?, ?> att = (Map<?, ?>) ((Map<?, ?>) weightings.get(1)).get("hazardRatio");
    assertThat(ate.get("weights")).isEqualTo("ATE");
    hazardRatio(ate, 0.0127697286785608, 0.129943988914363, 0.0883245311568396, 0.921717087355106,
        0.785122274526933, 1.30663517876266);
    hazardRatio(att, -0.0871056453495375, 0.133400221728566, 0.135776922537008, 0.513778989765247,
        0.705699848633131, 1.19047690193275);
    assertThat(att.get("clusters")).isNull();
    Map<?, ?> overlap = (Map<?, ?>) ((Map<?, ?>) ((List<?>) json("--method", "overlap").get("weightings")).get(0))
        .get("hazardRatio");
    hazardRatio(overlap, -0.0182307378667595, 0.13038695838628, 0.186998018572321, 0.888802008739764,
        0.760495959417348, 1.26785057324151);
  }

  /**
   * After 1:1 matching the hazard ratio is the Cox model on the matched rows clustered on the
   * matched set: R's {@code coxph(Surv(time, status) ~ treat, data = m, cluster = subclass)} with
   * {@code m} the rows of the command's {@code pairs} and {@code subclass} the pair's index.
   */
  @Test
  void matchedHazardRatioClustersOnTheMatchedSet() {
    Map<?, ?> json = json("--method", "match");
    Map<?, ?> hr = (Map<?, ?>) json.get("hazardRatio");
    hazardRatio(hr, -0.0721205660609037, 0.134602300954011, 0.136003269060737, 0.592093427905731,
        0.714668680094591, 1.21130113014895);
    assertThat(((Number) hr.get("clusters")).intValue()).isEqualTo(((List<?>) json.get("pairs")).size());

    CliRunner text = CliRunner.run("propensity", "--input", INPUT, "--treatment", "treat", "--covariates",
        "age,female", "--time", "time", "--event", "status", "--method", "match");
    assertThat(text.out()).contains("Hazard ratio (matched rows, Cox with a robust SE clustered on "
        + ((Number) hr.get("clusters")).intValue() + " matched sets): 0.9304 (95% CI 0.7147 to 1.211)");
  }

  private static Map<?, ?> json(String... method) {
    List<String> args = new java.util.ArrayList<>(List.of("propensity", "--input", INPUT, "--treatment", "treat",
        "--covariates", "age,female", "--time", "time", "--event", "status", "--format", "json"));
    args.addAll(List.of(method));
    CliRunner r = CliRunner.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return (Map<?, ?>) JsonText.parse(r.out());
  }

  private static void hazardRatio(Map<?, ?> hr, double coef, double se, double naiveSe, double p, double lower,
      double upper) {
    close(List.of(hr.get("coef"), hr.get("se"), hr.get("naiveSe"), hr.get("p"), hr.get("lower"), hr.get("upper"),
        hr.get("hazardRatio")), coef, se, naiveSe, p, lower, upper, Math.exp(coef));
  }

  @Test
  void anEventCodeOtherThanZeroOrOneIsRefusedByRowAndTimeNeedsEvent() {
    CliRunner r = CliRunner.run("propensity", "--input", INPUT, "--treatment", "treat", "--covariates", "age",
        "--time", "time", "--event", "age");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("column age: ").contains("rows have a value that is not an event code")
        .contains("rows 1, 2, 3, 4, 5 and");
    CliRunner alone = CliRunner.run("propensity", "--input", INPUT, "--treatment", "treat", "--covariates", "age",
        "--time", "time");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--time and --event go together");
  }
}
