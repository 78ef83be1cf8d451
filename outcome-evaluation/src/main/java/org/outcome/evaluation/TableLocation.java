package org.outcome.evaluation;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where one table of an evaluation is: a file on this machine, or a URI that an engine reads
 * ({@code hdfs://}, {@code s3a://}, {@code abfss://}, {@code dbfs:/}, {@code file://}). Files are
 * read by {@link EvaluationData#files()}; URIs, Parquet tables and files alike by an engine such as
 * {@code outcome spark evaluate}.
 *
 * @param value an absolute path, or a URI exactly as written in the configuration
 */
public record TableLocation(String value) {
  /** A scheme of two or more characters then {@code :/}, so that {@code C:\...} stays a path. */
  private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

  /** Validates. */
  public TableLocation {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a table location must not be blank");
    }
  }

  /** A file on this machine. */
  public static TableLocation of(Path file) {
    return new TableLocation(file.toAbsolutePath().normalize().toString());
  }

  /**
   * A configuration's value: a URI as written; a path resolved against the configuration's folder.
   *
   * @param base the folder of the configuration file
   * @param value the value of the configuration
   */
  public static TableLocation resolve(Path base, String value) {
    return URI.matcher(value).matches() ? new TableLocation(value) : of(base.resolve(value));
  }

  /** Whether this is a URI (with a scheme) rather than a file path. */
  public boolean isUri() {
    return URI.matcher(value).matches();
  }

  /** The file on this machine; empty for a URI. */
  public Optional<Path> file() {
    return isUri() ? Optional.empty() : Optional.of(Path.of(value));
  }

  /** The last part of the location (a file's name), as reports and messages name the table. */
  public String name() {
    String v = value.replaceAll("[/\\\\]+$", "");
    int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
    return slash < 0 || slash == v.length() - 1 ? v : v.substring(slash + 1);
  }

  @Override
  public String toString() {
    return value;
  }
}
