/**
 * What every command shares: the output options and rendering
 * ({@link org.outcome.cli.io.OutputOptions}, {@link org.outcome.cli.io.Rendering}), aligned text
 * tables ({@link org.outcome.cli.io.TextTable}) and timing ({@link org.outcome.cli.io.TimingOptions}).
 * Columns of a CSV file are read with {@link org.outcome.io.TableReader}.
 */
package org.outcome.cli.io;
