/**
 * The {@code score} and {@code instruments} commands: batch scoring of questionnaire answers from
 * CSV (streaming, every row scored or rejected) and the list of installed instruments with the
 * provenance of their scoring facts.
 */
package org.outcome.cli.score;
