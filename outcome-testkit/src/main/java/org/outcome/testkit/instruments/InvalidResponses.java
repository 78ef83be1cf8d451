package org.outcome.testkit.instruments;

import org.outcome.api.instrument.ResponseSet;

/**
 * A response set broken in one known way.
 *
 * @param kind how it is broken
 * @param responses the broken response set
 * @param item the item at fault, for the item-level kinds; 0 for a wrong instrument or version
 */
public record InvalidResponses(Invalidity kind, ResponseSet responses, int item) {
  @Override
  public String toString() {
    return kind + (item > 0 ? " at item " + item : "") + ": " + responses;
  }
}
