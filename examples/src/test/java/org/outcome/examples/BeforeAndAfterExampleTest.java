package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The before-and-after example on the shipped data, every printed number held against R.
 *
 * <p>The R reference scores the Empowerment Scale itself (it does not use the library): see
 * {@code src/test/r/scores.R}, which defines {@code scores} (everyone, by subject), {@code
 * complete} (both scores) and the functions {@code dz} and {@code hedges}; run each call below
 * from the {@code examples} folder as {@code Rscript -e 'source("src/test/r/scores.R"); <call>'}
 * with {@code peer <- complete[complete$group == "peer-support", ]} and {@code at <- peer[peer$sessions > 10, ]}
 * (R 4.2.2).
 */
class BeforeAndAfterExampleTest {
  private final Printed printed = Printed.of(out -> BeforeAndAfterExample.run(
      new String[] {"data/empowerment-scale.csv", "data/people.csv", "data/sessions.csv"}, out));

  @Test
  void accountsForEveryAnswersRow() {
    // Counted by hand in data/empowerment-scale.csv: 113 data rows; row 97 answers q3 with 6; row 89 leaves
    // an item empty, and every item is needed for a score. R: sum(rejected) = 1, sum(is.na(es$score)) = 1
    assertThat(printed.text()).contains("answers: 113 rows read: 111 scored, 1 not scored, 1 rejected");
    assertThat(printed.text()).contains("rejected: row 97, column q3: outside the scale 1-4");
  }

  @Test
  void intentionToTreatMatchesR() {
    Printed itt = printed.from("intention-to-treat");
    // p <- scores[scores$group == "peer-support", ]
    // c(nrow(p), sum(!is.na(p$change)), sum(is.na(p$score.before)), sum(!is.na(p$score.before) & is.na(p$score.after)))
    //   = 30 25 2 3
    itt.assertNumbers("intention-to-treat, complete cases (people without both scores excluded):", 25, 30);
    itt.assertNumbers("excluded, missing baseline:", 2);
    itt.assertNumbers("excluded, missing follow-up:", 3);
    // c(mean(peer$score.before), mean(peer$score.after)) = 2.47571428571429 2.66000000000000
    itt.assertNumbers("mean before", 2.47571428571429, 2.66);
    // t.test(peer$score.after, peer$score.before, paired = TRUE): estimate, (95% CI) conf.int, statistic,
    // parameter, p.value
    itt.assertNumbers("paired t (mean change)",
        0.184285714285714, 95, 0.103912919788219, 0.264658508783209, 4.732285632481, 24, 8.20266779969e-05);
    // wilcox.test(peer$score.after, peer$score.before, paired = TRUE): V, p.value (normal approximation:
    // ties and zeros, with continuity correction)
    itt.assertNumbers("Wilcoxon signed-rank", 253.5, 0.000461121198022);
    // dz(peer$change) = 0.946457126496290 0.465784668151751 1.413550103924385
    itt.assertNumbers("Cohen's d_z", 0.946457126496290, 95, 0.465784668151751, 1.413550103924385);
  }

  @Test
  void asTreatedMatchesR() {
    Printed asTreated = printed.from("as-treated");
    // c(sum(p$sessions <= 10), sum(p$sessions > 10 & is.na(p$score.before)),
    //   sum(p$sessions > 10 & !is.na(p$score.before) & is.na(p$score.after)), nrow(at)) = 17 1 1 11
    asTreated.assertNumbers("as-treated (more than 10 sessions), complete cases:", 11, 30);
    asTreated.assertNumbers("excluded, dose below threshold:", 17);
    asTreated.assertNumbers("excluded, missing baseline:", 1);
    asTreated.assertNumbers("excluded, missing follow-up:", 1);
    // c(mean(at$score.before), mean(at$score.after)) = 2.36688311688312 2.61038961038961
    asTreated.assertNumbers("mean before", 2.36688311688312, 2.61038961038961);
    // t.test(at$score.after, at$score.before, paired = TRUE)
    asTreated.assertNumbers("paired t (mean change)",
        0.243506493506493, 95, 0.0855088082042005, 0.4015041788087864, 3.434014098717, 10, 0.00639528264509);
    // wilcox.test(at$score.after, at$score.before, paired = TRUE)
    asTreated.assertNumbers("Wilcoxon signed-rank", 52, 0.0143058784354);
    // dz(at$change) = 1.035394208203228 0.277969999593117 1.760615414868959
    asTreated.assertNumbers("Cohen's d_z", 1.035394208203228, 95, 0.277969999593117, 1.760615414868959);
  }
}
