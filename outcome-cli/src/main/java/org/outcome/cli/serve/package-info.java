/** {@code outcome serve}: the scoring service over HTTP. */
package org.outcome.cli.serve;
