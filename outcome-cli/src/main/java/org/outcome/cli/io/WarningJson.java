package org.outcome.cli.io;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.outcome.api.result.Warning;
import org.outcome.cli.io.WarningJson;

/**
 * A warning in the JSON output.
 *
 * @param code the stable code
 * @param message the explanation
 */
public record WarningJson(String code, String message) {
  /** The warnings of several results, each once, in order. */
  @SafeVarargs
  public static List<WarningJson> of(List<Warning>... lists) {
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

  /** Writes each warning as a line {@code Note: message}, under a table of results. */
  public static void printNotes(PrintWriter out, List<WarningJson> warnings) {
    for (WarningJson w : warnings) {
      out.println("Note: " + w.message());
    }
  }
}
