package org.outcome.evaluation.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outcome.api.SubjectId;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.io.CsvRecord;
import org.outcome.io.CsvRecords;
import org.outcome.io.Numbers;

/**
 * The people of an evaluation and their group and sessions attended, read from the people and
 * sessions files with every row accounted for.
 *
 * <p>A people row is rejected when its subject is empty, its group is neither the intervention
 * nor the comparison group, or its subject appeared on an earlier row. A sessions row is rejected
 * when its person is not in the people file, the count is not a whole number of at least 0, or the
 * person already has a sessions row. Messages never quote a subject identifier.
 */
public final class Participants {
  private final Map<SubjectId, String> groups;
  private final Map<SubjectId, Integer> sessions;
  private final List<SubjectId> order;
  final Accounting peopleAccount;
  final Optional<Accounting> sessionsAccount;

  private Participants(Map<SubjectId, String> groups, Map<SubjectId, Integer> sessions, Accounting people,
      Optional<Accounting> sessionsAccount) {
    this.groups = groups;
    this.sessions = sessions;
    this.order = List.copyOf(groups.keySet());
    this.peopleAccount = people;
    this.sessionsAccount = sessionsAccount;
  }

  /** Reads the people and (when given) sessions files. */
  public static Participants read(EvaluationConfig config) {
    EvaluationConfig.Groups g = config.groups();
    Map<SubjectId, String> groups = new LinkedHashMap<>();
    Accounting people = new Accounting(config.data().people().getFileName().toString());
    Map<SubjectId, Long> firstRow = new HashMap<>();
    try (CsvRecords csv = CsvRecords.open(config.data().people())) {
      csv.requireColumns("subject", "group");
      for (CsvRecord r : csv) {
        people.read();
        String subject = r.get("subject");
        String group = r.get("group");
        List<String> reasons = new ArrayList<>();
        if (subject.isEmpty()) {
          reasons.add("column subject: empty");
        }
        if (!group.equals(g.intervention()) && !group.equals(g.comparison())) {
          // the configured groups may be named; the cell may not (it may be an NHS number or a name)
          reasons.add(group.isEmpty() ? "column group: empty"
              : "column group: neither '" + g.intervention() + "' nor '" + g.comparison() + "'");
        }
        if (!subject.isEmpty() && reasons.isEmpty()) {
          SubjectId id = SubjectId.of(subject);
          Long earlier = firstRow.putIfAbsent(id, r.row());
          if (earlier != null) {
            reasons.add("column subject: the same person as row " + earlier);
          } else {
            groups.put(id, group);
          }
        }
        if (!reasons.isEmpty()) {
          people.reject(r.row(), reasons);
        }
      }
    }
    Map<SubjectId, Integer> sessions = new HashMap<>();
    Optional<Accounting> sessionsAccount = config.data().sessions().map(path -> readSessions(path, groups, sessions));
    return new Participants(groups, sessions, people, sessionsAccount);
  }

  private static Accounting readSessions(Path path, Map<SubjectId, String> groups, Map<SubjectId, Integer> sessions) {
    Accounting account = new Accounting(path.getFileName().toString());
    try (CsvRecords csv = CsvRecords.open(path)) {
      csv.requireColumns("subject", "sessions");
      for (CsvRecord r : csv) {
        account.read();
        String subject = r.get("subject");
        String cell = r.get("sessions");
        List<String> reasons = new ArrayList<>();
        SubjectId id = subject.isEmpty() ? null : SubjectId.of(subject);
        if (id == null) {
          reasons.add("column subject: empty");
        } else if (!groups.containsKey(id)) {
          reasons.add("column subject: not a person of the people file");
        } else if (sessions.containsKey(id)) {
          reasons.add("column subject: this person already has a sessions row");
        }
        Long whole = Numbers.parseWhole(cell);
        Integer count = whole != null && whole >= 0 && whole <= Integer.MAX_VALUE ? whole.intValue() : null;
        if (count == null) {
          reasons.add(cell.isEmpty() ? "column sessions: empty"
              : "column sessions: not a whole number of 0 or more");
        }
        if (reasons.isEmpty()) {
          sessions.put(id, count);
        } else {
          account.reject(r.row(), reasons);
        }
      }
    }
    return account;
  }

  /** The people accepted, in file order. */
  public List<SubjectId> people() {
    return order;
  }

  /** A person's group, if the person was accepted. */
  public Optional<String> group(SubjectId subject) {
    return Optional.ofNullable(groups.get(subject));
  }

  /** A person's sessions attended; NaN when unknown. */
  public double sessions(SubjectId subject) {
    Integer s = sessions.get(subject);
    return s == null ? Double.NaN : s;
  }

  /** The accepted people of one group, in file order. */
  public List<SubjectId> inGroup(String group) {
    return order.stream().filter(s -> group.equals(groups.get(s))).toList();
  }
}
