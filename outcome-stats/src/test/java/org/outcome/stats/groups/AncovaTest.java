package org.outcome.stats.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.outcome.stats.RAssert.close;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;

class AncovaTest {
  static final double[] PRE = {12, 15, 11, 18, 14, 16, 13, 17, 10, 19, 15, 12, 14, 16, 13};
  static final double[] POST = {14, 18, 15, 19, 17, 20, 14, 21, 13, 22, 15, 13, 16, 17, 15};
  static final String[] GROUP = {"peer", "peer", "peer", "peer", "peer", "usual", "usual", "usual", "usual",
    "usual", "waitlist", "waitlist", "waitlist", "waitlist", "waitlist"};
  static final GroupedPrePostSample SAMPLE = GroupedPrePostSample.of(PRE, POST, Factor.of(GROUP));

  @Test
  void threeGroupsAgainstAReferenceThatIsNotFirst() {
    // R 4.2.2: group <- relevel(factor(g), ref = "usual"); f <- lm(post ~ pre + group); confint(f, level = 0.9)
    Ancova.Result r = Ancova.withDefaults().withReference("usual").withConfLevel(0.9).fit(SAMPLE);
    assertThat(r.levels()).containsExactly("usual", "peer", "waitlist");
    LinearModelFit a = r.ancova();
    assertThat(a.coefficients()).extracting(Coefficient::term)
        .containsExactly("(Intercept)", "pre", "grouppeer", "groupwaitlist");
    double[] coef = {3.6666666666666758, 0.95555555555555527, -0.44444444444444453, -1.844444444444445};
    double[] se = {1.8419357406617822, 0.11816023285567477, 0.71874063698581114, 0.71874063698581137};
    double[] p = {0.071945555719348908, 5.8933004483324476e-06, 0.5489242640618891, 0.026226553850198012};
    double[] lo = {0.35876223298379184, 0.74335338719551414, -1.7352198429929371, -3.1352198429929379};
    double[] hi = {6.974571100349559, 1.1677577239155963, 0.84633095410404768, -0.55366904589595234};
    for (int j = 0; j < 4; j++) {
      Coefficient c = a.coefficients().get(j);
      close(c.estimate(), coef[j]);
      close(c.standardError(), se[j]);
      close(c.pValue(), p[j]);
      close(c.interval().lower(), lo[j]);
      close(c.interval().upper(), hi[j]);
    }
    // summary(f): df 11, r.squared 0.88043060361399472, adj 0.84782076823599328, sigma 1.1209663940393824
    assertThat(a.residualDf()).isEqualTo(11);
    close(a.rSquared(), 0.88043060361399472);
    close(a.adjustedRSquared(), 0.84782076823599328);
    close(a.sigma(), 1.1209663940393824);
    // anova(lm(post ~ pre), f): F = 3.6249282269177794 on 2 and 11, p = 0.061763625057578798
    close(a.groupTest().f(), 3.6249282269177794);
    assertThat(a.groupTest().df1()).isEqualTo(2);
    close(a.groupTest().pValue(), 0.061763625057578798);
    assertThat(a.assumption()).contains("randomised");
  }

  @Test
  void changeScoreBesideIt() {
    // R 4.2.2: cs <- lm(I(post - pre) ~ group) with group releveled to "usual"
    Ancova.Result r = Ancova.withDefaults().withReference("usual").fit(SAMPLE);
    LinearModelFit c = r.changeScore();
    assertThat(c.coefficients()).extracting(Coefficient::term).containsExactly("(Intercept)", "grouppeer", "groupwaitlist");
    double[] coef = {2.9999999999999996, -0.40000000000000019, -1.7999999999999996};
    double[] se = {0.48304589153964789, 0.6831300510639734, 0.68313005106397329};
    double[] p = {4.5139690814750838e-05, 0.56903312490073987, 0.021776609060267772};
    for (int j = 0; j < 3; j++) {
      close(c.coefficients().get(j).estimate(), coef[j]);
      close(c.coefficients().get(j).standardError(), se[j]);
      close(c.coefficients().get(j).pValue(), p[j]);
    }
    assertThat(c.residualDf()).isEqualTo(12);
    close(c.rSquared(), 0.3895348837209302);
    close(c.sigma(), 1.0801234497346435);
    // anova(lm(I(post - pre) ~ 1), cs): F = 3.8285714285714261, p = 0.051756525408506636
    close(c.groupTest().f(), 3.8285714285714261);
    close(c.groupTest().pValue(), 0.051756525408506636);
    assertThat(c.assumption()).contains("changed equally");
    assertThat(r.estimate()).isEmpty(); // three groups: no single estimate
    assertThat(r.test().orElseThrow().statistic()).isEqualTo(r.ancova().groupTest().f());
    // anova(lm(post ~ pre + group))["group", "Df"] = 2 and its residual Df = 11: F(2, 11)
    assertThat(r.test().orElseThrow().df()).hasValue(2);
    assertThat(r.test().orElseThrow().denominatorDf()).hasValue(11);
    assertThat(r.ancova().residualDf()).isEqualTo(11);
  }

  @Test
  void termNamesFollowTheData() {
    Ancova.Result r = Ancova.withDefaults().withTermNames("es12", "es0", "arm").fit(SAMPLE);
    assertThat(r.ancova().formula()).isEqualTo("es12 ~ es0 + arm");
    assertThat(r.ancova().coefficients()).extracting(Coefficient::term).containsExactly("(Intercept)", "es0", "armusual", "armwaitlist");
  }

  @Test
  void degenerateDesignsAreNamed() {
    assertThatThrownBy(() -> Ancova.withDefaults().withReference("none").fit(SAMPLE))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no group 'none'");
    double[] constantPre = new double[15];
    java.util.Arrays.fill(constantPre, 3);
    assertThatThrownBy(() -> Ancova.withDefaults().fit(GroupedPrePostSample.of(constantPre, POST, Factor.of(GROUP))))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("constant");
    GroupedPrePostSample emptyGroup = GroupedPrePostSample.of(new double[] {1, 2, 3, 4}, new double[] {2, 3, 5, 4},
        Factor.withLevels(new String[] {"a", "a", "b", "b"}, List.of("a", "b", "c")));
    assertThatThrownBy(() -> Ancova.withDefaults().fit(emptyGroup))
        .isInstanceOf(DegenerateDataException.class).hasMessageContaining("group 'c' has no members");
  }
}
