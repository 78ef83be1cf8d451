package org.outcome.stats.survival;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One R reference fixture ({@code src/test/resources/fixtures/*.json}, described in the README
 * beside them): its input columns, options, R's expected values and the tolerance, with a generic
 * comparison of any JSON-shaped result against the expected values.
 *
 * <p>Comparison rules, the same for every fixture: every field of {@code expected} must be present
 * in the actual document; objects are compared field by field and arrays element by element (same
 * length); a number {@code v} matches R's {@code r} when {@code |v - r| <= absolute + relative·|r|};
 * strings must be equal; an expected {@code null} (R's {@code NA}) requires an actual {@code null}.
 * An expected {@code null} standing for a whole list or object (a field the fixture did not
 * record, never one of R's scalar {@code NA}s) is not compared.
 */
record RFixture(Path file, String id, String kind, String source, JsonNode input, JsonNode options,
    JsonNode expected, double relative, double absolute) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The fixtures folder on the test class path. */
  public static Path folder() {
    URL url = RFixture.class.getClassLoader().getResource("fixtures/README.md");
    if (url == null) {
      throw new IllegalStateException("fixtures/README.md is not on the test class path");
    }
    try {
      return Paths.get(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every fixture of a kind, by file name. */
  public static List<RFixture> ofKind(String kind) {
    return ofKind(folder(), kind);
  }

  /** Every fixture of a kind in a folder, by file name. */
  public static List<RFixture> ofKind(Path folder, String kind) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(RFixture::load)
          .filter(f -> f.kind().equals(kind)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one fixture file. */
  public static RFixture load(Path file) {
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      JsonNode tolerance = root.path("tolerance");
      return new RFixture(file, root.path("id").asText(), root.path("kind").asText(), root.path("source").asText(),
          root.path("input"), root.path("options"), root.path("expected"),
          tolerance.path("relative").asDouble(0), tolerance.path("absolute").asDouble(0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The names of the input columns, in file order. */
  public List<String> columns() {
    List<String> names = new ArrayList<>();
    input.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A numeric input column. */
  public double[] numbers(String column) {
    JsonNode values = column(column);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).asDouble();
    }
    return out;
  }

  /** A 0/1 input column as booleans. */
  public boolean[] flags(String column) {
    JsonNode values = column(column);
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      double v = values.get(i).asDouble();
      if (v != 0 && v != 1) {
        throw new IllegalStateException(id + ": column " + column + " row " + (i + 1) + " is not 0 or 1");
      }
      out[i] = v == 1;
    }
    return out;
  }

  /** An input column as text, numbers written as R labels them ({@code 1}, not {@code 1.0}). */
  public String[] texts(String column) {
    JsonNode values = column(column);
    String[] out = new String[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(values.get(i));
    }
    return out;
  }

  /** An option as text, or {@code null} when absent or R's {@code NULL}. */
  public String option(String name) {
    JsonNode v = options.get(name);
    return v == null || v.isNull() ? null : label(v);
  }

  /** Writes the input as a CSV file with a header (for running the command-line tool on it). */
  public Path writeCsv(Path file) {
    List<String> names = columns();
    StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
    int rows = input.get(names.get(0)).size();
    for (int i = 0; i < rows; i++) {
      for (int c = 0; c < names.size(); c++) {
        if (c > 0) {
          csv.append(',');
        }
        JsonNode v = input.get(names.get(c)).get(i);
        csv.append(v.isNull() ? "" : label(v));
      }
      csv.append('\n');
    }
    try {
      return Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares an actual document with {@code expected} by the rules in the class documentation.
   *
   * @return every mismatch, as {@code path: expected ... got ...}; empty when all match
   */
  public List<String> mismatches(JsonNode actual) {
    List<String> out = new ArrayList<>();
    compare("expected", expected, actual, out);
    return out;
  }

  /** Whether {@code actual} is within the tolerance of R's {@code r}. */
  public boolean close(double actual, double r) {
    return Math.abs(actual - r) <= absolute + relative * Math.abs(r);
  }

  private void compare(String path, JsonNode want, JsonNode got, List<String> out) {
    if (want.isNull()) {
      if (got != null && !got.isNull() && !got.isContainerNode()) {
        out.add(path + ": expected NA (null), got " + got);
      }
      return;
    }
    if (got == null || got.isMissingNode()) {
      out.add(path + ": missing");
      return;
    }
    if (want.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = want.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        compare(path + "." + f.getKey(), f.getValue(), got.get(f.getKey()), out);
      }
    } else if (want.isArray()) {
      if (!got.isArray() || got.size() != want.size()) {
        out.add(path + ": expected " + want.size() + " elements, got " + got);
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        compare(path + "[" + i + "]", want.get(i), got.get(i), out);
      }
    } else if (want.isNumber()) {
      if (!got.isNumber() || !close(got.asDouble(), want.asDouble())) {
        out.add(path + ": expected " + want + ", got " + got);
      }
    } else if (!want.asText().equals(got.asText())) {
      out.add(path + ": expected " + want + ", got " + got);
    }
  }

  private JsonNode column(String column) {
    JsonNode values = input.get(column);
    if (values == null || !values.isArray()) {
      throw new IllegalArgumentException(id + " has no input column " + column);
    }
    return values;
  }

  private static String label(JsonNode v) {
    if (v.isNumber()) {
      double d = v.asDouble();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    return v.asText();
  }

  @Override
  public String toString() {
    return id;
  }
}
