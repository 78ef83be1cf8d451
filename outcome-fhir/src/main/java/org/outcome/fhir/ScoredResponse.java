package org.outcome.fhir;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.Observation;
import org.outcome.api.Violation;

/**
 * The result of scoring one {@code QuestionnaireResponse}: its status, one Observation per score
 * (none when rejected) and, when rejected, every reason.
 *
 * @param status scored, not scorable or rejected
 * @param observations one per score of the instrument, in the definition's order; empty when
 *     rejected
 * @param violations why the response was rejected, each naming the element (for an item, its
 *     position and linkId) and never quoting a value; empty otherwise
 */
public record ScoredResponse(ResponseStatus status, List<Observation> observations, List<Violation> violations) {
  public ScoredResponse {
    Objects.requireNonNull(status, "status");
    observations = List.copyOf(observations);
    violations = List.copyOf(violations);
    if ((status == ResponseStatus.REJECTED) != observations.isEmpty()
        || (status == ResponseStatus.REJECTED) == violations.isEmpty()) {
      throw new IllegalArgumentException("a rejected response has violations and no observations;"
          + " any other has observations and no violations");
    }
  }
}
