/**
 * Instruments in FHIR R4.
 *
 * <ul>
 *   <li>{@link org.outcome.fhir.Questionnaires}: an instrument definition as a
 *       {@code Questionnaire}: one {@code choice} item per question ({@code linkId} = the item's
 *       number on the instrument's own form, {@code text} = our short neutral label, never the
 *       licensed wording), the answer options as codings carrying the SDC {@code ordinalValue},
 *       {@code required} where a missing answer leaves a score unscorable, the definition's
 *       version, licence and scoring provenance.</li>
 *   <li>{@link org.outcome.fhir.FhirScorer}: {@code QuestionnaireResponse} in, checked against
 *       the instrument (questionnaire, status, every item's linkId and answer), scored by the
 *       instrument's own engine, {@code Observation}s out: one per score, with
 *       {@code valueQuantity} or, when the missing-item rule leaves a score unscorable,
 *       {@code dataAbsentReason} and never a number. Bulk NDJSON is streamed with accounting:
 *       scored + not scorable + rejected = read.</li>
 * </ul>
 *
 * <p>Naming: canonical URLs and our code systems are built from {@link
 * org.outcome.fhir.FhirOptions#canonicalBase()}; the score codes are described in {@link
 * org.outcome.fhir.ScoreCodes}.
 *
 * <p>Nothing in this package writes an answer, an identifier or any other value taken from a
 * resource into a message, a log line or an exception.
 */
package org.outcome.fhir;
