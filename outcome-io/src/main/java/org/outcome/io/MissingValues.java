package org.outcome.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cell texts that mean "no value", besides the empty cell, which always does: R's
 * {@code na.strings}. The default, {@link #R_DEFAULT}, is {@code NA}, what R's {@code write.csv}
 * and {@code data.table::fwrite} write for a missing value, so that a file exported from R reads
 * here as it reads back into R. A cell is compared whole, after the trimming and unquoting of
 * {@link CsvRecords}, and case matters ({@code na} is not {@code NA}), as in R.
 *
 * <pre>{@code
 * MissingValues.of("NA", "-99", ".")   // SPSS and SAS exports
 * MissingValues.NONE                   // only the empty cell is missing
 * }</pre>
 *
 * @param markers the texts read as missing; none empty (the empty cell is missing anyway)
 */
public record MissingValues(Set<String> markers) {
  /** {@code NA}, as R writes a missing value. */
  public static final MissingValues R_DEFAULT = of("NA");

  /** Only the empty cell is missing. */
  public static final MissingValues NONE = new MissingValues(Set.of());

  /**
   * Validates and copies, keeping the order given.
   *
   * @throws IllegalArgumentException if a marker is empty or has spaces at either end (cells are
   *     trimmed, so it could never match)
   */
  public MissingValues {
    Objects.requireNonNull(markers, "markers");
    for (String m : markers) {
      Objects.requireNonNull(m, "marker");
      if (m.isEmpty() || !m.strip().equals(m)) {
        throw new IllegalArgumentException("a missing-value marker must be non-empty text without spaces at"
            + " either end (the empty cell is always missing)");
      }
    }
    markers = Collections.unmodifiableSet(new LinkedHashSet<>(markers));
  }

  /** The given markers; empty strings among them are ignored (the empty cell is always missing). */
  public static MissingValues of(String... markers) {
    return of(List.of(markers));
  }

  /** The given markers; empty strings among them are ignored (the empty cell is always missing). */
  public static MissingValues of(List<String> markers) {
    Set<String> kept = new LinkedHashSet<>();
    for (String m : markers) {
      if (!Objects.requireNonNull(m, "marker").isEmpty()) {
        kept.add(m);
      }
    }
    return new MissingValues(kept);
  }

  /** Whether a (trimmed) cell holds no value: empty, or one of the markers. */
  public boolean isMissing(String cell) {
    return cell == null || cell.isEmpty() || markers.contains(cell);
  }

  /** The markers as UTF-8 bytes, for comparing cells without decoding them. */
  byte[][] bytes() {
    return markers.stream().map(m -> m.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  /** Whether {@code bytes[from, to)} is one of the markers given as {@link #bytes()}. */
  static boolean isMarker(byte[][] markers, byte[] bytes, int from, int to) {
    for (byte[] m : markers) {
      if (m.length == to - from && Arrays.equals(m, 0, m.length, bytes, from, to)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return markers.isEmpty() ? "only empty cells" : "empty cells and " + String.join(", ", markers);
  }
}
