/**
 * Tabular input: {@link org.outcome.io.CsvRecords} reads a UTF-8 CSV file with a
 * header row one record at a time, never holding the file in memory, and reports problems as
 * {@link org.outcome.api.InvalidInputException}s naming the row and column;
 * {@link org.outcome.io.TableReader} reads named numeric, text and 0/1 columns into
 * arrays (a {@link org.outcome.io.Table}), every bad cell reported at once, optionally
 * keyed by a subject column so that files can be lined up person by person.
 *
 * <p>Rows are numbered as data records from 1, after the header row, in every message this
 * library writes. No message quotes a subject identifier.
 */
package org.outcome.io;
