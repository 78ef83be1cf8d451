/**
 * Generators and contracts for testing scoring and analyses.
 *
 * <p>The core is framework-neutral: a {@link org.outcome.testkit.Generator} takes a seedable
 * {@link java.util.random.RandomGenerator} and returns a value, so that any property-testing tool
 * (or a plain loop) can drive it.
 */
package org.outcome.testkit;
