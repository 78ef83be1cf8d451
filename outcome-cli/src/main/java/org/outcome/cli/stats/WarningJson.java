package org.outcome.cli.stats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.outcome.api.result.Warning;

/**
 * A warning in the JSON output.
 *
 * @param code the stable code
 * @param message the explanation
 */
record WarningJson(String code, String message) {
  /** The warnings of several results, each once, in order. */
  @SafeVarargs
  static List<WarningJson> of(List<Warning>... lists) {
    Set<Warning> seen = new LinkedHashSet<>();
    for (List<Warning> list : lists) {
      seen.addAll(list);
    }
    List<WarningJson> out = new ArrayList<>();
    for (Warning w : seen) {
      out.add(new WarningJson(w.code(), w.message()));
    }
    return out;
  }
}
