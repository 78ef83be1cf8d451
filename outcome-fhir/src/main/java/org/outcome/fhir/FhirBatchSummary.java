package org.outcome.fhir;

/**
 * The accounting of a batch: every resource read was scored, found not scorable, or rejected.
 *
 * @param read resources read (a Bundle's entries each count; a line that is not JSON counts as one)
 * @param scored responses whose primary score has a value
 * @param notScorable valid responses whose primary score the missing-item rule leaves without a value
 * @param rejected resources not scored, each reported with its reasons
 * @param observations Observations written
 */
public record FhirBatchSummary(long read, long scored, long notScorable, long rejected, long observations) {
  public FhirBatchSummary {
    if (read != scored + notScorable + rejected || scored < 0 || notScorable < 0 || rejected < 0) {
      throw new IllegalArgumentException("scored + not scorable + rejected must equal read");
    }
  }

  @Override
  public String toString() {
    return "read " + read + ", scored " + scored + ", not scorable " + notScorable + ", rejected " + rejected
        + " (" + observations + " observations)";
  }
}
