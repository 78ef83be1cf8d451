package org.outcome.stats.survival;

import java.util.List;
import java.util.Optional;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;

/**
 * Restricted mean survival times up to {@code τ} per group, and each group compared with the
 * reference group.
 *
 * <p>As an {@link AnalysisResult}: with two groups the primary estimate is the difference (other
 * minus reference) with its interval and the test is its z test; with one group the estimate is
 * its restricted mean; with more groups there is no single primary estimate (see
 * {@link #contrasts()}).
 *
 * @param tau the restriction time
 * @param confLevel the confidence level of the intervals
 * @param groups per group, in R's level order
 * @param contrasts each non-reference group against the reference, in level order
 * @param rows rows used
 * @param warnings for example a {@code τ} after a group's last observed time
 */
public record RmstResult(double tau, double confLevel, List<RmstGroup> groups, List<RmstContrast> contrasts,
    long rows, List<Warning> warnings) implements AnalysisResult {
  public RmstResult {
    groups = List.copyOf(groups);
    contrasts = List.copyOf(contrasts);
    warnings = List.copyOf(warnings);
  }

  @Override
  public String method() {
    return "Restricted mean survival time up to " + tau;
  }

  @Override
  public long nUsed() {
    return rows;
  }

  @Override
  public Optional<Estimate> estimate() {
    if (contrasts.size() == 1) {
      RmstContrast c = contrasts.get(0);
      return Optional.of(Estimate.of("RMST difference (" + c.group() + " - " + c.reference() + ")", c.difference(),
          c.differenceInterval()));
    }
    if (groups.size() == 1) {
      RmstGroup g = groups.get(0);
      return Optional.of(Estimate.of("restricted mean survival time", g.rmean(), g.interval()));
    }
    return Optional.empty();
  }

  @Override
  public Optional<HypothesisTest> test() {
    if (contrasts.size() == 1) {
      RmstContrast c = contrasts.get(0);
      return Optional.of(HypothesisTest.of("z", c.difference() / c.differenceStdErr(), c.differenceP()));
    }
    return Optional.empty();
  }
}
