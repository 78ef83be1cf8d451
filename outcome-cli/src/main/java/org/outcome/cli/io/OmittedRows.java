package org.outcome.cli.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/**
 * Rows left out of an analysis for a missing value, an empty cell or a {@code --na} marker such as
 * {@code NA} (as R's {@code na.omit}): listed on standard
 * error, by row number only (never a cell's content), and under {@code omittedRows} in the JSON.
 */
public final class OmittedRows {
  private static final int SHOWN = 20;

  private OmittedRows() {}

  /**
   * The rendering with {@code omittedRows} added to its JSON, after one line on {@code err}
   * naming the rows (the first {@value #SHOWN} and how many more); the rendering itself when none.
   */
  public static Rendering noting(List<Long> omittedRows, Rendering rendering, PrintWriter err) {
    if (omittedRows.isEmpty()) {
      return rendering;
    }
    String shown = omittedRows.stream().limit(SHOWN).map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    int n = omittedRows.size();
    err.println((n == 1 ? "1 row" : n + " rows") + " with a missing value (an empty cell or NA) left out of the"
        + " analysis (as R's na.omit): " + (n == 1 ? "row " : "rows ")
        + (n > SHOWN ? shown + " and " + (n - SHOWN) + " more" : shown));
    err.flush();
    ObjectNode json = Json.MAPPER.valueToTree(rendering.json());
    json.putPOJO("omittedRows", omittedRows);
    return rendering.csv().map(csv -> Rendering.of(json, rendering::text, csv))
        .orElseGet(() -> Rendering.of(json, rendering::text));
  }
}
