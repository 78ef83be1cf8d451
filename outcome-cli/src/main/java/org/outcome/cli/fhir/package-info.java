/** {@code outcome fhir}: instruments as FHIR Questionnaires, and QuestionnaireResponses scored into Observations. */
package org.outcome.cli.fhir;
