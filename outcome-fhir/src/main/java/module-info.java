/**
 * FHIR R4 for the instruments: each definition exported as an SDC-style {@code Questionnaire},
 * and {@code QuestionnaireResponse}s (one resource, a Bundle, or bulk NDJSON) validated against
 * the instrument and scored into {@code Observation}s. HAPI FHIR (whose jars carry no module
 * descriptor) is the resource model; the bulk path reads and writes JSON with Jackson directly.
 */
module org.outcome.fhir {
  requires transitive org.outcome.api;
  requires transitive hapi.fhir.base;
  requires transitive org.hl7.fhir.r4;
  requires hapi.fhir.structures.r4; // FhirContext.forR4() loads its version classes from here
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports org.outcome.fhir;
}
