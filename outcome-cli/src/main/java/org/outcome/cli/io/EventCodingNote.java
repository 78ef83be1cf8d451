package org.outcome.cli.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.outcome.io.EventCoding;

/**
 * The event coding a survival command applied ({@link EventCoding}): always in the JSON, as
 * {@code eventCoding} ({@code "0/1"}, {@code "1/2"} or {@code "TRUE/FALSE"}), and on standard
 * error when it is not 0/1, so that a reader of 1/2 data sees the rule was applied.
 */
public final class EventCodingNote {
  private EventCodingNote() {}

  /** The rendering with {@code eventCoding} added to its JSON, after a line on {@code err} unless 0/1. */
  public static Rendering noting(EventCoding coding, Rendering rendering, PrintWriter err) {
    if (coding != EventCoding.ZERO_ONE) {
      err.println("event column read as " + coding.rule() + ", as R's Surv reads it");
      err.flush();
    }
    ObjectNode json = Json.MAPPER.valueToTree(rendering.json());
    json.put("eventCoding", coding.label());
    return rendering.csv().map(csv -> Rendering.of(json, rendering::text, csv))
        .orElseGet(() -> Rendering.of(json, rendering::text));
  }
}
