package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The community-tenure example on the shipped data, every printed number held against R.
 *
 * <p>{@code src/test/r/tenure.R} derives time to readmission from the same two files in R (not with
 * the library) into a data frame {@code d}, then runs the survival package (3.5-3, R 4.2.2) with
 * {@code fit <- survfit(Surv(time, event) ~ group, data = d)}, usual care the first level; run it
 * from the {@code examples} folder with {@code Rscript src/test/r/tenure.R}. The calls are repeated
 * next to each value.
 */
class TenureSurvivalExampleTest {
  private final Printed printed = Printed.of(out -> TenureSurvivalExample.run(
      new String[] {"data/people.csv", "data/episodes.csv"}, out));

  @Test
  void accountsForEveryRowAndEveryPerson() {
    // wc -l: 60 people rows and 148 episode rows after the headers, none malformed;
    // table(d$reason[d$event == 0]): end_of_observation 2, extraction 3, window_end 15
    assertThat(printed.text())
        .contains("people: 60 rows read, 0 rejected; episodes: 148 rows read, 0 rejected")
        .contains("included: 60; excluded: 0")
        .contains("death 0, end_of_observation 2, window_end 15, extraction 3");
  }

  @Test
  void kaplanMeierAndRestrictedMeansMatchSurvfit() {
    // summary(fit, rmean = 1095)$table[, c("records", "events", "median", "0.95LCL", "0.95UCL", "rmean", "se(rmean)")]
    // summary(fit, times = 365)[c("surv", "lower", "upper")]
    printed.assertNumbers("usual-care", 30, 20, 565, 380, 0.665, 0.515357788305112, 0.858093173393910,
        627.106666666667, 71.1151049095499);
    printed.assertNumbers("peer-support", 30, 20, 624, 433, 0.733333333333333, 0.590999645683237,
        0.909946024004919, 661.935930735931, 71.1586928526369);
    assertThat(printed.line("usual-care")).contains("565 [380, NA]");      // R: 0.95UCL NA, never reached
    assertThat(printed.line("peer-support")).contains("624 [433, NA]");
  }

  @Test
  void logRankMatchesSurvdiff() {
    // lr <- survdiff(Surv(time, event) ~ group, data = d); c(lr$chisq, 1, pchisq(lr$chisq, 1, lower.tail = FALSE))
    printed.assertNumbers("log-rank", 0.0387188052843337, 1, 0.8440067881327966);
  }

  @Test
  void coxModelMatchesCoxph() {
    // summary(coxph(Surv(time, event) ~ group, data = d)): $conf.int[, c(1, (95% CI) 3, 4)] and
    // $coefficients[, c("z", "Pr(>|z|)")]
    printed.assertNumbers("Cox model (Efron ties)", 0.939655417865596, 95, 0.505298697649226, 1.74738685936037,
        -0.196646276657438, 0.84410435406809);
    // usual care is the reference level
    assertThat(printed.line("Cox model (Efron ties)")).contains("hazard ratio (grouppeer-support)");
  }

  @Test
  void restrictedMeanDifferenceMatchesR() {
    // r <- summary(fit, rmean = 1095)$table; dif <- r[2, "rmean"] - r[1, "rmean"]; se <- sqrt(sum(r[, "se(rmean)"]^2))
    // c(dif, (95% CI) dif - qnorm(0.975) * se, dif + qnorm(0.975) * se, dif / se, 2 * pnorm(-abs(dif / se)))
    printed.assertNumbers("RMST up to 1095 days", 34.829264069264127, 95, -162.348545607707280,
        232.007073746235534, 0.346205809343491, 0.729188049154243);
    assertThat(printed.line("RMST up to 1095 days")).contains("RMST difference (peer-support - usual-care)");
  }
}
