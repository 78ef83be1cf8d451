package org.outcome.stats.survival;

import java.util.Objects;
import org.outcome.api.result.ConfidenceInterval;

/**
 * The restricted mean survival time of one group up to {@code τ}.
 *
 * @param group the group level
 * @param n rows in the group
 * @param events events in the group (at any time)
 * @param rmean the restricted mean, as R's {@code print(survfit, rmean = τ)}
 * @param stdErr its standard error, as R's {@code se(rmean)}
 * @param interval {@code rmean ± z·stdErr} (as survRM2's {@code rmst1})
 */
public record RmstGroup(String group, long n, long events, double rmean, double stdErr, ConfidenceInterval interval) {
  public RmstGroup {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(interval, "interval");
  }
}
