package org.outcome.testkit.samples;

import java.util.Locale;
import org.outcome.api.sample.Covariate;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.SurvivalSample;

/** Readable renderings of samples, for counterexamples. */
public final class Describe {
  private Describe() {}

  /** {@code 3 pairs (before->after): 1->2, 2->2, 5->3}. */
  public static String paired(PairedSample s) {
    StringBuilder b = new StringBuilder().append(s.size()).append(" pairs (before->after): ");
    for (int i = 0; i < s.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(num(s.before(i))).append("->").append(num(s.after(i)));
    }
    return b.toString();
  }

  /** {@code 4 values: g1=[1, 2], g2=[3, 5]}. */
  public static String grouped(GroupedSample s) {
    StringBuilder b = new StringBuilder().append(s.size()).append(" values: ");
    for (int g = 0; g < s.levels().size(); g++) {
      b.append(g == 0 ? "" : ", ").append(s.levels().get(g)).append("=[");
      double[] v = s.values(g);
      for (int i = 0; i < v.length; i++) {
        b.append(i == 0 ? "" : ", ").append(num(v[i]));
      }
      b.append(']');
    }
    return b.toString();
  }

  /** {@code 4 rows (group: pre->post): g1: 1->2, ...}. */
  public static String prePost(GroupedPrePostSample s) {
    StringBuilder b = new StringBuilder().append(s.size()).append(" rows (group: pre->post): ");
    for (int i = 0; i < s.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(s.groups().level(i)).append(": ")
          .append(num(s.pre(i))).append("->").append(num(s.post(i)));
    }
    return b.toString();
  }

  /** {@code 3 rows (time, event[, group][, stratum][, covariates]): (5, 1, g1), (8, 0, g2), ...}. */
  public static String survival(SurvivalSample s) {
    StringBuilder b = new StringBuilder().append(s.size()).append(" rows (time, event");
    s.group().ifPresent(g -> b.append(", group"));
    s.strata().ifPresent(g -> b.append(", stratum"));
    s.covariates().forEach(c -> b.append(", ").append(c.name()));
    b.append("): ");
    for (int i = 0; i < s.size(); i++) {
      b.append(i == 0 ? "(" : ", (").append(num(s.time(i))).append(", ").append(s.event(i) ? 1 : 0);
      final int row = i;
      s.group().ifPresent(g -> b.append(", ").append(g.level(row)));
      s.strata().ifPresent(g -> b.append(", ").append(g.level(row)));
      for (Covariate c : s.covariates()) {
        b.append(", ").append(num(c.value(i)));
      }
      b.append(')');
    }
    return b.toString();
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
