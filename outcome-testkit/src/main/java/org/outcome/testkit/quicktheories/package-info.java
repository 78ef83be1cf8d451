/**
 * The QuickTheories layer over the framework-neutral generators: {@link
 * org.outcome.testkit.quicktheories.QtGenerators#gen} turns any {@link org.outcome.testkit.Generator}
 * into a QuickTheories {@code Gen} that shrinks, because every draw the generator makes goes
 * through QuickTheories' randomness source with bounds, and smaller draws mean simpler values.
 */
package org.outcome.testkit.quicktheories;
