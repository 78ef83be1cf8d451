/**
 * The {@code outcome} command: {@link org.outcome.cli.Main} and the root command. Every
 * subcommand follows the same conventions: {@code --input FILE} (CSV with a header row, UTF-8),
 * {@code --format text|json|csv} (text tables by default), {@code --output FILE} (stdout by
 * default); exit 0 on success, 2 on a usage error, 3 on invalid input (with a message naming row
 * and column), 1 on an unexpected failure. JSON output uses the field names of the R reference
 * fixtures for the same quantities.
 */
package org.outcome.cli;
