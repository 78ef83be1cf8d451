/**
 * The {@code evaluate} and {@code demo} commands: run a service evaluation from its configuration
 * (or the synthetic demonstration) and write {@code report.json} and {@code report.html}, showing
 * progress on standard error.
 */
package org.outcome.cli.evaluate;
