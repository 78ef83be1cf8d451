package org.outcome.testkit.samples;

import java.util.List;
import java.util.random.RandomGenerator;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.testkit.Generator;

/**
 * Generates right-censored {@link SurvivalSample}s of the requested {@link SurvivalShape}s, with
 * optional groups ({@code g1}, {@code g2}, ...), strata ({@code s1}, ...) and covariates
 * ({@code x1} binary, {@code x2}... continuous). Event times follow an exponential model whose
 * hazard depends on the group and covariates, so analyses have something to find.
 *
 * <pre>{@code
 * Generator<SurvivalSample> cohorts = SurvivalSamples.builder()
 *     .size(5, 80).groups(2).covariates(2).shapes(SurvivalShape.withEvents()).build();
 * }</pre>
 *
 * <p>Guarantees, whatever the draws: every time is positive; with groups (strata), every group
 * (stratum) has at least one member, and under {@link SurvivalShape#UNBALANCED_GROUPS} the first
 * group has exactly one; {@link SurvivalShape#ALL_CENSORED} has no event,
 * {@link SurvivalShape#SINGLE_EVENT} exactly one, {@link SurvivalShape#NO_CENSORING} only events,
 * {@link SurvivalShape#LAST_CENSORED} a censored largest time, and
 * {@link SurvivalShape#CENSORED_AT_EVENT_TIMES} at least one censoring at an event time; every
 * other shape has at least one event.
 */
public final class SurvivalSamples {
  private final int minSize;
  private final int maxSize;
  private final int groups;
  private final int strata;
  private final int covariates;
  private final List<SurvivalShape> shapes;

  private SurvivalSamples(Builder b) {
    this.minSize = b.minSize;
    this.maxSize = b.maxSize;
    this.groups = b.groups;
    this.strata = b.strata;
    this.covariates = b.covariates;
    this.shapes = List.of(b.shapes.length == 0 ? SurvivalShape.values() : b.shapes);
    int needed = Math.max(Math.max(groups, strata), 1) + 1;
    if (minSize < needed || maxSize < minSize) {
      throw new IllegalArgumentException("need " + needed + " <= minSize <= maxSize, got " + minSize + ", " + maxSize);
    }
  }

  /** Starts a generator description: 2 to 50 rows, no groups, strata or covariates, all shapes. */
  public static Builder builder() {
    return new Builder();
  }

  /** Describes the samples to generate. */
  public static final class Builder {
    private int minSize = 2;
    private int maxSize = 50;
    private int groups;
    private int strata;
    private int covariates;
    private SurvivalShape[] shapes = {};

    private Builder() {}

    /** Rows per sample, inclusive. */
    public Builder size(int min, int max) {
      this.minSize = min;
      this.maxSize = max;
      return this;
    }

    /** The number of groups (0 for no group column). */
    public Builder groups(int count) {
      this.groups = count;
      return this;
    }

    /** The number of strata (0 for no strata column). */
    public Builder strata(int count) {
      this.strata = count;
      return this;
    }

    /** The number of covariates: the first binary, the rest continuous. */
    public Builder covariates(int count) {
      this.covariates = count;
      return this;
    }

    /** The shapes to draw from (all when none are given). */
    public Builder shapes(SurvivalShape... shapes) {
      this.shapes = shapes.clone();
      return this;
    }

    /** The generator. */
    public Generator<SurvivalSample> build() {
      return buildShaped().map(Shaped::sample);
    }

    /** The generator, keeping the shape each sample was drawn as. */
    public Generator<Shaped<SurvivalShape, SurvivalSample>> buildShaped() {
      return new SurvivalSamples(this)::next;
    }
  }

  private Shaped<SurvivalShape, SurvivalSample> next(RandomGenerator random) {
    SurvivalShape shape = Draw.oneOf(random, shapes);
    int n = Draw.between(random, minSize, maxSize);
    int[] group = assign(random, n, groups, shape == SurvivalShape.UNBALANCED_GROUPS);
    int[] stratum = assign(random, n, strata, false);
    double[][] x = new double[covariates][n];
    for (int j = 0; j < covariates; j++) {
      for (int i = 0; i < n; i++) {
        x[j][i] = j == 0 ? (random.nextBoolean() ? 1 : 0) : Draw.rounded(Draw.normal(random, 0, 1), 0.01);
      }
    }
    boolean days = shape == SurvivalShape.WHOLE_DAY_TIES || shape == SurvivalShape.CENSORED_AT_EVENT_TIMES;
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    for (int i = 0; i < n; i++) {
      double linear = groups > 0 ? 0.4 * group[i] : 0;
      for (int j = 0; j < covariates; j++) {
        linear += (j == 0 ? 0.5 : -0.3) * x[j][i];
      }
      double rate = 0.1 * Math.exp(linear);
      double t = -Math.log1p(-random.nextDouble()) / rate;
      double c = 25 * random.nextDouble() + 5 * random.nextDouble();
      double observed = Math.min(t, c);
      time[i] = days ? Math.max(1, Math.ceil(observed / 2)) : Math.max(0.01, Draw.rounded(observed, 0.01));
      event[i] = t <= c;
    }
    force(shape, time, event, random);
    SurvivalSample.Builder builder = SurvivalSample.builder(time, event);
    if (groups > 0) {
      builder.group(Factor.of(labels("g", group)));
    }
    if (strata > 0) {
      builder.strata(Factor.of(labels("s", stratum)));
    }
    for (int j = 0; j < covariates; j++) {
      builder.covariate("x" + (j + 1), x[j]);
    }
    return new Shaped<>(shape, builder.build());
  }

  /** Codes 0..k-1 with every code used; the first code used once when {@code firstOnce}. */
  private static int[] assign(RandomGenerator random, int n, int k, boolean firstOnce) {
    int[] codes = new int[n];
    if (k == 0) {
      return codes;
    }
    for (int i = 0; i < n; i++) {
      codes[i] = i < k ? i : firstOnce ? Draw.between(random, 1, k - 1) : Draw.between(random, 0, k - 1);
    }
    return codes;
  }

  private static String[] labels(String prefix, int[] codes) {
    String[] labels = new String[codes.length];
    for (int i = 0; i < codes.length; i++) {
      labels[i] = prefix + (codes[i] + 1);
    }
    return labels;
  }

  private static void force(SurvivalShape shape, double[] time, boolean[] event, RandomGenerator random) {
    int n = time.length;
    int last = 0;
    for (int i = 1; i < n; i++) {
      if (time[i] > time[last]) {
        last = i;
      }
    }
    switch (shape) {
      case ALL_CENSORED -> java.util.Arrays.fill(event, false);
      case NO_CENSORING -> java.util.Arrays.fill(event, true);
      case SINGLE_EVENT -> {
        java.util.Arrays.fill(event, false);
        event[Draw.between(random, 0, n - 1)] = true;
      }
      case LAST_CENSORED -> {
        event[last] = false;
        event[last == 0 ? 1 : 0] = true;
      }
      case CENSORED_AT_EVENT_TIMES -> {
        event[0] = true;
        event[1] = false;
        time[1] = time[0];
      }
      default -> {
        boolean any = false;
        for (boolean e : event) {
          any |= e;
        }
        if (!any) {
          event[0] = true;
        }
      }
    }
  }
}
