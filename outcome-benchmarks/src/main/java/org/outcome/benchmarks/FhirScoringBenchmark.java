package org.outcome.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.outcome.fhir.FhirBatchSummary;
import org.outcome.fhir.FhirOptions;
import org.outcome.fhir.FhirScorer;
import org.outcome.instruments.BuiltInInstruments;

/**
 * Bulk FHIR scoring, one thread: {@value #RESPONSES} GSE QuestionnaireResponses as NDJSON (10
 * coded answers each, every 50th with an item missing) into Observations as NDJSON, in memory.
 * Scores are reported per response (operations per invocation = responses). Issue 18 asks for at
 * least 100,000 responses per second on one core.
 *
 * <ul>
 *   <li>{@code outcome}: {@link FhirScorer#scoreAll}, the path of {@code outcome fhir score}:
 *       every response checked, scored by the instrument's engine, one Observation per score
 *       (GSE has one).</li>
 *   <li>{@code hapiFhirPath}: the same job as a HAPI FHIR user would write it: each line parsed
 *       by HAPI's JSON parser, the total computed by the SDC-style FHIRPath expression
 *       {@value #EXPRESSION} (no validation of the answers, no missing-item rule), an Observation
 *       built and encoded by HAPI's parser.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class FhirScoringBenchmark {
  static final int RESPONSES = 10_000;
  static final String EXPRESSION = "item.answer.value.code.toInteger().aggregate($this + $total, 0)";

  private String ndjson;
  private byte[] ndjsonBytes;
  private FhirScorer scorer;
  private IParser parser;
  private IFhirPath fhirPath;

  @Setup
  public void setUp() {
    FhirOptions options = FhirOptions.defaults();
    scorer = FhirScorer.of(new BuiltInInstruments().instruments(), options);
    ndjson = responses(options, new SplittableRandom(18));
    ndjsonBytes = ndjson.getBytes(StandardCharsets.UTF_8);
    FhirContext context = FhirContext.forR4Cached();
    parser = context.newJsonParser();
    fhirPath = context.newFhirPath();
  }

  static String responses(FhirOptions options, SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    String system = options.answerSystem(org.outcome.api.InstrumentId.of("gse"), 0);
    for (int r = 0; r < RESPONSES; r++) {
      text.append("{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"qr").append(r)
          .append("\",\"questionnaire\":\"").append(options.questionnaireUrl(org.outcome.api.InstrumentId.of("gse")))
          .append("|1995\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p").append(r)
          .append("\"},\"authored\":\"2026-11-30T10:15:00Z\",\"item\":[");
      for (int i = 1; i <= 10; i++) {
        if (r % 50 == 0 && i == 4) {
          continue;
        }
        text.append(i == 1 ? "" : ",").append("{\"linkId\":\"").append(i)
            .append("\",\"answer\":[{\"valueCoding\":{\"system\":\"").append(system).append("\",\"code\":\"")
            .append(1 + random.nextInt(4)).append("\"}}]}");
      }
      text.append("]}\n");
    }
    return text.toString();
  }

  @Benchmark
  @OperationsPerInvocation(RESPONSES)
  public FhirBatchSummary outcome() {
    return scorer.scoreAll(new ByteArrayInputStream(ndjsonBytes), Writer.nullWriter(), rejection -> { });
  }

  @Benchmark
  @OperationsPerInvocation(RESPONSES)
  public long hapiFhirPath() {
    long written = 0;
    Writer out = Writer.nullWriter();
    try (BufferedReader lines = new BufferedReader(new StringReader(ndjson))) {
      String line;
      while ((line = lines.readLine()) != null) {
        QuestionnaireResponse response = parser.parseResource(QuestionnaireResponse.class, line);
        List<IntegerType> total = fhirPath.evaluate(response, EXPRESSION, IntegerType.class);
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        o.setCode(new CodeableConcept(new Coding("urn:outcome:CodeSystem:gse-scores", "total", "GSE total")));
        o.setSubject(new Reference(response.getSubject().getReference()));
        o.setEffective(new DateTimeType(response.getAuthoredElement().getValueAsString()));
        o.setValue(new Quantity().setValue(new BigDecimal(total.get(0).getValue()))
            .setUnit("{score}").setSystem("http://unitsofmeasure.org").setCode("{score}"));
        o.addDerivedFrom(new Reference("QuestionnaireResponse/" + response.getIdElement().getIdPart()));
        out.write(parser.encodeResourceToString(o));
        out.write('\n');
        written++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }
}
