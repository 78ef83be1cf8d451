/**
 * Streaming tabular input: {@link org.outcome.instruments.io.CsvRecords} reads a UTF-8 CSV file
 * with a header row one record at a time, never holding the file in memory, and reports problems
 * as {@link org.outcome.api.InvalidInputException}s naming the row and column.
 *
 * <p>Rows are numbered as data records from 1, after the header row, in every message this
 * library writes.
 */
package org.outcome.instruments.io;
