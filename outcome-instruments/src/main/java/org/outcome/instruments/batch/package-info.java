/**
 * Streaming batch scoring of a CSV file: {@link org.outcome.instruments.batch.BatchScorer} reads
 * one administration per row, scores or rejects it, and hands it to a
 * {@link org.outcome.instruments.batch.BatchSink} at once, so memory does not grow with the file.
 * Every row read ends scored or rejected with its row number and every reason:
 * {@link org.outcome.instruments.batch.BatchSummary} checks that scored + rejected = read.
 * No message names a subject.
 */
package org.outcome.instruments.batch;
