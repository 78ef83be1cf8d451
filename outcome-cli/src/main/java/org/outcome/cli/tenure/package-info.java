/**
 * The {@code outcome tenure} command: community tenure from a people file and an episodes file,
 * written as a summary and one row per person (text, CSV or JSON), with every rejected row.
 */
package org.outcome.cli.tenure;
