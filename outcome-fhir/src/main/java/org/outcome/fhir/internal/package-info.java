/**
 * The JSON side of FHIR scoring: checking a {@code QuestionnaireResponse} read as a Jackson tree,
 * and writing Observations with a streaming generator. Not exported.
 */
package org.outcome.fhir.internal;
