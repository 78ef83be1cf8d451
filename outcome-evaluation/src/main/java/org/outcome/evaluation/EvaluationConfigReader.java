package org.outcome.evaluation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.Sample;
import org.outcome.api.sample.SurvivalSample;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.evaluation.EvaluationConfig.Answers;
import org.outcome.evaluation.EvaluationConfig.AsTreated;
import org.outcome.evaluation.EvaluationConfig.ComparisonKind;
import org.outcome.evaluation.EvaluationConfig.Comparator;
import org.outcome.evaluation.EvaluationConfig.Costs;
import org.outcome.evaluation.EvaluationConfig.DataFiles;
import org.outcome.evaluation.EvaluationConfig.Groups;
import org.outcome.evaluation.EvaluationConfig.Outcome;
import org.outcome.evaluation.EvaluationConfig.Tenure;
import org.outcome.evaluation.EvaluationConfig.Timepoints;
import org.outcome.evaluation.report.Suppression;
import org.outcome.instruments.batch.BatchScorer;
import org.outcome.io.CsvRecords;
import org.outcome.stats.multiplicity.AdjustmentMethod;

/**
 * Reads an evaluation configuration from JSON and checks everything that can be checked before
 * any work starts: the structure (no unknown keys, required values present and of the right
 * type), that every data file exists and has the columns it needs, that every instrument,
 * subscale and analysis is installed (built in or from a plugin), and that each analysis takes
 * the kind of data its section provides. Every problem is reported, each with its JSON path, in
 * one {@link InvalidInputException}.
 *
 * <p>File paths are relative to the configuration file's folder. The JSON is read without
 * default typing, with bounded nesting and size.
 */
public final class EvaluationConfigReader {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(32).maxDocumentLength(1_000_000).maxStringLength(10_000).build());
  }

  private final InstrumentRegistry instruments;
  private final AnalysisRegistry analyses;
  private final Path base;
  private final List<Violation> violations = new ArrayList<>();

  private EvaluationConfigReader(InstrumentRegistry instruments, AnalysisRegistry analyses, Path base) {
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
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of("invalid evaluation config",
          Violation.at(file.getFileName().toString(), "not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw InvalidInputException.of("cannot read evaluation config", Violation.at(file.toString(), "cannot be read"));
    }
    Path base = file.toAbsolutePath().getParent();
    return new EvaluationConfigReader(instruments, analyses, base).config(root);
  }

  private EvaluationConfig config(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw InvalidInputException.of("invalid evaluation config", Violation.at("$", "must be a JSON object"));
    }
    allowOnly(root, "$", "title", "confLevel", "data", "groups", "timepoints", "asTreated", "outcomes", "tenure",
        "multiplicity", "suppression");
    String title = text(root, "$", "title").orElse("Service evaluation");
    double confLevel = number(root, "$", "confLevel").orElse(0.95);
    if (!(confLevel > 0 && confLevel < 1)) {
      violations.add(Violation.at("confLevel", "must be between 0 and 1, got " + confLevel));
      confLevel = 0.95;
    }
    Groups groups = groups(object(root, "$", "groups", true));
    Timepoints timepoints = timepoints(object(root, "$", "timepoints", false));
    Optional<AsTreated> asTreated = object(root, "$", "asTreated", false).map(n -> {
      allowOnly(n, "asTreated", "moreThan");
      return new AsTreated((int) number(n, "asTreated", "moreThan").orElse(10.0).doubleValue());
    });
    DataFiles data = data(object(root, "$", "data", true), asTreated.isPresent());
    List<Outcome> outcomes = new ArrayList<>();
    JsonNode outcomeList = root.get("outcomes");
    if (outcomeList != null && !outcomeList.isArray()) {
      violations.add(Violation.at("outcomes", "must be a list"));
    } else if (outcomeList != null) {
      for (int i = 0; i < outcomeList.size(); i++) {
        outcome(outcomeList.get(i), "outcomes[" + i + "]", data).ifPresent(outcomes::add);
      }
    }
    Optional<Tenure> tenure = object(root, "$", "tenure", false).flatMap(n -> tenure(n, data));
    if (outcomes.isEmpty() && tenure.isEmpty()) {
      violations.add(Violation.at("outcomes", "the evaluation has no outcome: give questionnaire outcomes, tenure, or both"));
    }
    AdjustmentMethod multiplicity = text(root, "$", "multiplicity")
        .flatMap(s -> enumValue(AdjustmentMethod.class, s, "multiplicity")).orElse(AdjustmentMethod.HOLM);
    Suppression suppression = object(root, "$", "suppression", false).map(this::suppression)
        .orElse(Suppression.nhsDefault());
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid evaluation config", violations);
    }
    return new EvaluationConfig(title, confLevel, data, groups, timepoints, asTreated, outcomes, tenure,
        multiplicity, suppression);
  }

  private Groups groups(Optional<JsonNode> node) {
    if (node.isEmpty()) {
      return new Groups("intervention", "comparison", ComparisonKind.CONCURRENT);
    }
    JsonNode n = node.get();
    allowOnly(n, "groups", "intervention", "comparison", "comparisonKind");
    String intervention = requiredText(n, "groups", "intervention");
    String comparison = requiredText(n, "groups", "comparison");
    if (intervention.equals(comparison) && !intervention.isEmpty()) {
      violations.add(Violation.at("groups.comparison", "must differ from the intervention group '" + intervention + "'"));
    }
    ComparisonKind kind = text(n, "groups", "comparisonKind")
        .flatMap(s -> enumValue(ComparisonKind.class, s, "groups.comparisonKind")).orElse(ComparisonKind.CONCURRENT);
    return new Groups(intervention, comparison, kind);
  }

  private Timepoints timepoints(Optional<JsonNode> node) {
    if (node.isEmpty()) {
      return new Timepoints("baseline", "follow-up");
    }
    JsonNode n = node.get();
    allowOnly(n, "timepoints", "baseline", "followUp");
    return new Timepoints(text(n, "timepoints", "baseline").orElse("baseline"),
        text(n, "timepoints", "followUp").orElse("follow-up"));
  }

  private DataFiles data(Optional<JsonNode> node, boolean needsSessions) {
    if (node.isEmpty()) {
      return new DataFiles(base.resolve("people.csv"), Optional.empty(), Optional.empty(), List.of());
    }
    JsonNode n = node.get();
    allowOnly(n, "data", "people", "episodes", "sessions", "answers");
    Path people = file(n, "data", "people", true, "subject", "index_date", "group").orElse(base.resolve("people.csv"));
    Optional<Path> episodes = file(n, "data", "episodes", false, "subject", "admission_date", "discharge_date");
    Optional<Path> sessions = file(n, "data", "sessions", needsSessions, "subject", "sessions");
    List<Answers> answers = new ArrayList<>();
    JsonNode list = n.get("answers");
    if (list != null && !list.isArray()) {
      violations.add(Violation.at("data.answers", "must be a list"));
    } else if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        String at = "data.answers[" + i + "]";
        JsonNode a = list.get(i);
        if (!a.isObject()) {
          violations.add(Violation.at(at, "must be an object with 'instrument' and 'file'"));
          continue;
        }
        allowOnly(a, at, "instrument", "file");
        Optional<Instrument> instrument = instrument(a, at);
        Optional<Path> file = file(a, at, "file", true);
        if (instrument.isPresent() && file.isPresent()) {
          checkAnswersHeader(instrument.get(), file.get(), at + ".file");
          answers.add(new Answers(instrument.get().id(), file.get()));
        }
      }
    }
    return new DataFiles(people, episodes, sessions, answers);
  }

  private Optional<Outcome> outcome(JsonNode n, String at, DataFiles data) {
    if (!n.isObject()) {
      violations.add(Violation.at(at, "must be an object"));
      return Optional.empty();
    }
    allowOnly(n, at, "instrument", "score", "primary", "beforeAndAfter", "comparison");
    Optional<Instrument> instrument = instrument(n, at);
    Optional<SubscaleId> score = text(n, at, "score").flatMap(s -> {
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
    boolean primary = n.has("primary") && n.get("primary").asBoolean(false);
    if (n.has("primary") && !n.get("primary").isBoolean()) {
      violations.add(Violation.at(at + ".primary", "must be true or false"));
    }
    List<AnalysisId> paired = analysisList(n, at, "beforeAndAfter", Set.of(PairedSample.class));
    List<AnalysisId> comparison = analysisList(n, at, "comparison", Set.of(GroupedPrePostSample.class, GroupedSample.class));
    return instrument.map(i -> new Outcome(i.id(), score, primary, paired, comparison));
  }

  private Optional<Tenure> tenure(JsonNode n, DataFiles data) {
    allowOnly(n, "tenure", "windowDays", "gapDays", "extractionDate", "analyses", "rmstTau", "atDays",
        "readmissionHorizonDays", "comparator", "costs");
    if (data.episodes().isEmpty()) {
      violations.add(Violation.at("tenure", "community tenure needs an episodes file under data.episodes"));
    }
    int window = (int) number(n, "tenure", "windowDays").orElse(1095.0).doubleValue();
    int gap = (int) number(n, "tenure", "gapDays").orElse(1.0).doubleValue();
    if (window < 1) {
      violations.add(Violation.at("tenure.windowDays", "must be at least 1, got " + window));
    }
    if (gap < 0) {
      violations.add(Violation.at("tenure.gapDays", "must not be negative, got " + gap));
    }
    Optional<LocalDate> extraction = text(n, "tenure", "extractionDate").flatMap(s -> {
      try {
        return Optional.of(LocalDate.parse(s));
      } catch (DateTimeParseException e) {
        violations.add(Violation.at("tenure.extractionDate", "'" + s + "' is not a date (YYYY-MM-DD)"));
        return Optional.empty();
      }
    });
    List<AnalysisId> list = analysisList(n, "tenure", "analyses",
        Set.of(SurvivalSample.class, PersonTimeCounts.class, TwoByTwoTable.class));
    double tau = number(n, "tenure", "rmstTau").orElse((double) window);
    if (!(tau > 0)) {
      violations.add(Violation.at("tenure.rmstTau", "must be positive, got " + tau));
    }
    List<Integer> at = new ArrayList<>();
    JsonNode atNode = n.get("atDays");
    if (atNode == null) {
      at.addAll(List.of(30, 90, 365, 730, 1095));
    } else if (!atNode.isArray()) {
      violations.add(Violation.at("tenure.atDays", "must be a list of days"));
    } else {
      for (int i = 0; i < atNode.size(); i++) {
        if (!atNode.get(i).canConvertToInt() || atNode.get(i).asInt() < 0) {
          violations.add(Violation.at("tenure.atDays[" + i + "]", "must be a whole number of days, got " + atNode.get(i)));
        } else {
          at.add(atNode.get(i).asInt());
        }
      }
    }
    int horizon = (int) number(n, "tenure", "readmissionHorizonDays").orElse(365.0).doubleValue();
    Optional<Comparator> comparator = object(n, "tenure", "comparator", false).map(c -> {
      allowOnly(c, "tenure.comparator", "admissionsPerPersonYear", "meanLengthOfStayDays", "source");
      return new Comparator(positive(c, "tenure.comparator", "admissionsPerPersonYear"),
          positive(c, "tenure.comparator", "meanLengthOfStayDays"), requiredText(c, "tenure.comparator", "source"));
    });
    Optional<Costs> costs = object(n, "tenure", "costs", false).map(c -> {
      allowOnly(c, "tenure.costs", "bedDayCost", "peerSupportCost", "currency", "source");
      return new Costs(positive(c, "tenure.costs", "bedDayCost"), positive(c, "tenure.costs", "peerSupportCost"),
          text(c, "tenure.costs", "currency").orElse("GBP"), requiredText(c, "tenure.costs", "source"));
    });
    if (costs.isPresent() && comparator.isEmpty()) {
      violations.add(Violation.at("tenure.costs", "a cost-offset table needs a comparator for bed-days saved"));
    }
    return Optional.of(new Tenure(window, gap, extraction, list, tau, at, horizon, comparator, costs));
  }

  private Suppression suppression(JsonNode n) {
    allowOnly(n, "suppression", "enabled", "maxSuppressed", "roundTo");
    boolean enabled = !n.has("enabled") || n.get("enabled").asBoolean(true);
    int max = (int) number(n, "suppression", "maxSuppressed").orElse(7.0).doubleValue();
    int round = (int) number(n, "suppression", "roundTo").orElse(5.0).doubleValue();
    if (max < 0 || round < 1) {
      violations.add(Violation.at("suppression", "maxSuppressed must be at least 0 and roundTo at least 1"));
      return Suppression.nhsDefault();
    }
    return new Suppression(enabled, max, round);
  }

  // ------------------------------------------------------------------ lookups

  private Optional<Instrument> instrument(JsonNode n, String at) {
    return text(n, at, "instrument").flatMap(s -> {
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
    }).or(() -> {
      if (!n.has("instrument")) {
        violations.add(Violation.at(at + ".instrument", "is required"));
      }
      return Optional.empty();
    });
  }

  private List<AnalysisId> analysisList(JsonNode n, String at, String key, Set<Class<? extends Sample>> accepted) {
    List<AnalysisId> ids = new ArrayList<>();
    JsonNode list = n.get(key);
    if (list == null) {
      return ids;
    }
    if (!list.isArray()) {
      violations.add(Violation.at(at + "." + key, "must be a list of analysis ids"));
      return ids;
    }
    for (int i = 0; i < list.size(); i++) {
      String where = at + "." + key + "[" + i + "]";
      String s = list.get(i).asText("");
      try {
        AnalysisId id = AnalysisId.of(s);
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

  private Optional<Path> file(JsonNode n, String at, String key, boolean required, String... columns) {
    Optional<String> name = text(n, at, key);
    if (name.isEmpty()) {
      if (required) {
        violations.add(Violation.at(path(at, key), "is required"));
      }
      return Optional.empty();
    }
    Path file = base.resolve(name.get()).normalize();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      violations.add(Violation.at(path(at, key), "file '" + name.get() + "' does not exist or cannot be read"));
      return Optional.empty();
    }
    if (columns.length > 0) {
      try (CsvRecords csv = CsvRecords.open(file)) {
        for (String column : columns) {
          if (!csv.hasColumn(column)) {
            violations.add(Violation.at(path(at, key), "file '" + name.get() + "' has no column '" + column
                + "'; its header is " + csv.header()));
          }
        }
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> violations.add(Violation.at(path(at, key), v.toString())));
      }
    }
    return Optional.of(file);
  }

  private void checkAnswersHeader(Instrument instrument, Path file, String at) {
    try (CsvRecords csv = CsvRecords.open(file)) {
      BatchScorer.of(instrument).checkHeader(csv);
    } catch (InvalidInputException e) {
      e.violations().forEach(v -> violations.add(Violation.at(at, v.toString())));
    }
  }

  // ------------------------------------------------------------------ JSON helpers

  private void allowOnly(JsonNode n, String at, String... keys) {
    Set<String> allowed = Set.of(keys);
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        violations.add(Violation.at(path(at, key), "unknown key; allowed here: " + List.of(keys)));
      }
    }
  }

  private Optional<JsonNode> object(JsonNode n, String at, String key, boolean required) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        violations.add(Violation.at(path(at, key), "is required"));
      }
      return Optional.empty();
    }
    if (!v.isObject()) {
      violations.add(Violation.at(path(at, key), "must be an object"));
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private Optional<String> text(JsonNode n, String at, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      violations.add(Violation.at(path(at, key), "must be a non-empty string, got " + v));
      return Optional.empty();
    }
    return Optional.of(v.asText().strip());
  }

  private String requiredText(JsonNode n, String at, String key) {
    Optional<String> v = text(n, at, key);
    if (v.isEmpty() && !n.has(key)) {
      violations.add(Violation.at(path(at, key), "is required"));
    }
    return v.orElse("");
  }

  private Optional<Double> number(JsonNode n, String at, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isNumber()) {
      violations.add(Violation.at(path(at, key), "must be a number, got " + v));
      return Optional.empty();
    }
    return Optional.of(v.asDouble());
  }

  private double positive(JsonNode n, String at, String key) {
    Optional<Double> v = number(n, at, key);
    if (v.isEmpty() && !n.has(key)) {
      violations.add(Violation.at(path(at, key), "is required"));
    } else if (v.isPresent() && !(v.get() > 0)) {
      violations.add(Violation.at(path(at, key), "must be positive, got " + v.get()));
    }
    return v.filter(x -> x > 0).orElse(1.0);
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

  private static String path(String at, String key) {
    return at.equals("$") ? key : at + "." + key;
  }
}
