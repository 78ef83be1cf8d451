package org.outcome.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * The header rules both readers share: column names indexed, empty and repeated names refused,
 * required columns checked. Kept apart from {@link CsvRecords} so that {@link TableReader} does not
 * load Jackson's CSV parser, which it does not use. No message quotes a name found in the file: a
 * file without a header row has a data row there.
 */
final class Header {
  private Header() {}

  /** The position of each column by name, refusing empty and repeated names. */
  static Map<String, Integer> index(String[] names, String source) {
    Map<String, Integer> index = new HashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (names[i].isEmpty()) {
        violations.add(Violation.at("header", "column " + (i + 1) + " has no name"));
      } else {
        Integer first = index.putIfAbsent(names[i], i);
        if (first != null) {
          // by position, not by name: a file without a header row has a data row here
          violations.add(Violation.at("header", "column " + (i + 1) + " has the same name as column " + (first + 1)));
        }
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid header in " + source, violations);
    }
    return Collections.unmodifiableMap(index);
  }

  /** {@link CsvRecords#requireColumns(String...)} of a header indexed by {@link #index}. */
  static void requireColumns(Map<String, Integer> columns, String source, String... names) {
    List<Violation> violations = new ArrayList<>();
    String expected = String.join(", ", names);
    for (String name : names) {
      if (!columns.containsKey(name)) {
        violations.add(Violation.at("column " + name, "missing from the header; expected columns: " + expected));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException("missing columns in " + source, violations);
    }
  }

}
