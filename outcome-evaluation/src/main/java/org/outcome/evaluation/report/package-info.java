/**
 * Evaluation reports: small-number suppression ({@link org.outcome.evaluation.report.Suppression})
 * applied to every published count, the report model, and its JSON and self-contained HTML forms.
 */
package org.outcome.evaluation.report;
