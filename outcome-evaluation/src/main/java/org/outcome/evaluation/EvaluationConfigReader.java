package org.outcome.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.outcome.api.AnalysisId;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.Sample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.evaluation.EvaluationConfig.Adjustment;
import org.outcome.evaluation.EvaluationConfig.Answers;
import org.outcome.evaluation.EvaluationConfig.AsTreated;
import org.outcome.evaluation.EvaluationConfig.ComparisonKind;
import org.outcome.evaluation.EvaluationConfig.Comparator;
import org.outcome.evaluation.EvaluationConfig.Costs;
import org.outcome.evaluation.EvaluationConfig.DataFiles;
import org.outcome.evaluation.EvaluationConfig.DisclosureThresholds;
import org.outcome.evaluation.EvaluationConfig.Groups;
import org.outcome.evaluation.EvaluationConfig.Outcome;
import org.outcome.evaluation.EvaluationConfig.Sites;
import org.outcome.evaluation.EvaluationConfig.Tenure;
import org.outcome.evaluation.EvaluationConfig.Timepoints;
import org.outcome.evaluation.internal.config.ConfigDocument;
import org.outcome.evaluation.internal.config.DataLabels;
import org.outcome.evaluation.report.Suppression;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.instruments.internal.json.JsonDocumentReader;
import org.outcome.instruments.internal.json.JsonPaths;
import org.outcome.io.CsvRecords;
import org.outcome.stats.meta.MetaAnalysis;
import org.outcome.stats.multiplicity.AdjustmentMethod;

/**
 * Reads an evaluation configuration from JSON and checks everything that can be checked before
 * any work starts: the structure (no unknown keys, required values present and of the right
 * kind: a whole number where one is meant, {@code true} or {@code false} for a switch, nothing
 * negative that cannot be), that every data file exists and has the columns it needs, that every
 * instrument, subscale and analysis is installed (built in or from a plugin), and that each
 * analysis takes the kind of data its section provides, that no outcome or answers file is given
 * twice, and that every label matches the data (a group on no row of the people file, a time point
 * on no row of an answers file, an answers file of nobody in the people file or with an item never
 * answered, an as-treated set with no sessions in the intervention group). Every problem is
 * reported, each with its JSON path, in one {@link InvalidInputException}.
 *
 * <p>The file is read the way instrument definitions are: Jackson without default typing, with
 * bounded nesting and size, into records whose field rules are Jakarta Bean Validation
 * annotations; the checks that need more than one field, the files or the installed plugins
 * follow here. File paths are relative to the configuration file's folder.
 */
public final class EvaluationConfigReader {
  /** The deepest nesting of objects and lists accepted. */
  private static final int MAX_NESTING_DEPTH = 32;
  /** The largest configuration file accepted, in characters. */
  private static final long MAX_DOCUMENT_LENGTH = 1_000_000;
  private static final JsonDocumentReader<ConfigDocument.Config> READER =
      JsonDocumentReader.of(ConfigDocument.Config.class, MAX_NESTING_DEPTH, MAX_DOCUMENT_LENGTH);

  private final InstrumentRegistry instruments;
  private final AnalysisRegistry analyses;
  private final Path base;
  private final EvaluationData data;
  private final List<Violation> violations = new ArrayList<>();

  private EvaluationConfigReader(InstrumentRegistry instruments, AnalysisRegistry analyses, Path base,
      EvaluationData data) {
    this.data = data;
    this.instruments = instruments;
    this.analyses = analyses;
    this.base = base;
  }

  /**
   * Reads and checks a configuration file.
   *
   * @throws InvalidInputException listing every problem, each with its JSON path
   */
  public static EvaluationConfig read(Path file, InstrumentRegistry instruments, AnalysisRegistry analyses) {
    return read(file, instruments, analyses, EvaluationData.files());
  }

  /**
   * Reads and checks a configuration file whose tables {@code data} reads (an engine's, for URIs
   * and Parquet tables).
   *
   * @throws InvalidInputException listing every problem, each with its JSON path
   */
  public static EvaluationConfig read(Path file, InstrumentRegistry instruments, AnalysisRegistry analyses,
      EvaluationData data) {
    String summary = "invalid evaluation config " + file.getFileName();
    JsonDocumentReader.Result<ConfigDocument.Config> read;
    try (InputStream in = Files.newInputStream(file)) {
      read = READER.read(in);
    } catch (IOException | UncheckedIOException e) {
      throw InvalidInputException.of("cannot read evaluation config", Violation.at(file.toString(), "cannot be read"));
    }
    if (read.value().isEmpty()) {
      throw new InvalidInputException(summary, read.violations());
    }
    Path base = file.toAbsolutePath().getParent();
    EvaluationConfigReader reader = new EvaluationConfigReader(instruments, analyses, base, data);
    reader.violations.addAll(read.violations());
    EvaluationConfig config = reader.config(read.value().get());
    if (!reader.reported("data")) {
      // the labels against the data, in the same list: every problem is reported at once
      reader.violations.addAll(DataLabels.check(config, instruments, data, !reader.reported("groups"),
          !reader.reported("timepoints")));
    }
    if (!reader.violations.isEmpty()) {
      throw new InvalidInputException(summary, reader.violations);
    }
    return config;
  }

  private EvaluationConfig config(ConfigDocument.Config root) {
    String title = text(root.title()).orElse("Service evaluation");
    double confLevel = root.confLevel() != null && root.confLevel() > 0 && root.confLevel() < 1
        ? root.confLevel() : 0.95;
    Groups groups = groups(root.groups());
    Timepoints timepoints = timepoints(root.timepoints());
    Optional<AsTreated> asTreated = Optional.ofNullable(root.asTreated())
        .map(a -> new AsTreated(a.moreThan() == null || a.moreThan() < 0 ? 10 : a.moreThan()));
    DataFiles data = data(root.data(), asTreated.isPresent());
    List<Outcome> outcomes = new ArrayList<>();
    List<ConfigDocument.Outcome> outcomeList = orEmpty(root.outcomes());
    Map<String, String> firstOutcome = new HashMap<>();
    for (int i = 0; i < outcomeList.size(); i++) {
      if (outcomeList.get(i) != null) {
        String at = JsonPaths.index("outcomes", i);
        Optional<Outcome> outcome = outcome(outcomeList.get(i), at, data);
        outcome.ifPresent(o -> {
          // the same instrument and score twice would be analysed twice and counted twice in the family
          String score = o.score().map(SubscaleId::value).orElseGet(() -> instruments.find(o.instrument())
              .map(x -> x.definition().primarySubscale().id().value()).orElse(""));
          String earlier = firstOutcome.putIfAbsent(o.instrument() + " " + score, at);
          if (earlier != null) {
            violations.add(Violation.at(at, "the same outcome as " + earlier + " (instrument '" + o.instrument()
                + "', score '" + score + "'): give each outcome once"));
          }
        });
        outcome.ifPresent(outcomes::add);
      }
    }
    Optional<Tenure> tenure = Optional.ofNullable(root.tenure()).map(t -> tenure(t, data));
    if (outcomes.isEmpty() && tenure.isEmpty() && !reported("outcomes")) {
      violations.add(Violation.at("outcomes", "the evaluation has no outcome: give questionnaire outcomes, tenure, or both"));
    }
    AdjustmentMethod multiplicity = text(root.multiplicity())
        .flatMap(s -> enumValue(AdjustmentMethod.class, s, "multiplicity")).orElse(AdjustmentMethod.HOLM);
    Suppression suppression = Optional.ofNullable(root.suppression()).map(EvaluationConfigReader::suppression)
        .orElse(Suppression.nhsDefault());
    DisclosureThresholds disclosure = Optional.ofNullable(root.disclosure()).map(d -> disclosure(d, suppression))
        .orElse(DisclosureThresholds.defaults());
    Optional<Adjustment> adjustment = Optional.ofNullable(root.adjustment()).flatMap(this::adjustment);
    Optional<Sites> sites = Optional.ofNullable(root.sites()).flatMap(this::sites);
    return new EvaluationConfig(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure,
        multiplicity, suppression, disclosure, adjustment, sites);
  }

  /** The sites, or empty (with the violations noted) when they cannot be built. */
  private Optional<Sites> sites(ConfigDocument.Sites n) {
    if (n.column() == null || n.names() == null || n.names().size() < 2
        || n.names().stream().anyMatch(c -> c == null || c.isBlank())) {
      return Optional.empty(); // the document's own checks have named the field
    }
    if (new HashSet<>(n.names()).size() < n.names().size()) {
      violations.add(Violation.at("sites.names", "a site is named twice"));
      return Optional.empty();
    }
    MetaAnalysis.Method method = MetaAnalysis.Method.REML;
    if (n.method() != null) {
      try {
        method = MetaAnalysis.Method.ofCode(n.method());
      } catch (IllegalArgumentException e) {
        violations.add(Violation.at("sites.method", "'" + n.method() + "' is not one of FE, DL, REML, PM"));
        return Optional.empty();
      }
    }
    return Optional.of(new Sites(n.column(), n.names(), method, Boolean.TRUE.equals(n.knappHartung())));
  }

  /** The adjustment, or empty (with the violations noted) when it cannot be built. */
  private Optional<Adjustment> adjustment(ConfigDocument.Adjustment n) {
    if (n.method() == null || n.covariates() == null || n.covariates().isEmpty()
        || n.covariates().stream().anyMatch(c -> c == null || c.isBlank())) {
      return Optional.empty(); // the document's own checks have named the field
    }
    Optional<Adjustment.Method> method = enumValue(Adjustment.Method.class, n.method(), "adjustment.method");
    if (new HashSet<>(n.covariates()).size() < n.covariates().size()) {
      violations.add(Violation.at("adjustment.covariates", "a column is named twice"));
      return Optional.empty();
    }
    if (method.isPresent() && method.get() != Adjustment.Method.MATCH && (n.ratio() != null || n.caliper() != null)) {
      violations.add(Violation.at("adjustment", "ratio and caliper are options of the method \"match\""));
      return Optional.empty();
    }
    int ratio = n.ratio() == null || n.ratio() < 1 ? 1 : n.ratio();
    OptionalDouble caliper = n.caliper() == null || !(n.caliper() > 0) ? OptionalDouble.empty()
        : OptionalDouble.of(n.caliper());
    return method.map(m -> new Adjustment(m, n.covariates(), ratio, caliper));
  }

  private Groups groups(ConfigDocument.Groups n) {
    if (n == null) {
      return new Groups("intervention", "comparison", ComparisonKind.CONCURRENT);
    }
    String intervention = text(n.intervention()).orElse("");
    String comparison = text(n.comparison()).orElse("");
    if (intervention.equals(comparison) && !intervention.isEmpty()) {
      violations.add(Violation.at("groups.comparison", "must differ from the intervention group '" + intervention + "'"));
    }
    ComparisonKind kind = text(n.comparisonKind())
        .flatMap(s -> enumValue(ComparisonKind.class, s, "groups.comparisonKind")).orElse(ComparisonKind.CONCURRENT);
    return new Groups(intervention, comparison, kind);
  }

  private static Timepoints timepoints(ConfigDocument.Timepoints n) {
    if (n == null) {
      return new Timepoints("baseline", "follow-up");
    }
    return new Timepoints(text(n.baseline()).orElse("baseline"), text(n.followUp()).orElse("follow-up"));
  }

  private DataFiles data(ConfigDocument.Data n, boolean needsSessions) {
    if (n == null) {
      return new DataFiles(TableLocation.of(base.resolve("people.csv")), Optional.empty(), Optional.empty(), List.of());
    }
    TableLocation people = file(n.people(), "data.people", "subject", "index_date", "group")
        .orElse(TableLocation.of(base.resolve("people.csv")));
    Optional<TableLocation> episodes = file(n.episodes(), "data.episodes", "subject", "admission_date", "discharge_date");
    if (needsSessions && n.sessions() == null && !reported("data.sessions")) {
      violations.add(Violation.at("data.sessions", "is required"));
    }
    Optional<TableLocation> sessions = file(n.sessions(), "data.sessions", "subject", "sessions");
    List<Answers> answers = new ArrayList<>();
    Map<String, String> firstInstrument = new HashMap<>();
    Map<TableLocation, String> firstFile = new HashMap<>();
    List<ConfigDocument.Answers> list = orEmpty(n.answers());
    for (int i = 0; i < list.size(); i++) {
      String at = JsonPaths.index("data.answers", i);
      ConfigDocument.Answers a = list.get(i);
      if (a == null) {
        continue;
      }
      Optional<Instrument> instrument = instrument(a.instrument(), at);
      Optional<TableLocation> file = file(a.file(), JsonPaths.field(at, "file"));
      if (instrument.isPresent() && file.isPresent()) {
        // a second file for an instrument would be ignored, and one file read for two instruments
        // is a slip: both are refused
        String earlier = firstInstrument.putIfAbsent(instrument.get().id().value(), at);
        if (earlier != null) {
          violations.add(Violation.at(JsonPaths.field(at, "instrument"), "instrument '" + instrument.get().id()
              + "' already has an answers file at " + earlier + ": give one file per instrument"));
        }
        String sameFile = firstFile.putIfAbsent(file.get(), at);
        if (sameFile != null) {
          violations.add(Violation.at(JsonPaths.field(at, "file"), "the same file as " + sameFile
              + ".file: give each answers file once"));
        }
        checkAnswersHeader(instrument.get(), file.get(), JsonPaths.field(at, "file"));
        answers.add(new Answers(instrument.get().id(), file.get()));
      }
    }
    return new DataFiles(people, episodes, sessions, answers);
  }

  private Optional<Outcome> outcome(ConfigDocument.Outcome n, String at, DataFiles data) {
    Optional<Instrument> instrument = instrument(n.instrument(), at);
    Optional<SubscaleId> score = text(n.score()).flatMap(s -> {
      try {
        SubscaleId id = SubscaleId.of(s);
        if (instrument.isPresent() && instrument.get().definition().subscale(id).isEmpty()) {
          violations.add(Violation.at(at + ".score", "instrument '" + instrument.get().id() + "' has no score '" + s
              + "'; it has " + instrument.get().definition().subscales().stream().map(x -> x.id().value()).toList()));
        }
        return Optional.of(id);
      } catch (IllegalArgumentException e) {
        violations.add(Violation.at(at + ".score", e.getMessage()));
        return Optional.empty();
      }
    });
    if (instrument.isPresent() && data.answers().stream().noneMatch(a -> a.instrument().equals(instrument.get().id()))) {
      violations.add(Violation.at(at + ".instrument", "no answers file is given for '" + instrument.get().id()
          + "' under data.answers"));
    }
    boolean primary = Boolean.TRUE.equals(n.primary());
    List<AnalysisId> paired = analysisList(n.beforeAndAfter(), at + ".beforeAndAfter", Set.of(PairedSample.class));
    List<AnalysisId> comparison = analysisList(n.comparison(), at + ".comparison",
        Set.of(GroupedPrePostSample.class, GroupedSample.class));
    return instrument.map(i -> new Outcome(i.id(), score, primary, paired, comparison));
  }

  private Tenure tenure(ConfigDocument.Tenure n, DataFiles data) {
    if (data.episodes().isEmpty()) {
      violations.add(Violation.at("tenure", "community tenure needs an episodes file under data.episodes"));
    }
    int window = n.windowDays() == null || n.windowDays() < 1 ? 1095 : n.windowDays();
    int gap = n.gapDays() == null || n.gapDays() < 0 ? 1 : n.gapDays();
    Optional<LocalDate> extraction = text(n.extractionDate()).flatMap(s -> {
      try {
        return Optional.of(LocalDate.parse(s));
      } catch (DateTimeParseException e) {
        violations.add(Violation.at("tenure.extractionDate", "'" + s + "' is not a date (YYYY-MM-DD)"));
        return Optional.empty();
      }
    });
    List<AnalysisId> list = analysisList(n.analyses(), "tenure.analyses",
        Set.of(SurvivalSample.class, PersonTimeCounts.class, TwoByTwoTable.class, CountingProcessSample.class,
            CompetingRisksSample.class));
    double tau = n.rmstTau() == null || !(n.rmstTau() > 0) ? window : n.rmstTau();
    if (tau > window) {
      // the window caps everyone's follow-up, so no curve reaches beyond it
      violations.add(Violation.at("tenure.rmstTau", "must not exceed tenure.windowDays (" + window
          + " days): no one is followed beyond the window"));
    }
    List<Integer> at = n.atDays() == null ? List.of(30, 90, 365, 730, 1095)
        : n.atDays().stream().filter(d -> d != null && d >= 0).toList();
    Integer horizonDays = n.readmissionHorizonDays();
    int horizon = horizonDays == null || horizonDays < 1 ? 365 : horizonDays;
    Optional<Comparator> comparator = Optional.ofNullable(n.comparator()).map(c -> new Comparator(
        positive(c.admissionsPerPersonYear()), positive(c.meanLengthOfStayDays()), text(c.source()).orElse("")));
    Optional<Costs> costs = Optional.ofNullable(n.costs()).map(c -> new Costs(positive(c.bedDayCost()),
        positive(c.peerSupportCost()), text(c.currency()).orElse("GBP"), text(c.source()).orElse("")));
    if (costs.isPresent() && comparator.isEmpty()) {
      violations.add(Violation.at("tenure.costs", "a cost-offset table needs a comparator for bed-days saved"));
    }
    return new Tenure(window, gap, extraction, list, tau, at, horizon, comparator, costs);
  }

  private static Suppression suppression(ConfigDocument.Suppression n) {
    Suppression defaults = Suppression.nhsDefault();
    boolean enabled = n.enabled() == null || n.enabled();
    int max = n.maxSuppressed() == null || n.maxSuppressed() < 0 ? defaults.maxSuppressed() : n.maxSuppressed();
    int round = n.roundTo() == null || n.roundTo() < 1 ? defaults.roundTo() : n.roundTo();
    return new Suppression(enabled, max, round);
  }

  /**
   * The disclosure thresholds, absent ones at their defaults. While counts are suppressed, a
   * threshold on people or events below {@link DisclosureThresholds#SAFE_FLOOR} is refused: it
   * would publish curve steps and box plots small enough to give single people away.
   */
  private DisclosureThresholds disclosure(ConfigDocument.Disclosure n, Suppression suppression) {
    DisclosureThresholds defaults = DisclosureThresholds.defaults();
    int atRisk = threshold(n.minAtRisk(), "disclosure.minAtRisk", defaults.minAtRisk(), suppression);
    int events = threshold(n.minEvents(), "disclosure.minEvents", defaults.minEvents(), suppression);
    int beyond = threshold(n.minBeyondWhisker(), "disclosure.minBeyondWhisker", defaults.minBeyondWhisker(),
        suppression);
    int grid = n.curveGridDays() == null || n.curveGridDays() < 1 ? defaults.curveGridDays() : n.curveGridDays();
    return new DisclosureThresholds(atRisk, events, beyond, grid);
  }

  private int threshold(Integer value, String at, int fallback, Suppression suppression) {
    if (value == null || value < 1) {
      return fallback; // absent, or refused by the field rules
    }
    if (suppression.enabled() && value < DisclosureThresholds.SAFE_FLOOR) {
      violations.add(Violation.at(at, "must be at least " + DisclosureThresholds.SAFE_FLOOR
          + " while counts are suppressed (set \"suppression\": {\"enabled\": false} only for internal use)"));
      return fallback;
    }
    return value;
  }

  // ------------------------------------------------------------------ lookups

  /** The installed instrument named at {@code at.instrument}; absent (and reported) when unknown. */
  private Optional<Instrument> instrument(String name, String at) {
    return text(name).flatMap(s -> {
      try {
        Optional<Instrument> found = instruments.find(InstrumentId.of(s));
        if (found.isEmpty()) {
          violations.add(Violation.at(at + ".instrument", "unknown instrument '" + s + "'; installed: " + instruments.ids()));
        }
        return found;
      } catch (IllegalArgumentException e) {
        violations.add(Violation.at(at + ".instrument", e.getMessage()));
        return Optional.empty();
      }
    });
  }

  private List<AnalysisId> analysisList(List<String> list, String at, Set<Class<? extends Sample>> accepted) {
    List<AnalysisId> ids = new ArrayList<>();
    if (list == null) {
      return ids;
    }
    for (int i = 0; i < list.size(); i++) {
      String where = JsonPaths.index(at, i);
      String s = list.get(i);
      if (s == null) {
        continue; // refused or null: already reported
      }
      try {
        AnalysisId id = AnalysisId.of(s.strip());
        Optional<Analysis<?>> analysis = analyses.find(id);
        if (analysis.isEmpty()) {
          violations.add(Violation.at(where, "unknown analysis '" + s + "'; installed: " + analyses.ids()));
        } else if (!accepted.contains(analysis.get().sampleType())) {
          violations.add(Violation.at(where, "analysis '" + s + "' takes a " + analysis.get().sampleType().getSimpleName()
              + ", which this section does not provide (it provides " + names(accepted) + ")"));
        } else {
          ids.add(id);
        }
      } catch (IllegalArgumentException e) {
        violations.add(Violation.at(where, e.getMessage()));
      }
    }
    return ids;
  }

  private static String names(Set<Class<? extends Sample>> types) {
    return types.stream().map(Class::getSimpleName).sorted().toList().toString();
  }

  /**
   * The table named at {@code at}, if given, readable and (when columns are named) with the columns
   * it needs. A path is resolved against the configuration's folder (a file, or for an engine a
   * folder of Parquet files); a URI is opened by {@link #data}, which reports one it cannot read.
   */
  private Optional<TableLocation> file(String value, String at, String... columns) {
    Optional<String> name = text(value);
    if (name.isEmpty()) {
      return Optional.empty(); // absent, blank or refused: a required one is reported by the field rules
    }
    TableLocation file = TableLocation.resolve(base, name.get());
    Optional<Path> local = file.file();
    if (local.isPresent() && !Files.isReadable(local.get())) {
      violations.add(Violation.at(at, "file '" + name.get() + "' does not exist or cannot be read"));
      return Optional.empty();
    }
    if (columns.length > 0) {
      try (CsvRecords csv = data.open(file)) {
        for (String column : columns) {
          if (!csv.hasColumn(column)) {
            // the expected columns, never the header found: without a header row it is a data row
            violations.add(Violation.at(at, "file '" + name.get() + "' has no column '" + column
                + "'; expected columns: " + String.join(", ", columns)));
          }
        }
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> violations.add(Violation.at(at, v.toString())));
      }
    }
    return Optional.of(file);
  }

  private void checkAnswersHeader(Instrument instrument, TableLocation file, String at) {
    try (CsvRecords csv = data.open(file)) {
      BatchScorer.of(instrument).checkHeader(csv);
    } catch (InvalidInputException e) {
      e.violations().forEach(v -> violations.add(Violation.at(at, v.toString())));
    }
  }

  // ------------------------------------------------------------------ values

  /** Whether a problem has been reported at {@code at} or inside it. */
  private boolean reported(String at) {
    return violations.stream().map(Violation::location)
        .anyMatch(l -> l.equals(at) || l.startsWith(at + ".") || l.startsWith(at + "["));
  }

  /** A value the field rules have already checked, stripped; empty when absent or blank. */
  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** A value the field rules require to be positive; 1 stands in when it is not (and is reported). */
  private static double positive(Double value) {
    return value != null && value > 0 ? value : 1.0;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value, String at) {
    String normalised = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(normalised)) {
        return Optional.of(e);
      }
    }
    Function<E, String> spell = e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    violations.add(Violation.at(at, "'" + value + "' is not one of "
        + java.util.Arrays.stream(type.getEnumConstants()).map(spell).toList()));
    return Optional.empty();
  }
}
