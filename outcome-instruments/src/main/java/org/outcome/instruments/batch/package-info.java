/**
 * Batch scoring of a CSV file of answers.
 *
 * <p>{@link org.outcome.instruments.batch.BatchScorer} streams: it reads one administration per
 * row, scores or rejects it, and hands it to a {@link org.outcome.instruments.batch.BatchSink}
 * at once, so memory does not grow with the file. Every row read ends scored or rejected with its
 * row number and every reason: {@link org.outcome.instruments.batch.BatchSummary} checks that
 * scored + rejected = read.
 *
 * <p>{@link org.outcome.instruments.batch.ScoresByPerson} builds on it for analyses: each
 * person's score at each time point for one subscale
 * ({@link org.outcome.instruments.batch.TimepointScores}), a second row for the same person and
 * time point rejected naming the first, and read = scored + not scored + rejected.
 *
 * <p>No message names a subject.
 */
package org.outcome.instruments.batch;
