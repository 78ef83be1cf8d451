package org.outcome.api.instrument;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The published constants that Jacobson-Truax reliable change needs for a subscale.
 *
 * <p>Reliable change index {@code RCI = (post - pre) / Sdiff} with
 * {@code Sdiff = sqrt(2) * referenceSd * sqrt(1 - reliability)} (Jacobson and Truax 1991).
 *
 * @param reliability test-retest or internal-consistency reliability, in (0, 1)
 * @param referenceSd the standard deviation of the reference population, on the score's scale
 * @param clinicalCutoff the clinically significant cut-off on the score's scale, where defined
 * @param source where the constants come from
 * @param verification how far the constants were checked
 */
public record Psychometrics(
    double reliability,
    double referenceSd,
    OptionalDouble clinicalCutoff,
    String source,
    Verification verification) {
  public Psychometrics {
    if (!(reliability > 0 && reliability < 1)) {
      throw new IllegalArgumentException("reliability must be in (0, 1), got " + reliability);
    }
    if (!(referenceSd > 0) || !Double.isFinite(referenceSd)) {
      throw new IllegalArgumentException("reference SD must be positive, got " + referenceSd);
    }
    Objects.requireNonNull(clinicalCutoff, "clinicalCutoff");
    ScoringFact.requireText(source, "psychometrics source");
    Objects.requireNonNull(verification, "verification");
  }

  /** The standard error of the difference, {@code sqrt(2) * SD * sqrt(1 - r)}. */
  public double standardErrorOfDifference() {
    return Math.sqrt(2) * referenceSd * Math.sqrt(1 - reliability);
  }
}
