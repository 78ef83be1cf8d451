package org.outcome.stats.survival;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.ConfidenceInterval;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;

/**
 * Kaplan–Meier curves with the options they were fitted with.
 *
 * <p>As an {@link AnalysisResult}: the primary estimate is the median survival time of a single
 * curve (with its interval when both limits are reached); with several curves, or when the median
 * is not reached, there is none. There is no test (compare curves with {@link LogRank}).
 *
 * @param curves the curves, group-major then stratum, in R's level order
 * @param confType the confidence-limit scale
 * @param confLevel the confidence level
 * @param rows the number of rows used
 * @param warnings empty curves, curves without events, extrapolated restricted means
 */
public record KaplanMeierResult(List<KaplanMeierCurve> curves, ConfType confType, double confLevel, long rows,
    List<Warning> warnings) implements AnalysisResult {
  public KaplanMeierResult {
    curves = List.copyOf(curves);
    Objects.requireNonNull(confType, "confType");
    warnings = List.copyOf(warnings);
  }

  /** The curve of a group level (in an unstratified fit). */
  public Optional<KaplanMeierCurve> curve(String group) {
    return curves.stream().filter(c -> c.group().equals(Optional.of(group)) && c.stratum().isEmpty()).findFirst();
  }

  @Override
  public String method() {
    return "Kaplan-Meier estimate (" + confType.rName() + " confidence limits)";
  }

  @Override
  public long nUsed() {
    return rows;
  }

  @Override
  public Optional<Estimate> estimate() {
    if (curves.size() != 1) {
      return Optional.empty();
    }
    MedianSurvival m = curves.get(0).median();
    if (m.median().isEmpty()) {
      return Optional.empty();
    }
    double median = m.median().getAsDouble();
    if (m.lower().isPresent() && m.upper().isPresent()) {
      return Optional.of(Estimate.of("median survival time", median,
          new ConfidenceInterval(m.lower().getAsDouble(), m.upper().getAsDouble(), confLevel)));
    }
    return Optional.of(Estimate.of("median survival time", median));
  }

  @Override
  public Optional<HypothesisTest> test() {
    return Optional.empty();
  }
}
