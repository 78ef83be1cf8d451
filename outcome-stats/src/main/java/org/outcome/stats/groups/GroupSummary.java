package org.outcome.stats.groups;

/**
 * Size, mean and standard deviation of one group.
 *
 * @param level the group's level
 * @param n the number of values
 * @param mean the mean
 * @param sd the sample standard deviation; NaN for a single value
 */
public record GroupSummary(String level, long n, double mean, double sd) {}
