package org.outcome.cli.score;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.outcome.api.RejectedRow;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.cli.io.NonClosingWriter;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.instruments.batch.ScoredRow;

/**
 * Writes one JSON document as rows arrive:
 * <pre>
 * {"instrument": id, "version": v,
 *  "scores": [{"row", "subject", "timepoint", "scores": {subscale: value or null},
 *              "missingItems": [...], "prorated": bool, "notScored": {subscale: reason}}, ...],
 *  "rejected": [{"row", "reasons": [{"location", "message"}]}, ...],
 *  "counts": {"read", "scored", "rejected"}}
 * </pre>
 * Scored rows stream straight to the output; rejected rows are spooled to a temporary file
 * (deleted on close) and copied after the scores, so memory does not grow with either.
 */
final class JsonScoreWriter implements BatchSink, Closeable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final PrintWriter out;
  private final JsonGenerator json;
  private Path spoolFile;
  private Writer spoolWriter;
  private JsonGenerator spool;

  JsonScoreWriter(PrintWriter out, Instrument instrument) {
    this.out = out;
    try {
      this.json = FACTORY.createGenerator(new NonClosingWriter(out));
      json.writeStartObject();
      json.writeStringField("instrument", instrument.id().value());
      json.writeStringField("version", instrument.definition().version());
      json.writeArrayFieldStart("scores");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void scored(ScoredRow row) {
    try {
      json.writeStartObject();
      json.writeNumberField("row", row.row());
      json.writeStringField("subject", row.subject().value());
      json.writeStringField("timepoint", row.timepoint());
      json.writeObjectFieldStart("scores");
      for (SubscaleScore s : row.score().subscales()) {
        json.writeFieldName(s.subscale().value());
        if (s.isScored()) {
          json.writeNumber(s.value().getAsDouble());
        } else {
          json.writeNull();
        }
      }
      json.writeEndObject();
      json.writeArrayFieldStart("missingItems");
      for (int item : row.score().missingItems()) {
        json.writeNumber(item);
      }
      json.writeEndArray();
      json.writeBooleanField("prorated", row.score().prorated());
      json.writeObjectFieldStart("notScored");
      for (SubscaleScore s : row.score().subscales()) {
        if (!s.isScored()) {
          json.writeStringField(s.subscale().value(), s.notScoredReason().orElseThrow());
        }
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void rejected(RejectedRow row) {
    try {
      if (spool == null) {
        spoolFile = Files.createTempFile("outcome-rejected", ".json");
        spoolWriter = Files.newBufferedWriter(spoolFile, StandardCharsets.UTF_8);
        spool = FACTORY.createGenerator(spoolWriter);
      } else {
        spool.writeRaw(',');
      }
      spool.writeStartObject();
      spool.writeNumberField("row", row.row());
      spool.writeArrayFieldStart("reasons");
      for (Violation v : row.reasons()) {
        spool.writeStartObject();
        spool.writeStringField("location", v.location());
        spool.writeStringField("message", v.message());
        spool.writeEndObject();
      }
      spool.writeEndArray();
      spool.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the document with the rejected rows and the counts. */
  void finish(BatchSummary summary) {
    try {
      json.writeEndArray();
      json.writeFieldName("rejected");
      json.writeRawValue("[");
      json.flush();
      if (spool != null) {
        spool.close();
        spool = null;
        try (BufferedReader in = Files.newBufferedReader(spoolFile, StandardCharsets.UTF_8)) {
          in.transferTo(out);
        }
      }
      out.write(']');
      json.writeObjectFieldStart("counts");
      json.writeNumberField("read", summary.read());
      json.writeNumberField("scored", summary.scored());
      json.writeNumberField("rejected", summary.rejected());
      json.writeEndObject();
      json.writeEndObject();
      json.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (spool != null) {
        spool.close();
      }
      if (spoolWriter != null) {
        spoolWriter.close();
      }
      if (spoolFile != null) {
        Files.deleteIfExists(spoolFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
