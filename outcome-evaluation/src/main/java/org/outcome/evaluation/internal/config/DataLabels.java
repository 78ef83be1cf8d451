package org.outcome.evaluation.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.Item;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationData;
import org.outcome.evaluation.TableLocation;
import org.outcome.io.CsvRecord;
import org.outcome.io.CsvRecords;

/**
 * Checks a configuration's labels against the data before any work, so that a label that matches
 * nothing fails the run instead of emptying a group, a time point or an analysis set without a
 * word. Each problem names the JSON path of the setting at fault.
 *
 * <ul>
 *   <li>{@code groups.intervention} and {@code groups.comparison}: each is the {@code group} of at
 *       least one row of the people file;
 *   <li>{@code timepoints.baseline} and {@code timepoints.followUp}: each is the {@code timepoint}
 *       of at least one row of every answers file;
 *   <li>{@code data.answers[i].file}: at least one row is of a person in the people file, and each
 *       of the instrument's item columns is answered on at least one row;
 *   <li>{@code asTreated}: the sessions file gives a whole number of sessions for at least one
 *       person of the intervention group (else the as-treated set is empty).
 * </ul>
 *
 * <p>A message quotes the configuration's label (the user's own setting), never a cell, except
 * that it lists the labels found in the column when they are few (at most {@value #LISTED}) and
 * do not look like identifiers (a value that is also a subject, or a column whose every row has a
 * value of its own). Identifiers are never quoted.
 */
public final class DataLabels {
  /** The most distinct labels of a column listed in a message. */
  static final int LISTED = 10;

  private final EvaluationConfig config;
  private final InstrumentRegistry instruments;
  private final EvaluationData data;
  private final List<Violation> violations = new ArrayList<>();

  private DataLabels(EvaluationConfig config, InstrumentRegistry instruments, EvaluationData data) {
    this.config = config;
    this.instruments = instruments;
    this.data = data;
  }

  /**
   * Every label of the configuration that matches no row of the data, each with its JSON path.
   *
   * @param checkGroups whether to check the group labels (false when they are themselves invalid)
   * @param checkTimepoints whether to check the time-point labels
   */
  public static List<Violation> check(EvaluationConfig config, InstrumentRegistry instruments, EvaluationData data,
      boolean checkGroups, boolean checkTimepoints) {
    DataLabels check = new DataLabels(config, instruments, data);
    check.run(checkGroups, checkTimepoints);
    return List.copyOf(check.violations);
  }

  /**
   * Checks every label and throws if one matches nothing.
   *
   * @throws InvalidInputException listing every label that matches no row
   */
  public static void require(EvaluationConfig config, InstrumentRegistry instruments, EvaluationData data) {
    List<Violation> found = check(config, instruments, data, true, true);
    if (!found.isEmpty()) {
      throw new InvalidInputException("the evaluation config does not match its data", found);
    }
  }

  private void run(boolean checkGroups, boolean checkTimepoints) {
    Column groups = new Column("group", config.groups().intervention(), config.groups().comparison());
    Set<String> subjects = new HashSet<>();
    Set<String> intervention = new HashSet<>();
    TableLocation peopleFile = config.data().people();
    if (!read(peopleFile, "data.people", List.of(groups), r -> {
      String subject = r.get("subject");
      subjects.add(subject);
      if (r.get("group").equals(config.groups().intervention())) {
        intervention.add(subject);
      }
    })) {
      return; // the people file itself is at fault, and reported
    }
    groups.identifiers(subjects);
    String people = name(peopleFile) + " (data.people)";
    if (config.adjustment().isPresent() || config.sites().isPresent()) {
      List<String> header;
      try (CsvRecords csv = data.open(peopleFile)) {
        header = csv.header();
      }
      config.adjustment().ifPresent(a -> {
        for (int i = 0; i < a.covariates().size(); i++) {
          if (!header.contains(a.covariates().get(i))) {
            violations.add(Violation.at("adjustment.covariates[" + i + "]", "no column '" + a.covariates().get(i)
                + "' in " + people));
          }
        }
      });
      config.sites().ifPresent(s -> sites(s, header, peopleFile, people));
    }
    if (checkGroups) {
      groups.require(config.groups().intervention(), "groups.intervention", people);
      groups.require(config.groups().comparison(), "groups.comparison", people);
    }

    List<EvaluationConfig.Answers> answers = config.data().answers();
    for (int i = 0; i < answers.size(); i++) {
      answers(answers.get(i), "data.answers[" + i + "].file", subjects, checkTimepoints);
    }

    if (config.asTreated().isPresent() && config.data().sessions().isPresent()
        && !intervention.isEmpty()) {
      TableLocation sessions = config.data().sessions().get();
      boolean[] dose = new boolean[1];
      read(sessions, "data.sessions", List.of(), r -> {
        if (intervention.contains(r.get("subject")) && r.get("sessions").matches("[0-9]{1,9}")) {
          dose[0] = true;
        }
      });
      if (!dose[0] && !reported("data.sessions")) {
        violations.add(Violation.at("asTreated", "no row of " + name(sessions) + " (data.sessions) gives a whole"
            + " number of sessions (column sessions) for a person of the intervention group '"
            + config.groups().intervention() + "', so the as-treated set would be empty"));
      }
    }
  }

  /** The site column exists and every named site has a person. */
  private void sites(EvaluationConfig.Sites sites, List<String> header, TableLocation peopleFile, String people) {
    if (!header.contains(sites.column())) {
      violations.add(Violation.at("sites.column", "no column '" + sites.column() + "' in " + people));
      return;
    }
    Set<String> seen = new HashSet<>();
    Set<String> named = new HashSet<>(sites.names());
    read(peopleFile, "data.people", List.of(), r -> {
      String site = r.get(sites.column());
      if (named.contains(site)) {
        seen.add(site);
      }
    });
    for (int i = 0; i < sites.names().size(); i++) {
      if (!seen.contains(sites.names().get(i))) {
        violations.add(Violation.at("sites.names[" + i + "]", "no person of " + people + " is at site '"
            + sites.names().get(i) + "' (column " + sites.column() + ")"));
      }
    }
  }

  private void answers(EvaluationConfig.Answers answers, String at, Set<String> people, boolean checkTimepoints) {
    Optional<Instrument> instrument = instruments.find(answers.instrument());
    if (instrument.isEmpty()) {
      return; // reported by the reader
    }
    List<Item> items = instrument.get().definition().items();
    boolean[] answered = new boolean[items.size()];
    boolean[] known = new boolean[1];
    Column timepoints = new Column("timepoint", config.timepoints().baseline(), config.timepoints().followUp());
    Set<String> subjects = new HashSet<>();
    if (!read(answers.file(), at, List.of(timepoints), r -> {
      String subject = r.get("subject");
      subjects.add(subject);
      known[0] |= people.contains(subject);
      for (int k = 0; k < answered.length; k++) {
        if (!answered[k]) { // once an item is answered, no later row is looked at for it
          answered[k] = r.optional("q" + items.get(k).number()).filter(c -> !c.isEmpty()).isPresent();
        }
      }
    })) {
      return;
    }
    Set<String> anyone = new HashSet<>(subjects);
    anyone.addAll(people);
    timepoints.identifiers(anyone);
    String file = name(answers.file()) + " (" + at + ")";
    if (checkTimepoints) {
      timepoints.require(config.timepoints().baseline(), "timepoints.baseline", file);
      timepoints.require(config.timepoints().followUp(), "timepoints.followUp", file);
    }
    if (timepoints.rows > 0 && !known[0]) {
      violations.add(Violation.at(at, "no row of " + name(answers.file()) + " is of a person in the people file"
          + " (column subject): is it the right file?"));
    }
    List<String> empty = new ArrayList<>();
    for (int k = 0; k < answered.length; k++) {
      if (!answered[k]) {
        empty.add("q" + items.get(k).number());
      }
    }
    if (timepoints.rows > 0 && !empty.isEmpty()) {
      violations.add(Violation.at(at, "no row of " + name(answers.file()) + " answers item column"
          + (empty.size() == 1 ? " " : "s ") + String.join(", ", empty) + " of " + answers.instrument()
          + ": is it the right file, or the right instrument?"));
    }
  }

  /** Reads a file, feeding every row to {@code row}; false (and reported) when it cannot be read. */
  private boolean read(TableLocation file, String at, List<Column> columns,
      java.util.function.Consumer<CsvRecord> row) {
    try (CsvRecords csv = data.open(file)) {
      for (CsvRecord r : csv) {
        for (Column c : columns) {
          c.add(r.get(c.name));
        }
        row.accept(r);
      }
      return true;
    } catch (InvalidInputException | IllegalArgumentException e) {
      // a missing column or an unreadable file is reported by the reader's header checks
      return false;
    }
  }

  private boolean reported(String at) {
    return violations.stream().anyMatch(v -> v.location().equals(at));
  }

  private static String name(TableLocation file) {
    return file.name();
  }

  /** The labels of one column, as far as a message may list them. */
  private final class Column {
    final String name;
    final Set<String> wanted;
    final Set<String> found = new HashSet<>();
    final Set<String> labels = new LinkedHashSet<>();
    long rows;
    boolean identifiers;

    Column(String name, String... wanted) {
      this.name = name;
      this.wanted = Set.of(wanted.length == 2 && wanted[0].equals(wanted[1]) ? new String[] {wanted[0]} : wanted);
    }

    void add(String value) {
      rows++;
      if (wanted.contains(value)) {
        found.add(value);
      }
      if (labels.size() <= LISTED) {
        labels.add(value);
      }
    }

    /** A column that looks like identifiers is never listed. */
    void identifiers(Set<String> subjects) {
      identifiers = labels.stream().anyMatch(subjects::contains) || rows > 2 && labels.size() == rows;
    }

    void require(String label, String at, String file) {
      if (found.contains(label)) {
        return;
      }
      String found;
      if (rows == 0) {
        found = "the file has no rows";
      } else if (identifiers) {
        found = "its values are not listed: they look like identifiers";
      } else if (labels.size() > LISTED) {
        found = "it has more than " + LISTED + " different values, not listed";
      } else {
        found = "the labels found there are " + labels.stream().map(l -> l.isEmpty() ? "(empty)" : "'" + l + "'")
            .collect(Collectors.joining(", "));
      }
      violations.add(Violation.at(at, "'" + label + "' is on no row of " + file + ", column " + name + "; " + found));
    }
  }
}
