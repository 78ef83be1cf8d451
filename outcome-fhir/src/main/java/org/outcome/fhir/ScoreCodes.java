package org.outcome.fhir;

import java.util.List;
import java.util.Map;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.Verification;

/**
 * The external codes an Observation of a score carries beside outcome's own code.
 *
 * <p>Every Observation's {@code code} holds outcome's own coding (system {@link
 * FhirOptions#scoreSystem}, code = the subscale id, display = the subscale's label) and, where
 * one is known, a standard code first.
 *
 * <p><b>LOINC.</b> None of the shipped instruments has a LOINC code that we could find (searched
 * on 2026-12-05 in stored LOINC pages, FHIR implementation guides and LOINC-derived questionnaire
 * collections): not WEMWBS, SWEMWBS, the Empowerment Scale, MHCS, GSE, MANSA, ReQoL-10/20 nor the
 * WHOQOL-BREF domains. Look-alikes that are <em>not</em> these instruments: 91651-0 (General
 * Well-Being Schedule, NHANES), 96945-1/96946-9 (R-Outcomes health confidence), 62931-1 (PhenX
 * self-esteem). A trust that finds a LOINC code should confirm it in LOINC's own search before
 * adding it here.
 *
 * <p><b>SNOMED CT</b> (the coding NHS England's Mental Health Services Data Set uses for outcome
 * measures), taken from NHS Digital's reference table of mental-health outcome measure codes
 * (repository NHSDigital/mental-health-monthly-statistics, {@code 04_mhsds_ref_tables.py}); each
 * passes the SNOMED CT check digit; not checked in a SNOMED CT browser:
 * <ul>
 *   <li>WEMWBS total: 718426000 (range 14–70);</li>
 *   <li>SWEMWBS score: 718466001 (range 7–35), on the metric score (and WEMWBS's SWEMWBS
 *       subscale), which the WEMWBS user guide asks to be reported; the table does not say
 *       whether it means the raw sum or the metric score;</li>
 *   <li>ReQoL-20 total: 1091081000000103 (range 0–80). The same table's ReQoL-10 code fails the
 *       check digit, so ReQoL-10 carries no SNOMED code.</li>
 * </ul>
 */
public final class ScoreCodes {
  /** SNOMED CT's system URI. */
  public static final String SNOMED = "http://snomed.info/sct";

  private static final String NHS_TABLE = "NHS Digital, mental-health-monthly-statistics,"
      + " 04_mhsds_ref_tables.py (MHSDS outcome measure SNOMED CT codes); check digit verified";

  private static final ScoreCode SWEMWBS = new ScoreCode(SNOMED, "718466001",
      "Short Warwick-Edinburgh Mental Well-being Scale score", NHS_TABLE, Verification.SECONDARY_SOURCE);

  private static final Map<InstrumentId, Map<SubscaleId, ScoreCode>> CODES = Map.of(
      InstrumentId.of("wemwbs"), Map.of(
          SubscaleId.of("total"), new ScoreCode(SNOMED, "718426000",
              "Warwick-Edinburgh Mental Well-being Scale score", NHS_TABLE, Verification.SECONDARY_SOURCE),
          SubscaleId.of("swemwbs"), SWEMWBS),
      InstrumentId.of("swemwbs"), Map.of(SubscaleId.of("metric"), SWEMWBS),
      InstrumentId.of("reqol-20"), Map.of(
          SubscaleId.of("total"), new ScoreCode(SNOMED, "1091081000000103",
              "Recovering Quality of Life 20-item questionnaire score", NHS_TABLE,
              Verification.SECONDARY_SOURCE)));

  private ScoreCodes() {}

  /** The standard codes for a score of the instrument, best first; empty when none is known. */
  public static List<ScoreCode> forScore(InstrumentId instrument, SubscaleId subscale) {
    ScoreCode code = CODES.getOrDefault(instrument, Map.of()).get(subscale);
    return code == null ? List.of() : List.of(code);
  }
}
