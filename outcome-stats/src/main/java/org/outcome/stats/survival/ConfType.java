package org.outcome.stats.survival;

/**
 * The scale on which pointwise confidence limits of a survival curve are built, as R's
 * {@code survfit(..., conf.type = )}. With {@code z} the normal quantile for the level, {@code S}
 * the survival and {@code se} the standard error of the cumulative hazard (Greenwood):
 *
 * <ul>
 *   <li>{@link #PLAIN}: {@code S ± z·se·S}, clipped to [0, 1];
 *   <li>{@link #LOG} (R's default): {@code exp(log S ± z·se)}, the upper limit capped at 1;
 *   <li>{@link #LOG_LOG}: {@code exp(-exp(log(-log S) ∓ z·se/log S))}, not capped.
 * </ul>
 *
 * <p>Where R gives {@code NA} the limits are undefined: at {@code S = 0} on every scale (on the
 * plain scale because {@code se} is infinite there), and at {@code S = 1} on the log-log scale.
 */
public enum ConfType {
  /** Limits on the survival scale, clipped to [0, 1] (R {@code "plain"}). */
  PLAIN("plain"),
  /** Limits on the log-survival scale, upper limit capped at 1 (R {@code "log"}, the default). */
  LOG("log"),
  /** Limits on the log(-log survival) scale (R {@code "log-log"}), better for reports. */
  LOG_LOG("log-log");

  private final String rName;

  ConfType(String rName) {
    this.rName = rName;
  }

  /** R's name for this scale: {@code plain}, {@code log} or {@code log-log}. */
  public String rName() {
    return rName;
  }
}
