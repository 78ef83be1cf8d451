/**
 * Descriptive statistics: {@link org.outcome.stats.descriptive.Descriptives}, an immutable,
 * mergeable summary of a set of numbers (count, mean, standard deviation, minimum, maximum) with
 * R's mean, variance and type-7 quantiles, for reports and for summarising partitions of data that
 * are combined later.
 */
package org.outcome.stats.descriptive;
