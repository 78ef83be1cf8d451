package org.outcome.tenure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.outcome.api.SubjectId;
import org.outcome.api.Violation;
import org.outcome.tenure.InputFile;
import org.outcome.tenure.Person;
import org.outcome.tenure.Rejection;
import org.outcome.tenure.RowCounts;
import org.outcome.tenure.Setting;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TenureResults;

/**
 * Validates a batch of people and episodes row by row, groups the episodes by person and computes
 * every person's result. Used in three steps: {@link #offerPerson} for every people row,
 * {@link #closePeople()}, {@link #offerEpisode} for every episode row, then {@link #finish()}.
 *
 * <p>Memory: the people are held as columns ({@link PeopleColumns}, about 80 bytes a person), with
 * a map from subject to person while episodes are read; an accepted episode is held as 12 bytes
 * (its packed dates and its person's index), and episodes in settings that do not count are only
 * counted. The results are not held: {@link ResultsView} computes each when it is read.
 */
public final class Assembler {
  /** At most this many row numbers are listed in one message. */
  private static final int LISTED_ROWS = 5;

  private final TenureOptions options;
  private final LocalDate extraction;

  private long peopleRead;
  // the people rows accepted so far; at closePeople those whose subject repeats are taken out
  private final PeopleColumns people = new PeopleColumns();
  private long[] candidateRows = new long[64];
  // after closePeople, the row of each accepted person
  private long[] peopleRows;
  private final Map<String, Long> firstRowBySubject = new HashMap<>();
  private final Map<String, List<Long>> repeatedSubjects = new HashMap<>();
  private final List<Pending> peopleRejected = new ArrayList<>();
  private boolean peopleClosed;

  private final Map<String, Integer> personBySubject = new HashMap<>();
  private final Map<String, List<Long>> rejectedRowsBySubject = new HashMap<>();
  private final List<Rejection> rejections = new ArrayList<>();

  private long episodesRead;
  private long episodesOutsideSettings;
  private int stored;
  private long[] keys = new long[1024];
  private int[] owners = new int[1024];
  private final BitSet withRejectedEpisodes = new BitSet();

  private record Pending(long row, String subject, List<Violation> reasons) {}

  public Assembler(TenureOptions options) {
    this.options = options;
    this.extraction = options.extractionDate().orElse(null);
  }

  /**
   * Offers a people row. {@code index} is {@code null} when the cell was bad (and a reason says
   * so); {@code subject} is empty when the cell was empty.
   */
  public void offerPerson(long row, String subject, LocalDate index, Optional<LocalDate> end,
      Optional<LocalDate> death, Optional<String> group, List<Violation> reasons) {
    if (peopleClosed) {
      throw new IllegalStateException("people are closed");
    }
    peopleRead++;
    FollowUp followUp = null;
    Person person = null;
    if (index != null) {
      if (end.isPresent()) {
        add(reasons, row, "end_date", Rules.indexAfterEnd(index, end.get()));
      }
      if (death.isPresent()) {
        add(reasons, row, "death_date", Rules.deathBeforeIndex(index, death.get()));
      }
      if (extraction != null) {
        add(reasons, row, "index_date", Rules.indexAfterExtraction(index, extraction));
      }
      if (reasons.isEmpty()) {
        person = new Person(SubjectId.of(subject), index, end, death, group);
        followUp = FollowUp.of(person, options).orElse(null);
        if (followUp == null) {
          reasons.add(Violation.atRow(row, Rules.noEndOfFollowUp()));
        }
      }
    }
    if (!subject.isEmpty()) {
      Long first = firstRowBySubject.putIfAbsent(subject, row);
      if (first != null) {
        repeatedSubjects.computeIfAbsent(subject, s -> new ArrayList<>(List.of(first))).add(row);
      }
    }
    if (reasons.isEmpty()) {
      if (people.size() == candidateRows.length) {
        candidateRows = Arrays.copyOf(candidateRows, candidateRows.length * 2);
      }
      candidateRows[people.size()] = row;
      people.add(person);
    } else {
      peopleRejected.add(new Pending(row, subject, reasons));
    }
  }

  private static void add(List<Violation> reasons, long row, String column, Optional<String> problem) {
    if (problem.isPresent()) {
      reasons.add(Violation.atCell(row, column, problem.get()));
    }
  }

  /** Ends the people: rejects every row of a subject that appears more than once. */
  public void closePeople() {
    peopleClosed = true;
    int kept = 0;
    for (int i = 0; i < people.size(); i++) {
      String subject = people.subject(i).value();
      List<Long> repeated = repeatedSubjects.isEmpty() ? null : repeatedSubjects.get(subject);
      if (repeated == null) {
        personBySubject.put(subject, kept);
        candidateRows[kept] = candidateRows[i];
        people.move(i, kept++);
      } else {
        peopleRejected.add(new Pending(candidateRows[i], subject, List.of()));
      }
    }
    people.keepFirst(kept);
    peopleRows = Arrays.copyOf(candidateRows, kept);
    candidateRows = null;
    firstRowBySubject.clear();
    peopleRejected.sort(Comparator.comparingLong(Pending::row));
    for (Pending p : peopleRejected) {
      List<Long> repeated = repeatedSubjects.get(p.subject());
      List<Violation> reasons = new ArrayList<>(p.reasons());
      if (repeated != null) {
        reasons.add(duplicate(p.row(), repeated));
      }
      rejections.add(new Rejection(InputFile.PEOPLE, p.row(), reasons));
      if (!p.subject().isEmpty()) {
        rejectedRowsBySubject.computeIfAbsent(p.subject(), s -> new ArrayList<>()).add(p.row());
      }
    }
    peopleRejected.clear();
  }

  private static Violation duplicate(long row, List<Long> rows) {
    return Violation.atCell(row, "subject", "the subject appears in " + rows.size()
        + " rows of the people file (" + rowList(rows) + "); all of them are rejected");
  }

  private static String rowList(List<Long> rows) {
    String listed = rows.stream().limit(LISTED_ROWS).map(String::valueOf).collect(Collectors.joining(", "));
    return (rows.size() == 1 ? "row " : "rows ") + listed
        + (rows.size() > LISTED_ROWS ? " and " + (rows.size() - LISTED_ROWS) + " more" : "");
  }

  /**
   * Offers an episodes row. A {@code null} date or setting means the cell was bad (and a reason
   * says so); {@code open} means the discharge cell was empty.
   */
  public void offerEpisode(long row, String subject, LocalDate admission, LocalDate discharge, boolean open,
      Setting setting, List<Violation> reasons) {
    if (!peopleClosed) {
      throw new IllegalStateException("close the people first");
    }
    episodesRead++;
    int owner = -1;
    if (!subject.isEmpty()) {
      Integer found = personBySubject.get(subject);
      if (found != null) {
        owner = found;
      } else {
        List<Long> rejectedRows = rejectedRowsBySubject.get(subject);
        reasons.add(Violation.atCell(row, "subject", rejectedRows == null
            ? "the subject is not in the people file"
            : "the subject's " + rowList(rejectedRows) + " of the people file " + (rejectedRows.size() == 1 ? "was" : "were")
                + " rejected"));
      }
    }
    if (admission != null && discharge != null) {
      add(reasons, row, "discharge_date", Rules.dischargeBeforeAdmission(admission, discharge));
    }
    if (open && extraction == null) {
      reasons.add(Violation.atCell(row, "discharge_date", Rules.openWithoutExtraction()));
    }
    if (extraction != null) {
      if (admission != null) {
        add(reasons, row, "admission_date", Rules.afterExtraction("admission", admission, extraction));
      }
      if (discharge != null) {
        add(reasons, row, "discharge_date", Rules.afterExtraction("discharge", discharge, extraction));
      }
    }
    if (!reasons.isEmpty()) {
      rejections.add(new Rejection(InputFile.EPISODES, row, reasons));
      if (owner >= 0) {
        withRejectedEpisodes.set(owner);
      }
      return;
    }
    if (!options.settings().contains(setting)) {
      episodesOutsideSettings++;
      return;
    }
    if (stored == keys.length) {
      keys = Arrays.copyOf(keys, stored * 2);
      owners = Arrays.copyOf(owners, stored * 2);
    }
    keys[stored] = Timeline.key(Math.toIntExact(admission.toEpochDay()),
        open ? Timeline.OPEN : Math.toIntExact(discharge.toEpochDay()));
    owners[stored] = owner;
    stored++;
  }

  /** The people-file row of accepted person {@code i} (the {@code i}-th result); after {@link #closePeople()}. */
  public long peopleRow(int i) {
    if (!peopleClosed) {
      throw new IllegalStateException("close the people first");
    }
    return peopleRows[i];
  }

  /**
   * Groups the episodes by person (a counting sort, then each person's episodes sorted). The
   * results are computed as they are read ({@link ResultsView}).
   */
  public TenureResults finish() {
    if (!peopleClosed) {
      throw new IllegalStateException("close the people first");
    }
    int n = people.size();
    int[] start = new int[n + 1];
    for (int i = 0; i < stored; i++) {
      start[owners[i] + 1]++;
    }
    for (int p = 0; p < n; p++) {
      start[p + 1] += start[p];
    }
    long[] grouped = new long[stored];
    int[] next = Arrays.copyOf(start, n);
    for (int i = 0; i < stored; i++) {
      grouped[next[owners[i]]++] = keys[i];
    }
    keys = null;
    owners = null;
    for (int p = 0; p < n; p++) {
      Arrays.sort(grouped, start[p], start[p + 1]);
    }
    List<TenureResult> results = new ResultsView(people, options, grouped, start, withRejectedEpisodes);
    List<Rejection> ordered = new ArrayList<>(rejections);
    long peopleRejectedCount = ordered.stream().filter(r -> r.file() == InputFile.PEOPLE).count();
    long episodesRejectedCount = ordered.size() - peopleRejectedCount;
    return new TenureResults(options, results, ordered,
        new RowCounts(peopleRead, peopleRead - peopleRejectedCount, peopleRejectedCount),
        new RowCounts(episodesRead, episodesRead - episodesRejectedCount, episodesRejectedCount),
        episodesOutsideSettings);
  }
}
