package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The comparison-group example on the shipped data, every printed number held against R.
 *
 * <p>Each R call below runs from the {@code examples} folder after
 * {@code source("src/test/r/scores.R"); complete$group <- relevel(factor(complete$group), "usual-care");
 * m <- lm(score.after ~ score.before + group, data = complete); c2 <- lm(change ~ group, data = complete);
 * x <- complete$change[complete$group == "peer-support"]; y <- complete$change[complete$group == "usual-care"]}
 * (R 4.2.2; the script scores the Empowerment Scale in R, without the library).
 */
class ComparisonGroupExampleTest {
  private final Printed printed = Printed.of(out -> ComparisonGroupExample.run(
      new String[] {"data/empowerment-scale.csv", "data/people.csv"}, out));

  @Test
  void accountsForEveryAnswersRow() {
    assertThat(printed.text()).contains("answers: 113 rows read: 111 scored, 1 not scored, 1 rejected");
  }

  @Test
  void groupMeansMatchR() {
    // aggregate(cbind(score.before, score.after, change) ~ group, complete, mean); table(complete$group);
    // c(sd(y), sd(x)) = 0.223277463586639 0.194711106426897
    printed.assertNumbers("usual-care", 26, 2.40521978021978, 2.43131868131868, 0.0260989010989011, 0.223277463586639);
    printed.assertNumbers("peer-support", 25, 2.47571428571429, 2.66, 0.1842857142857142, 0.194711106426897);
  }

  @Test
  void ancovaMatchesLm() {
    // summary(m)$coefficients["grouppeer-support", ] and confint(m)["grouppeer-support", ]:
    //   0.161221789702482, (95% CI) [0.0410374912875952, 0.281406088117368], p 9.61873340759245e-03;
    // anova(m)["group", c("F value", "Df")] = 7.27475517926809, 1 (the square of the coefficient's t);
    // m$df.residual = 48
    printed.assertNumbers("ANCOVA: follow-up ~ baseline + group", 0.161221789702482, 95, 0.0410374912875952,
        0.281406088117368, 7.27475517926809, 1, 48, 9.61873340759245e-03);
  }

  @Test
  void changeScoreModelMatchesLm() {
    // summary(c2)$coefficients["grouppeer-support", ], (95% CI) confint(c2)["grouppeer-support", ], c2$df.residual
    printed.assertNumbers("change score: change ~ group", 0.1581868131868134, 95, 0.0401055380031896, 0.276268088370437,
        2.692114411249989, 49, 0.00968854251193813);
  }

  @Test
  void welchAndMannWhitneyMatchR() {
    // t.test(x, y): mean(x) - mean(y), conf.int, statistic, parameter, p.value
    printed.assertNumbers("Welch t on change", 0.1842857142857142 - 0.0260989010989011, 95, 0.040398843716657,
        0.275974782656969, 2.69945215608, 48.54916263152, 0.00953034627303);
    // wilcox.test(x, y): W, p.value (normal approximation with ties, continuity correction)
    printed.assertNumbers("Mann-Whitney on change", 456.5, 0.0134096876729);
  }

  @Test
  void hedgesGMatchesTheNoncentralTInterval() {
    // hedges(x, y) = 0.742476503362210 0.178862973267752 1.299030412200315
    printed.assertNumbers("Hedges' g on change", 0.742476503362210, 95, 0.178862973267752, 1.299030412200315);
  }
}
