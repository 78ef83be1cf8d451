/**
 * The statistics commands: {@code paired}, {@code compare}, {@code ancova}, {@code table2x2},
 * {@code mcnemar} and {@code rates}. Each runs the analyses of {@code outcome-stats} on a CSV file
 * or on counts given on the command line and prints the table an evaluator would publish, or JSON
 * whose field names are those of the R reference fixtures.
 */
package org.outcome.cli.stats;
