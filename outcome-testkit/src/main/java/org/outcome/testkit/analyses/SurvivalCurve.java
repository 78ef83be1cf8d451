package org.outcome.testkit.analyses;

import java.util.Arrays;

/**
 * A Kaplan-Meier curve in neutral form: the distinct times (ascending) and the survival just
 * after each, as R's {@code survfit} lists them.
 *
 * @param time the times, ascending
 * @param survival the survival estimate at each time
 */
public record SurvivalCurve(double[] time, double[] survival) {
  public SurvivalCurve {
    if (time.length != survival.length) {
      throw new IllegalArgumentException("times and survival differ in length");
    }
    time = time.clone();
    survival = survival.clone();
  }

  @Override
  public double[] time() {
    return time.clone();
  }

  @Override
  public double[] survival() {
    return survival.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SurvivalCurve c && Arrays.equals(time, c.time) && Arrays.equals(survival, c.survival);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(time) + Arrays.hashCode(survival);
  }

  @Override
  public String toString() {
    return "SurvivalCurve[time=" + Arrays.toString(time) + ", survival=" + Arrays.toString(survival) + "]";
  }
}
