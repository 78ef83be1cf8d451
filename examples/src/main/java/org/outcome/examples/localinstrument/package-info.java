/**
 * A third-party instrument plugin, as a trust would write one for its own questionnaire: a JSON
 * definition ({@code peer-contact.json}) and a provider of three lines, registered through
 * {@code META-INF/services} and {@code provides}. Its test uses the testkit's contract.
 */
package org.outcome.examples.localinstrument;
