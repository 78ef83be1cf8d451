package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.AnalysisId;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.evaluation.demo.DemoData;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.AnalysisEntry;
import org.outcome.evaluation.report.EvaluationReport;

/**
 * Issue 12, "safe to publish": no result is dropped without an error. A label of the config that
 * matches no row of the data is refused before any work, with the labels found when they are few
 * and not identifiers; a primary outcome without a test fails the run; an analysis that throws is
 * marked not run; a person on two rows is rejected on both by questionnaires and tenure alike;
 * duplicate outcomes and answers files are refused.
 */
class SafeToPublishTest {
  @TempDir Path dir;
  private final InstrumentRegistry instruments = InstrumentRegistry.load();
  private final AnalysisRegistry analyses = AnalysisRegistry.load();

  /** The demo's evaluation, as {@code outcome demo} writes it, with placeholders to vary. */
  private static final String CONFIG = """
      {"title": "T",
       "data": {"people": "people.csv", "sessions": "sessions.csv", "episodes": "episodes.csv",
                "answers": [{"instrument": "empowerment-scale", "file": "empowerment-scale.csv"},
                            {"instrument": "mhcs", "file": "mhcs.csv"},
                            {"instrument": "swemwbs", "file": "swemwbs.csv"}]},
       "groups": {"intervention": "INTERVENTION", "comparison": "usual-care", "comparisonKind": "consecutive-cohorts"},
       "timepoints": {"baseline": "baseline", "followUp": "FOLLOW_UP"},
       "asTreated": {"moreThan": 10},
       "outcomes": [{"instrument": "empowerment-scale", "primary": true, "beforeAndAfter": ["paired-t"],
                     "comparison": ["ancova", "welch-t"]},
                    {"instrument": "mhcs", "primary": true, "comparison": ["ancova"]},
                    {"instrument": "swemwbs", "primary": true, "comparison": ["ancova"]}],
       "tenure": {"analyses": ["kaplan-meier", "log-rank"]}}
      """;

  @BeforeEach
  void data() {
    DemoData.write(DemoSpec.standard().withPerGroup(30).withSeed(11), instruments, dir);
  }

  private Path config(String intervention, String followUp) throws Exception {
    return config(CONFIG.replace("INTERVENTION", intervention).replace("FOLLOW_UP", followUp));
  }

  private Path config(String json) throws Exception {
    Path file = dir.resolve("evaluation.json");
    Files.writeString(file, json);
    return file;
  }

  /** Rewrites one column of a data file, row by row (cells are plain: the demo quotes nothing). */
  private void rewrite(String file, String column, UnaryOperator<String> cell) throws Exception {
    Path path = dir.resolve(file);
    List<String> lines = Files.readAllLines(path);
    int k = List.of(lines.get(0).split(",", -1)).indexOf(column);
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      cells[k] = cell.apply(cells[k]);
      out.add(String.join(",", cells));
    }
    Files.write(path, out);
  }

  private List<Violation> refused(Path config) {
    try {
      EvaluationConfigReader.read(config, instruments, analyses);
    } catch (InvalidInputException e) {
      return e.violations();
    }
    throw new AssertionError("the config was accepted");
  }

  private List<String> subjects() throws Exception {
    return Files.readAllLines(dir.resolve("people.csv")).stream().skip(1).map(l -> l.split(",")[0]).toList();
  }

  // ------------------------------------------------------------------ labels against the data

  @Test
  void anInterventionLabelOnNoRowIsRefusedWithTheLabelsFound() throws Exception {
    // the data say "peer", the config "peer-support": today "0 in peer-support" and every peer row rejected
    rewrite("people.csv", "group", g -> g.equals("peer-support") ? "peer" : g);

    assertThat(refused(config("peer-support", "follow-up"))).containsExactly(Violation.at("groups.intervention",
        "'peer-support' is on no row of people.csv (data.people), column group; the labels found there are"
            + " 'usual-care', 'peer'"));
  }

  @Test
  void aFollowUpLabelOnNoRowOfOneAnswersFileIsRefusedNamingTheFile() throws Exception {
    // the config says 6-months, so do two files; the SWEMWBS file says "6 months": today SWEMWBS
    // silently leaves the summary and the Holm family
    for (String file : List.of("empowerment-scale.csv", "mhcs.csv")) {
      rewrite(file, "timepoint", t -> t.equals("follow-up") ? "6-months" : t);
    }
    rewrite("swemwbs.csv", "timepoint", t -> t.equals("follow-up") ? "6 months" : t);

    assertThat(refused(config("peer-support", "6-months"))).containsExactly(Violation.at("timepoints.followUp",
        "'6-months' is on no row of swemwbs.csv (data.answers[2].file), column timepoint; the labels found there"
            + " are 'baseline', '6 months'"));
  }

  @Test
  void theRunItselfChecksTheLabelsOfAConfigBuiltOrReadEarlier() throws Exception {
    EvaluationConfig config = EvaluationConfigReader.read(config("peer-support", "follow-up"), instruments, analyses);
    rewrite("people.csv", "group", g -> g.equals("peer-support") ? "peer" : g);

    assertThatThrownBy(() -> Evaluation.of(config, instruments, analyses).run(ProgressListener.silent()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::location).containsExactly("groups.intervention"));
  }

  @Test
  void everyProblemIsReportedAtOnceWithTheStructuralOnes() throws Exception {
    rewrite("people.csv", "group", g -> g.equals("peer-support") ? "peer" : g);
    Path file = config(CONFIG.replace("INTERVENTION", "peer-support").replace("FOLLOW_UP", "six")
        .replace("\"title\": \"T\",", "\"title\": \"T\", \"colour\": 1,"));

    assertThat(refused(file)).extracting(Violation::location).containsExactlyInAnyOrder("colour",
        "groups.intervention", "timepoints.followUp", "timepoints.followUp", "timepoints.followUp");
  }

  @Test
  void labelsThatLookLikeIdentifiersOrAreManyAreNeverListed() throws Exception {
    List<String> subjects = subjects();
    int[] n = {0};
    rewrite("people.csv", "group", g -> subjects.get(n[0]++)); // a column of identifiers
    assertThat(refused(config("peer-support", "follow-up"))).filteredOn(v -> v.location().startsWith("groups"))
        .extracting(Violation::message)
        .allSatisfy(m -> assertThat(m).endsWith("its values are not listed: they look like identifiers"))
        .allSatisfy(m -> assertThat(subjects).noneMatch(m::contains));

    int[] k = {0};
    rewrite("people.csv", "group", g -> "site-" + (k[0]++ % 12)); // twelve labels, each on five rows
    assertThat(refused(config("peer-support", "follow-up"))).filteredOn(v -> v.location().startsWith("groups"))
        .extracting(Violation::message)
        .allSatisfy(m -> assertThat(m).endsWith("it has more than 10 different values, not listed"))
        .allSatisfy(m -> assertThat(m).doesNotContain("site-"));
  }

  @Test
  void anAsTreatedSetWithNoSessionsOfTheInterventionGroupIsRefused() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("people.csv"));
    int group = List.of(lines.get(0).split(",")).indexOf("group");
    List<String> peer = lines.stream().filter(l -> l.split(",", -1)[group].equals("peer-support"))
        .map(l -> l.split(",")[0]).toList();
    Path sessions = dir.resolve("sessions.csv");
    Files.write(sessions, Files.readAllLines(sessions).stream().filter(l -> !peer.contains(l.split(",")[0])).toList());

    assertThat(refused(config("peer-support", "follow-up"))).containsExactly(Violation.at("asTreated",
        "no row of sessions.csv (data.sessions) gives a whole number of sessions (column sessions) for a person of"
            + " the intervention group 'peer-support', so the as-treated set would be empty"));
  }

  @Test
  void anAnswersFileOfOtherPeopleOrWithAnItemNeverAnsweredIsRefused() throws Exception {
    rewrite("mhcs.csv", "subject", s -> "other-" + s);
    rewrite("swemwbs.csv", "q3", q -> "");

    assertThat(refused(config("peer-support", "follow-up"))).containsExactlyInAnyOrder(
        Violation.at("data.answers[1].file", "no row of mhcs.csv is of a person in the people file (column subject):"
            + " is it the right file?"),
        Violation.at("data.answers[2].file", "no row of swemwbs.csv answers item column q3 of swemwbs: is it the"
            + " right file, or the right instrument?"));
  }

  // ------------------------------------------------------------------ duplicates in the config

  @Test
  void duplicateOutcomesAndAnswersFilesAreRefusedWithTheirPaths() throws Exception {
    Path file = config(CONFIG.replace("INTERVENTION", "peer-support").replace("FOLLOW_UP", "follow-up")
        .replace("{\"instrument\": \"swemwbs\", \"file\": \"swemwbs.csv\"}",
            "{\"instrument\": \"swemwbs\", \"file\": \"swemwbs.csv\"},"
                + " {\"instrument\": \"mhcs\", \"file\": \"mhcs.csv\"}")
        .replace("{\"instrument\": \"swemwbs\", \"primary\": true, \"comparison\": [\"ancova\"]}",
            "{\"instrument\": \"swemwbs\", \"primary\": true, \"comparison\": [\"ancova\"]},"
                + " {\"instrument\": \"mhcs\", \"score\": \"total\", \"comparison\": [\"welch-t\"]}"));

    assertThat(refused(file)).containsExactlyInAnyOrder(
        Violation.at("data.answers[3].instrument", "instrument 'mhcs' already has an answers file at data.answers[1]:"
            + " give one file per instrument"),
        Violation.at("data.answers[3].file", "the same file as data.answers[1].file: give each answers file once"),
        Violation.at("outcomes[3]", "the same outcome as outcomes[1] (instrument 'mhcs', score 'total'): give each"
            + " outcome once"));
  }

  @Test
  void anEvaluationCannotRelaxAnInstrumentsMissingItemRule() throws Exception {
    // the config has no missing-item setting: the instrument definition's rule is the only one, and
    // a try to set one is an unknown key, refused like any other
    Path file = config(CONFIG.replace("INTERVENTION", "peer-support").replace("FOLLOW_UP", "follow-up")
        .replace("{\"instrument\": \"mhcs\", \"primary\": true,",
            "{\"instrument\": \"mhcs\", \"missingItems\": {\"minAnswered\": 1}, \"primary\": true,"));

    assertThat(refused(file)).singleElement().satisfies(v -> {
      assertThat(v.location()).isEqualTo("outcomes[1].missingItems");
      assertThat(v.message()).startsWith("unknown key");
    });
  }

  // ------------------------------------------------------------------ the run

  @Test
  void aPersonOnTwoRowsWithTwoGroupsIsRejectedOnBothRowsByQuestionnairesAndTenure() throws Exception {
    Path people = dir.resolve("people.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(people));
    int group = List.of(lines.get(0).split(",")).indexOf("group");
    String[] first = lines.get(1).split(",", -1);
    first[group] = first[group].equals("peer-support") ? "usual-care" : "peer-support";
    lines.add(String.join(",", first));
    Files.write(people, lines);
    long last = lines.size() - 1; // data rows are numbered from 1

    EvaluationReport report = Evaluation.of(EvaluationConfigReader.read(config("peer-support", "follow-up"),
        instruments, analyses), instruments, analyses).run(ProgressListener.silent());

    for (String file : List.of("people.csv", "people.csv (community tenure)")) {
      assertThat(report.rejectedRows()).filteredOn(r -> r.file().equals(file))
          .as(file).extracting(EvaluationReport.RejectedInput::row).containsExactly(1L, last);
      assertThat(report.rejectedRows()).filteredOn(r -> r.file().equals(file))
          .allSatisfy(r -> assertThat(r.reasons()).anySatisfy(m -> assertThat(m)
              .contains("the subject appears in 2 rows of the people file (rows 1, " + last + ")")));
    }
    assertThat(String.join("\n", report.rejectedRows().stream().flatMap(r -> r.reasons().stream()).toList()))
        .doesNotContain(first[0] + ",");
  }

  @Test
  void anAnalysisThatThrowsIsMarkedNotRunAndTheRestOfTheEvaluationGoesOn() throws Exception {
    AnalysisRegistry withBroken = AnalysisRegistry.of(List.<AnalysisProvider>of(() -> analyses.all(),
        () -> List.of(new Broken<>("broken-two-group", GroupedSample.class), new Broken<>("broken-survival",
            SurvivalSample.class))));
    Path file = config(CONFIG.replace("INTERVENTION", "peer-support").replace("FOLLOW_UP", "follow-up")
        .replace("[\"ancova\", \"welch-t\"]", "[\"ancova\", \"broken-two-group\", \"welch-t\"]")
        .replace("[\"kaplan-meier\", \"log-rank\"]", "[\"broken-survival\", \"kaplan-meier\", \"log-rank\"]"));

    EvaluationReport report = Evaluation.of(EvaluationConfigReader.read(file, instruments, withBroken), instruments,
        withBroken).run(ProgressListener.silent());

    List<AnalysisEntry> entries = new ArrayList<>(report.outcomes().get(0).comparison());
    entries.addAll(report.tenure().orElseThrow().analyses());
    assertThat(entries).filteredOn(e -> e.analysis().value().startsWith("broken")).hasSize(3).allSatisfy(e -> {
      assertThat(e.ran()).isFalse();
      assertThat(e.reason().orElseThrow().code()).isEqualTo("plugin-failure");
      assertThat(e.reason().orElseThrow().message()).contains("IllegalStateException")
          .doesNotContain(Broken.SECRET);
    });
    assertThat(entries).filteredOn(e -> !e.analysis().value().startsWith("broken")).allMatch(AnalysisEntry::ran);
    assertThat(report.multiplicity().orElseThrow().rows()).hasSize(4);
    assertThat(report.warnings()).anySatisfy(w -> assertThat(w.message()).contains("broken-survival"));
  }

  @Test
  void aPrimaryOutcomeWithoutATestOnIntentionToTreatFailsTheRun() throws Exception {
    AnalysisRegistry withBroken = AnalysisRegistry.of(List.<AnalysisProvider>of(() -> analyses.all(),
        () -> List.of(new Broken<>("broken-two-group", GroupedSample.class))));
    Path file = config(CONFIG.replace("INTERVENTION", "peer-support").replace("FOLLOW_UP", "follow-up")
        .replace("{\"instrument\": \"swemwbs\", \"primary\": true, \"comparison\": [\"ancova\"]}",
            "{\"instrument\": \"swemwbs\", \"primary\": true, \"comparison\": [\"broken-two-group\"]}"));
    EvaluationConfig config = EvaluationConfigReader.read(file, instruments, withBroken);

    assertThatThrownBy(() -> Evaluation.of(config, instruments, withBroken).run(ProgressListener.silent()))
        .isInstanceOfSatisfying(DegenerateDataException.class, e -> {
          assertThat(e.problem()).contains("a primary outcome has no comparison test on the intention-to-treat set")
              .contains("outcomes[2] (Short Warwick-Edinburgh").contains("was not run (plugin-failure:");
          assertThat(e.remedy()).contains("\"primary\": false");
        });

    // marked secondary, the same evaluation is published, without it in the family
    Path secondary = config(Files.readString(file).replace(
        "{\"instrument\": \"swemwbs\", \"primary\": true,", "{\"instrument\": \"swemwbs\", \"primary\": false,"));
    EvaluationReport report = Evaluation.of(EvaluationConfigReader.read(secondary, instruments, withBroken),
        instruments, withBroken).run(ProgressListener.silent());
    assertThat(report.multiplicity().orElseThrow().rows()).hasSize(3);
  }

  @Test
  void aPrimaryOutcomeWhoseTestHasNoEstimateIsStillInTheSummary() throws Exception {
    AnalysisRegistry withTestOnly = AnalysisRegistry.of(List.<AnalysisProvider>of(() -> analyses.all(),
        () -> List.of(new TestOnly())));
    Path file = config(CONFIG.replace("INTERVENTION", "peer-support").replace("FOLLOW_UP", "follow-up")
        .replace("{\"instrument\": \"swemwbs\", \"primary\": true, \"comparison\": [\"ancova\"]}",
            "{\"instrument\": \"swemwbs\", \"primary\": true, \"comparison\": [\"test-only\"]}"));

    EvaluationReport report = Evaluation.of(EvaluationConfigReader.read(file, instruments, withTestOnly), instruments,
        withTestOnly).run(ProgressListener.silent());

    assertThat(report.multiplicity().orElseThrow().rows()).anySatisfy(r -> assertThat(r.analysis()).isEqualTo("Test only"));
    // the summary is the publication view: the exact p (0.134) is published rounded up to 2 significant digits
    assertThat(report.summary()).anySatisfy(line -> assertThat(line).startsWith("Short Warwick-Edinburgh")
        .contains("Test only: z 1.50, p = 0.140."));
  }

  /** A plugin analysis with a test and no estimate. */
  private record TestOnly() implements Analysis<GroupedSample> {
    @Override
    public AnalysisId id() {
      return AnalysisId.of("test-only");
    }

    @Override
    public String name() {
      return "Test only";
    }

    @Override
    public Design design() {
      return Design.COMPARISON_GROUP;
    }

    @Override
    public Class<GroupedSample> sampleType() {
      return GroupedSample.class;
    }

    @Override
    public AnalysisResult run(GroupedSample sample, AnalysisSettings settings) {
      return new AnalysisResult() {
        @Override
        public String method() {
          return "a test without an estimate";
        }

        @Override
        public long nUsed() {
          return 40;
        }

        @Override
        public java.util.Optional<org.outcome.api.result.Estimate> estimate() {
          return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<org.outcome.api.result.HypothesisTest> test() {
          return java.util.Optional.of(org.outcome.api.result.HypothesisTest.of("z", 1.5, 0.1336));
        }

        @Override
        public List<org.outcome.api.result.Warning> warnings() {
          return List.of();
        }
      };
    }
  }

  /** An analysis whose provider has a bug: it throws a RuntimeException whose message quotes data. */
  private record Broken<S extends org.outcome.api.sample.Sample>(String idText, Class<S> type) implements Analysis<S> {
    static final String SECRET = "cell value 42.5";

    @Override
    public AnalysisId id() {
      return AnalysisId.of(idText);
    }

    @Override
    public String name() {
      return "Broken " + idText;
    }

    @Override
    public Design design() {
      return type == SurvivalSample.class ? Design.SURVIVAL : Design.COMPARISON_GROUP;
    }

    @Override
    public Class<S> sampleType() {
      return type;
    }

    @Override
    public AnalysisResult run(S sample, AnalysisSettings settings) {
      throw new IllegalStateException("bug: " + SECRET);
    }
  }
}
