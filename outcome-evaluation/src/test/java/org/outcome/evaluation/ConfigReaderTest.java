package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.DemoData;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.stats.multiplicity.AdjustmentMethod;

/** An invalid configuration fails before any work, with every problem listed by its JSON path. */
class ConfigReaderTest {
  @TempDir Path dir;
  private final InstrumentRegistry instruments = InstrumentRegistry.load();
  private final AnalysisRegistry analyses = AnalysisRegistry.load();

  @BeforeEach
  void data() {
    DemoData.write(DemoSpec.standard().withPerGroup(10), instruments, dir);
  }

  private Path config(String json) throws Exception {
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void readsAValidConfigurationWithDefaults() throws Exception {
    EvaluationConfig c = EvaluationConfigReader.read(config("""
        {"title": "T",
         "data": {"people": "people.csv", "sessions": "sessions.csv",
                  "answers": [{"instrument": "mhcs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "asTreated": {"moreThan": 10},
         "outcomes": [{"instrument": "mhcs", "primary": true, "beforeAndAfter": ["paired-t"], "comparison": ["ancova"]}]}
        """), instruments, analyses);

    assertThat(c.title()).isEqualTo("T");
    assertThat(c.confLevel()).isEqualTo(0.95);
    assertThat(c.timepoints().followUp()).isEqualTo("follow-up");
    assertThat(c.multiplicity()).isEqualTo(AdjustmentMethod.HOLM);
    assertThat(c.suppression().enabled()).isTrue();
    assertThat(c.outcomes()).singleElement().satisfies(o -> assertThat(o.primary()).isTrue());
    assertThat(c.data().people()).isEqualTo(dir.resolve("people.csv").toAbsolutePath().normalize());
  }

  @Test
  void everyProblemIsListedWithItsPath() throws Exception {
    Path file = config("""
        {"title": "T", "colour": "blue",
         "data": {"people": "nobody.csv", "episodes": "sessions.csv",
                  "answers": [{"instrument": "no-such-scale", "file": "mhcs.csv"},
                              {"instrument": "swemwbs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "peer-support"},
         "outcomes": [{"instrument": "mhcs", "score": "nope", "beforeAndAfter": ["paired-t", "frobnicate", "ancova"]}],
         "tenure": {"extractionDate": "2026-02-30", "analyses": ["kaplan-meier", "paired-t"]},
         "multiplicity": "sidak"}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location)
            .contains("colour", "data.people", "data.episodes", "data.answers[0].instrument", "data.answers[1].file",
                "groups.comparison", "outcomes[0].score", "outcomes[0].instrument",
                "outcomes[0].beforeAndAfter[1]", "outcomes[0].beforeAndAfter[2]", "tenure.extractionDate",
                "tenure.analyses[1]", "multiplicity"))
        .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::message)
            .anySatisfy(m -> assertThat(m).startsWith("unknown key"))
            .anySatisfy(m -> assertThat(m).contains("file 'nobody.csv' does not exist"))
            .anySatisfy(m -> assertThat(m).contains("has no column 'admission_date'"))
            .anySatisfy(m -> assertThat(m).contains("unknown instrument 'no-such-scale'"))
            .anySatisfy(m -> assertThat(m).contains("unknown analysis 'frobnicate'"))
            .anySatisfy(m -> assertThat(m).contains(
                "analysis 'ancova' takes a GroupedPrePostSample, which this section does not provide"))
            .anySatisfy(m -> assertThat(m).contains("'2026-02-30' is not a date")));
  }

  @Test
  void anAsTreatedRuleNeedsASessionsFile() throws Exception {
    Path file = config("""
        {"data": {"people": "people.csv", "answers": [{"instrument": "mhcs", "file": "mhcs.csv"}]},
         "groups": {"intervention": "peer-support", "comparison": "usual-care"},
         "asTreated": {"moreThan": 10},
         "outcomes": [{"instrument": "mhcs", "comparison": ["ancova"]}]}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data.sessions: is required");
  }

  @Test
  void malformedJsonNamesTheFile() throws Exception {
    Path file = config("{\"title\": ");

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("evaluation.json: not valid JSON");
  }

  @Test
  void anEvaluationNeedsAnOutcome() throws Exception {
    Path file = config("""
        {"data": {"people": "people.csv"}, "groups": {"intervention": "peer-support", "comparison": "usual-care"}}
        """);

    assertThatThrownBy(() -> EvaluationConfigReader.read(file, instruments, analyses))
        .hasMessageContaining("the evaluation has no outcome");
  }
}
