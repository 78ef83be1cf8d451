package org.outcome.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.outcome.api.Violation;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Instrument;
import org.outcome.fhir.internal.ByteLines;
import org.outcome.fhir.internal.ObservationWriter;
import org.outcome.fhir.internal.ResponseChecker;
import org.outcome.fhir.internal.Target;

/**
 * Scores FHIR R4 {@code QuestionnaireResponse}s into {@code Observation}s, one per score of the
 * instrument, with the instrument's own scoring engine.
 *
 * <p>A response is checked before it is scored, and every problem is reported together:
 * <ul>
 *   <li>{@code resourceType} QuestionnaireResponse; {@code questionnaire} the canonical URL of one
 *       of the instruments ({@link FhirOptions#questionnaireUrl}), with {@code |version} the
 *       definition's version if given; {@code status} completed or amended;</li>
 *   <li>an {@code id} (a FHIR id), an {@code identifier} or, in a Bundle, the entry's
 *       {@code fullUrl}, so that each Observation's {@code derivedFrom} points back to it;
 *       {@code authored}, when present, a FHIR dateTime; {@code subject}, {@code encounter}
 *       objects;</li>
 *   <li>each item: a {@code linkId} of the instrument (the item's number), at most once, no nested
 *       items, at most one answer, given as {@code valueCoding} (code = the value; system, when
 *       given, the item's answer system) or {@code valueInteger}, inside the item's scale. An item
 *       left out or without an answer is a missing answer, which the missing-item rule decides.</li>
 * </ul>
 * Violations name the element ({@code "item[3] (linkId '5')"}) and never quote a value.
 *
 * <p>Instances are immutable and thread-safe. The bulk path ({@link #scoreAll}) streams: memory
 * does not grow with the number of responses (a single Bundle document is read whole).
 */
public final class FhirScorer {
  private final FhirOptions options;
  private final Map<String, Target> byUrl;
  private final ResponseChecker checker;
  private final ObjectMapper mapper;

  private FhirScorer(FhirOptions options, Map<String, Target> byUrl, Optional<Target> only, ObjectMapper mapper) {
    this.options = options;
    this.byUrl = byUrl;
    this.checker = new ResponseChecker(byUrl, only);
    this.mapper = mapper;
  }

  /**
   * A scorer for responses to any of these instruments, named by {@code options}.
   *
   * @throws IllegalArgumentException if no instrument is given or two share an id
   */
  public static FhirScorer of(Collection<? extends Instrument> instruments, FhirOptions options) {
    Objects.requireNonNull(options, "options");
    Map<String, Target> byUrl = new LinkedHashMap<>();
    for (Instrument instrument : instruments) {
      Target target = new Target(instrument, options);
      if (byUrl.putIfAbsent(target.url(), target) != null) {
        throw new IllegalArgumentException("two instruments share the id " + instrument.id());
      }
    }
    if (byUrl.isEmpty()) {
      throw new IllegalArgumentException("a FHIR scorer needs at least one instrument");
    }
    return new FhirScorer(options, Map.copyOf(byUrl), Optional.empty(), new ObjectMapper());
  }

  /**
   * This scorer, accepting responses to one instrument only: any other questionnaire is rejected.
   *
   * @throws IllegalArgumentException if the scorer has no such instrument
   */
  public FhirScorer onlyFor(InstrumentId instrument) {
    Target target = byUrl.get(options.questionnaireUrl(instrument));
    if (target == null) {
      throw new IllegalArgumentException("this scorer has no instrument " + instrument);
    }
    return new FhirScorer(options, byUrl, Optional.of(target), mapper);
  }

  /** The options that name the questionnaires and codes. */
  public FhirOptions options() {
    return options;
  }

  /** Checks and scores one response (HAPI's model); see the class documentation for the checks. */
  public ScoredResponse score(QuestionnaireResponse response) {
    IParser parser = FhirContext.forR4Cached().newJsonParser();
    ResponseChecker.Checked checked;
    try (JsonParser json = mapper.createParser(parser.encodeResourceToString(response))) {
      json.nextToken();
      checked = checker.check(json, null);
    } catch (IOException e) {
      throw new IllegalStateException("HAPI wrote JSON that could not be read back", e);
    }
    if (checked instanceof ResponseChecker.Rejected rejected) {
      return new ScoredResponse(ResponseStatus.REJECTED, List.of(), rejected.violations());
    }
    ResponseChecker.Valid valid = (ResponseChecker.Valid) checked;
    StringWriter text = new StringWriter();
    try (JsonGenerator g = generator(text)) {
      ObservationWriter.write(g, valid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Observation> observations = new ArrayList<>();
    for (String line : text.toString().split("\n")) {
      observations.add(parser.parseResource(Observation.class, line));
    }
    return new ScoredResponse(status(valid), observations, List.of());
  }

  /**
   * Scores every response in {@code input} and writes the Observations to {@code output} as NDJSON
   * (one resource per line), in input order, streaming.
   *
   * <p>The input (UTF-8, closed when done) is NDJSON with one resource per line (as FHIR bulk data export writes it; a line
   * may also hold a Bundle, whose entries each count), or one JSON document: a resource or a
   * Bundle, pretty-printed or not. Blank lines are skipped. A line that is not JSON is rejected and
   * reading goes on.
   *
   * @param output receives the Observations; flushed at the end, not closed
   * @param rejections receives each rejected resource with its position and every reason, in order
   * @return the accounting: scored + not scorable + rejected = read
   * @throws UncheckedIOException if reading or writing fails
   */
  public FhirBatchSummary scoreAll(InputStream input, Writer output, Consumer<Rejection> rejections) {
    Batch batch = new Batch(output, rejections);
    ByteLines lines = new ByteLines(input);
    try (input; JsonGenerator g = batch.generator) {
      try {
        readAll(lines, batch);
      } finally {
        // the last Observation's line ends, also when the input failed part-way
        if (batch.observations > 0) {
          g.writeRaw('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new FhirBatchSummary(batch.read, batch.scored, batch.notScorable, batch.rejected, batch.observations);
  }

  /** Reads every line (or the one document) into the batch. */
  private void readAll(ByteLines lines, Batch batch) throws IOException {
    boolean first = true;
    while (lines.next()) {
      if (lines.blank()) {
        continue;
      }
      String where = "line " + lines.number();
      try (JsonParser json = mapper.createParser(lines.buffer(), lines.start(), lines.length())) {
        json.nextToken();
        batch.resource(json, null, where, () -> mapper.readTree(lines.line()));
        if (json.nextToken() != null) {
          batch.reject(where, Violation.at("line", "holds a second JSON value after the first; it was not read"));
        }
        first = false;
      } catch (JsonEOFException e) {
        if (!first) {
          batch.reject(where, notJson(e));
          continue;
        }
        // not NDJSON: one document over several lines
        byte[] document = lines.rest();
        try (JsonParser json = mapper.createParser(document)) {
          json.nextToken();
          batch.resource(json, null, "the document", () -> mapper.readTree(document));
        } catch (JsonProcessingException whole) {
          batch.reject("the document", notJson(whole));
        }
      } catch (JsonProcessingException e) {
        batch.reject(where, notJson(e));
        first = false;
      }
    }
  }

  private static Violation notJson(JsonProcessingException e) {
    // Jackson's own message quotes the text it choked on: only the column is passed on
    long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return Violation.at(column > 0 ? "column " + column : "resource", "is not valid JSON");
  }

  private JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = mapper.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the caller's writer: flushed, not closed
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
    return g;
  }

  private static ResponseStatus status(ResponseChecker.Valid valid) {
    return valid.score().primaryScore().isScored() ? ResponseStatus.SCORED : ResponseStatus.NOT_SCORABLE;
  }

  /** Where a Bundle's tree comes from when the streaming pass finds one. */
  @FunctionalInterface
  private interface TreeSource {
    JsonNode tree() throws IOException;
  }

  /** The counts and sinks of one {@link #scoreAll} run. */
  private final class Batch {
    final JsonGenerator generator;
    final Consumer<Rejection> rejections;
    long read;
    long scored;
    long notScorable;
    long rejected;
    long observations;

    Batch(Writer output, Consumer<Rejection> rejections) {
      try {
        this.generator = generator(output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      this.rejections = Objects.requireNonNull(rejections, "rejections");
    }

    /**
     * Reads and scores the resource the parser is on. A Bundle (rare in bulk data) is read again
     * as a tree, from {@code tree}, and each entry's resource scored in turn.
     */
    void resource(JsonParser json, String fullUrl, String where, TreeSource tree) throws IOException {
      ResponseChecker.Checked checked = checker.check(json, fullUrl);
      if (checked instanceof ResponseChecker.Bundle) {
        bundle(where, tree.tree());
        return;
      }
      if (checked instanceof ResponseChecker.Rejected r) {
        reject(where, r.violations());
        return;
      }
      ResponseChecker.Valid valid = (ResponseChecker.Valid) checked;
      read++;
      if (status(valid) == ResponseStatus.SCORED) {
        scored++;
      } else {
        notScorable++;
      }
      observations += ObservationWriter.write(generator, valid);
    }

    private void bundle(String where, JsonNode root) throws IOException {
      JsonNode entries = root.get("entry");
      int size = entries == null || !entries.isArray() ? 0 : entries.size();
      for (int i = 0; i < size; i++) {
        JsonNode entry = entries.get(i);
        String at = where + ", entry " + (i + 1);
        JsonNode resource = entry.get("resource");
        if (resource == null || !resource.isObject()) {
          reject(at, Violation.at("entry", "has no resource"));
          continue;
        }
        JsonNode fullUrl = entry.get("fullUrl");
        try (JsonParser tokens = mapper.treeAsTokens(resource)) {
          tokens.nextToken();
          resource(tokens, fullUrl != null && fullUrl.isTextual() ? fullUrl.asText() : null, at, () -> resource);
        }
      }
    }

    void reject(String where, Violation violation) {
      reject(where, List.of(violation));
    }

    void reject(String where, List<Violation> violations) {
      read++;
      rejected++;
      rejections.accept(new Rejection(read, where, violations));
    }
  }
}
