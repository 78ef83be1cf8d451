package org.outcome.fhir;

import java.util.Objects;
import org.hl7.fhir.r4.model.Coding;
import org.outcome.api.instrument.Verification;

/**
 * A code from an external code system (LOINC) for a questionnaire or one of its scores, with
 * where the code was found and how far it was checked.
 *
 * @param system the code system's URI, for example {@code http://loinc.org}
 * @param code the code
 * @param display the code system's display for it
 * @param source where the code and its meaning were found
 * @param verification how far the code was checked
 */
public record ScoreCode(String system, String code, String display, String source, Verification verification) {
  public ScoreCode {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verification, "verification");
  }

  /** This code as a FHIR {@code Coding}. */
  public Coding toCoding() {
    return new Coding(system, code, display);
  }
}
