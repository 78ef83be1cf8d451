/**
 * The survival commands. {@link org.outcome.cli.survival.CoxCommand} ({@code cox}) fits Cox
 * proportional hazards models.
 */
package org.outcome.cli.survival;
