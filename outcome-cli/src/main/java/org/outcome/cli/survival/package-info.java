/**
 * The {@code outcome survival} commands: {@code km}, {@code logrank}, {@code rmst} and
 * {@code cox}. JSON field names follow the R reference fixtures; group labels are R's
 * {@code column=level}.
 */
package org.outcome.cli.survival;
