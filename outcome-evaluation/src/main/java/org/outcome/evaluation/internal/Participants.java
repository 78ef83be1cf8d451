package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outcome.api.SubjectId;
import org.outcome.evaluation.EvaluationConfig;
import org.outcome.evaluation.EvaluationData;
import org.outcome.evaluation.TableLocation;
import org.outcome.io.CsvRecord;
import org.outcome.io.CsvRecords;
import org.outcome.io.Numbers;

/**
 * The people of an evaluation and their group and sessions attended, read from the people and
 * sessions files with every row accounted for.
 *
 * <p>A people row is rejected when its subject is empty, its group is neither the intervention
 * nor the comparison group, or its subject is on more than one row: then every row of that
 * subject is rejected, naming the rows, exactly as community tenure does, so that a person listed
 * twice (in two groups, or twice in one) is in neither the questionnaire outcomes nor tenure. A sessions row is rejected
 * when its person is not in the people file, the count is not a whole number of at least 0, or the
 * person already has a sessions row. Messages never quote a subject identifier.
 */
public final class Participants {
  /** The most rows of a repeated subject named in a reason (as community tenure names them). */
  private static final int LISTED_ROWS = 5;
  private final Map<SubjectId, String> groups;
  private final Map<SubjectId, Integer> sessions;
  private final List<String> extraColumns;
  private final Map<SubjectId, String[]> extra;
  private final List<SubjectId> order;
  final Accounting peopleAccount;
  final Optional<Accounting> sessionsAccount;

  private Participants(Map<SubjectId, String> groups, Map<SubjectId, Integer> sessions, List<String> extraColumns,
      Map<SubjectId, String[]> extra, Accounting people, Optional<Accounting> sessionsAccount) {
    this.groups = groups;
    this.sessions = sessions;
    this.extraColumns = extraColumns;
    this.extra = extra;
    this.order = List.copyOf(groups.keySet());
    this.peopleAccount = people;
    this.sessionsAccount = sessionsAccount;
  }

  /** Reads the people and (when given) sessions tables. */
  public static Participants read(EvaluationConfig config, EvaluationData data) {
    EvaluationConfig.Groups g = config.groups();
    Map<SubjectId, String> groups = new LinkedHashMap<>();
    Accounting people = new Accounting(config.data().people().name());
    // two passes, as community tenure reads the same file: every row of a subject listed more than
    // once is rejected (whatever the groups), so that questionnaires and tenure keep the same people
    record Row(long row, String subject, String group, List<String> reasons, String[] extra) {}
    List<Row> rows = new ArrayList<>();
    Map<String, List<Long>> rowsBySubject = new HashMap<>();
    // the columns the adjustment and the sites read, kept per accepted person in the same pass
    List<String> extraColumns = new ArrayList<>();
    config.adjustment().ifPresent(a -> extraColumns.addAll(a.covariates()));
    config.sites().filter(x -> !extraColumns.contains(x.column())).ifPresent(x -> extraColumns.add(x.column()));
    Map<SubjectId, String[]> extra = new HashMap<>();
    try (CsvRecords csv = data.open(config.data().people())) {
      csv.requireColumns("subject", "group");
      csv.requireColumns(extraColumns.toArray(String[]::new));
      for (CsvRecord r : csv) {
        people.read();
        String subject = r.get("subject");
        String group = r.get("group");
        List<String> reasons = new ArrayList<>();
        if (subject.isEmpty()) {
          reasons.add("column subject: empty");
        } else {
          rowsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(r.row());
        }
        if (!group.equals(g.intervention()) && !group.equals(g.comparison())) {
          // the configured groups may be named; the cell may not (it may be an NHS number or a name)
          reasons.add(group.isEmpty() ? "column group: empty"
              : "column group: neither '" + g.intervention() + "' nor '" + g.comparison() + "'");
        }
        String[] cells = new String[extraColumns.size()];
        for (int j = 0; j < cells.length; j++) {
          cells[j] = r.get(extraColumns.get(j));
        }
        rows.add(new Row(r.row(), subject, group, reasons, cells));
      }
    }
    for (Row r : rows) {
      List<String> reasons = new ArrayList<>(r.reasons());
      List<Long> same = r.subject().isEmpty() ? List.of() : rowsBySubject.get(r.subject());
      if (same.size() > 1) {
        reasons.add("column subject: the subject appears in " + same.size() + " rows of the people file ("
            + rowList(same) + "); all of them are rejected");
      }
      if (reasons.isEmpty()) {
        groups.put(SubjectId.of(r.subject()), r.group());
        if (!extraColumns.isEmpty()) {
          extra.put(SubjectId.of(r.subject()), r.extra());
        }
      } else {
        people.reject(r.row(), reasons);
      }
    }
    Map<SubjectId, Integer> sessions = new HashMap<>();
    Optional<Accounting> sessionsAccount = config.data().sessions()
        .map(table -> readSessions(data, table, groups, sessions));
    return new Participants(groups, sessions, List.copyOf(extraColumns), extra, people, sessionsAccount);
  }

  private static Accounting readSessions(EvaluationData data, TableLocation table, Map<SubjectId, String> groups,
      Map<SubjectId, Integer> sessions) {
    Accounting account = new Accounting(table.name());
    try (CsvRecords csv = data.open(table)) {
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

  private static String rowList(List<Long> rows) {
    String listed = rows.stream().limit(LISTED_ROWS).map(String::valueOf).collect(Collectors.joining(", "));
    return (rows.size() == 1 ? "row " : "rows ") + listed
        + (rows.size() > LISTED_ROWS ? " and " + (rows.size() - LISTED_ROWS) + " more" : "");
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

  /**
   * An accepted person's cell in a column the adjustment or the sites read (a covariate, the site
   * column), exactly as written; the cell is data and never goes into a message.
   *
   * @throws IllegalArgumentException if the column is not one of those
   */
  public String cell(SubjectId subject, String column) {
    int j = extraColumns.indexOf(column);
    if (j < 0) {
      throw new IllegalArgumentException("column " + column + " was not read for the adjustment or the sites");
    }
    return extra.get(subject)[j];
  }

  /** The accepted people of one group, in file order. */
  public List<SubjectId> inGroup(String group) {
    return order.stream().filter(s -> group.equals(groups.get(s))).toList();
  }
}
