package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.ReportJson;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.batch.BatchSink;
import org.outcome.instruments.batch.BatchSummary;
import org.outcome.io.CsvRecords;
import org.outcome.tenure.TenureCalculator;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResults;

/**
 * The seam an engine implements: an evaluation whose every table is a URI served by its own
 * {@link EvaluationData} (here from memory, as an engine serves a lake's tables) is read, checked
 * and run through that data alone, and gives the report of the same rows as files.
 */
class EvaluationDataTest {
  private static final InstrumentRegistry INSTRUMENTS = InstrumentRegistry.load();
  private static final AnalysisRegistry ANALYSES = AnalysisRegistry.load();

  /** Tables at {@code mem://NAME}, held as text; records which were opened, scored or used for tenure. */
  private static final class InMemory implements EvaluationData {
    final Path folder;
    final List<String> used = new ArrayList<>();

    InMemory(Path folder) {
      this.folder = folder;
    }

    private String text(TableLocation table) {
      assertThat(table.isUri()).as("only URIs reach this data: %s", table).isTrue();
      Path file = folder.resolve(table.value().substring("mem://".length()));
      if (!Files.exists(file)) {
        throw InvalidInputException.of("cannot read input", Violation.at(table.value(), "no such table"));
      }
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public CsvRecords open(TableLocation table) {
      used.add("open " + table.name());
      return CsvRecords.of(new StringReader(text(table)), "file " + table.name());
    }

    @Override
    public BatchSummary score(TableLocation answers, Instrument instrument, BatchSink sink) {
      used.add("score " + answers.name());
      try (CsvRecords rows = CsvRecords.of(new StringReader(text(answers)), "file " + answers.name())) {
        return BatchScorer.of(instrument).score(rows, sink);
      }
    }

    @Override
    public TenureResults tenure(TableLocation people, TableLocation episodes, TenureOptions options) {
      used.add("tenure " + people.name() + " " + episodes.name());
      return TenureCalculator.of(options).read(new StringReader(text(people)), new StringReader(text(episodes)));
    }
  }

  @Test
  void anEvaluationOfUrisServedByItsDataIsTheEvaluationOfTheFiles(@TempDir Path dir) throws IOException {
    Demo.Result demo = Demo.run(DemoSpec.standard().withPerGroup(40).withSeed(5), dir, INSTRUMENTS, ANALYSES,
        ProgressListener.silent());
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = (ObjectNode) json.readTree(demo.config().toFile());
    ObjectNode data = (ObjectNode) config.get("data");
    for (String table : List.of("people", "episodes", "sessions")) {
      data.put(table, "mem://" + data.get(table).asText());
    }
    data.withArray("answers").forEach(a -> ((ObjectNode) a).put("file", "mem://" + a.get("file").asText()));
    Path uris = dir.resolve("uris.json");
    json.writeValue(uris.toFile(), config);
    InMemory memory = new InMemory(dir);

    EvaluationConfig read = EvaluationConfigReader.read(uris, INSTRUMENTS, ANALYSES, memory);
    String report = ReportJson.toJson(Evaluation.of(read, INSTRUMENTS, ANALYSES).withData(memory)
        .run(ProgressListener.silent()));

    assertThat(report).isEqualTo(ReportJson.toJson(demo.report()));
    assertThat(memory.used).contains("open people.csv", "open sessions.csv", "open episodes.csv",
        "score swemwbs.csv", "tenure people.csv episodes.csv");
    // and without that data, the same configuration is refused table by table, before any work
    assertThatThrownBy(() -> EvaluationConfigReader.read(uris, INSTRUMENTS, ANALYSES))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location)
            .contains("data.people", "data.episodes", "data.sessions", "data.answers[0].file"));
    // and a table the data cannot find is named at its place in the configuration
    data.put("sessions", "mem://data/absent.csv");
    json.writeValue(uris.toFile(), config);
    assertThatThrownBy(() -> EvaluationConfigReader.read(uris, INSTRUMENTS, ANALYSES, memory))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("data.sessions: mem://data/absent.csv: no such table"));
  }
}
