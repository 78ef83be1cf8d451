package org.outcome.evaluation.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outcome.api.AnalysisId;
import org.outcome.api.InstrumentId;

/**
 * Writes an {@link EvaluationReport} as JSON ({@code report.json}): every number of the report,
 * every rejected row with its reasons, every warning. Absent values ({@code Optional.empty()},
 * NaN, infinity) are written as {@code null}, so the file is strict JSON; suppressed counts are
 * the number shown or the string {@code "*"}; typed ids ({@code analysis}, {@code instrument}) are
 * written as their text; every warning is an object {@code {"code": ..., "message": ...}}; and an
 * analysis entry's {@code status} is {@code "RAN"} or {@code "NOT_RUN"}, the latter with a
 * {@code reason} object ({@code code}, {@code summary}, {@code message}).
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("non-finite-as-null")
          .addSerializer(Double.class, new FiniteDouble())
          .addSerializer(double.class, new FiniteDouble())
          .addSerializer(AnalysisId.class, ToStringSerializer.instance)
          .addSerializer(InstrumentId.class, ToStringSerializer.instance))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private ReportJson() {}

  /** The report as a JSON string. */
  public static String toJson(EvaluationReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any part of the report as JSON, written as in the report (for tests of the parts). */
  static String toJson(Object part) {
    try {
      return MAPPER.writeValueAsString(part);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the report to a file (UTF-8), creating its folder if needed. */
  public static void write(EvaluationReport report, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        MAPPER.writeValue(w, report);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The file name of the exact results beside a report: {@code report-internal.json}. */
  public static final String INTERNAL_FILE = "report-internal.json";

  /** The top-level field that marks the exact results. */
  public static final String INTERNAL_MARK = "NOT FOR PUBLICATION";

  /**
   * Writes the exact (internal) results, NOT FOR PUBLICATION: the report's fields after a first
   * field {@code "notForPublication"} saying so. Never publish this file; {@code report.json} is the
   * publication view.
   */
  public static void writeInternal(EvaluationReport exact, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
      node.put("notForPublication", INTERNAL_MARK + ": exact counts and full-precision results of a service"
          + " evaluation, for the evaluation team only. Publish report.json and report.html, never this file.");
      node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.valueToTree(exact));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        MAPPER.writeValue(w, node);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static final class FiniteDouble extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
