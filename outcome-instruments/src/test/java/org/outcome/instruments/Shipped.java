package org.outcome.instruments;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.ResponseSet;

/** The shipped instruments, loaded once for all tests. */
final class Shipped {
  static final List<Instrument> ALL = new BuiltInInstruments().instruments();
  static final Map<String, Instrument> BY_ID =
      ALL.stream().collect(Collectors.toMap(i -> i.id().value(), Function.identity()));

  private Shipped() {}

  static Instrument get(String id) {
    Instrument i = BY_ID.get(id);
    if (i == null) {
      throw new IllegalArgumentException("not shipped: " + id);
    }
    return i;
  }

  /** Answers items 1..n in order; {@code null} marks an item missing. */
  static ResponseSet answers(String id, Integer... values) {
    ResponseSet.Builder b = ResponseSet.builder(InstrumentId.of(id));
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        b.missing(i + 1);
      } else {
        b.answer(i + 1, values[i]);
      }
    }
    return b.build();
  }

  /** {@code n} answers all equal to {@code value}. */
  static Integer[] same(int n, int value) {
    Integer[] a = new Integer[n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}
