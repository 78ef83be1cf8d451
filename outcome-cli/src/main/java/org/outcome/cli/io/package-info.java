/**
 * What every command shares: reading numeric and text columns from a CSV file with every bad
 * cell reported ({@link org.outcome.cli.io.TableReader}), the output options and rendering
 * ({@link org.outcome.cli.io.OutputOptions}, {@link org.outcome.cli.io.Rendering}), aligned text
 * tables ({@link org.outcome.cli.io.TextTable}) and timing ({@link org.outcome.cli.io.TimingOptions}).
 */
package org.outcome.cli.io;
