package org.outcome.tenure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.Violation;
import org.outcome.io.CsvRecord;
import org.outcome.io.CsvRecords;
import org.outcome.tenure.Setting;

/**
 * Reads the people and episodes files into an {@link Assembler}, one record at a time. Every
 * cell problem of a row is collected before the row is offered, so a rejected row lists all its
 * reasons. Columns not named here are ignored.
 */
public final class TenureCsv {
  /** Columns of the people file; the first two are required. */
  public static final String SUBJECT = "subject";
  public static final String INDEX_DATE = "index_date";
  public static final String END_DATE = "end_date";
  public static final String DEATH_DATE = "death_date";
  public static final String GROUP = "group";
  /** Columns of the episodes file; the first three are required. */
  public static final String ADMISSION_DATE = "admission_date";
  public static final String DISCHARGE_DATE = "discharge_date";
  public static final String SETTING = "setting";

  private TenureCsv() {}

  /** Reads every people row into the assembler. */
  public static void readPeople(CsvRecords csv, Assembler assembler) {
    csv.requireColumns(SUBJECT, INDEX_DATE);
    for (CsvRecord r : csv) {
      offerPerson(assembler, r.row(), r.get(SUBJECT), r.get(INDEX_DATE), r.optional(END_DATE), r.optional(DEATH_DATE),
          r.optional(GROUP));
    }
  }

  /**
   * Reads one people row's cells and offers it. An optional cell is empty when it is empty or its
   * column is missing.
   */
  public static void offerPerson(Assembler assembler, long row, String subject, String indexDate,
      Optional<String> endDate, Optional<String> deathDate, Optional<String> group) {
    List<Violation> reasons = new ArrayList<>();
    if (subject.isEmpty()) {
      reasons.add(Violation.atCell(row, SUBJECT, "empty cell; a subject is required"));
    }
    LocalDate index = Cells.date(row, INDEX_DATE, indexDate, "an index date", reasons);
    Optional<LocalDate> end = Cells.optionalDate(row, END_DATE, endDate, "an end date", reasons);
    Optional<LocalDate> death = Cells.optionalDate(row, DEATH_DATE, deathDate, "a death date", reasons);
    assembler.offerPerson(row, subject, index, end, death, group, reasons);
  }

  /** Reads every episode row into the assembler; call after {@link Assembler#closePeople()}. */
  public static void readEpisodes(CsvRecords csv, Assembler assembler) {
    csv.requireColumns(SUBJECT, ADMISSION_DATE, DISCHARGE_DATE);
    boolean hasSetting = csv.hasColumn(SETTING);
    for (CsvRecord r : csv) {
      offerEpisode(assembler, r.row(), r.get(SUBJECT), r.get(ADMISSION_DATE), r.get(DISCHARGE_DATE),
          hasSetting ? Optional.of(r.get(SETTING)) : Optional.empty());
    }
  }

  /**
   * Reads one episode row's cells and offers it. An empty discharge cell is an open episode;
   * {@code setting} is empty when the input has no setting column (every episode psychiatric).
   */
  public static void offerEpisode(Assembler assembler, long row, String subject, String admissionDate,
      String dischargeDate, Optional<String> setting) {
    List<Violation> reasons = new ArrayList<>();
    if (subject.isEmpty()) {
      reasons.add(Violation.atCell(row, SUBJECT, "empty cell; a subject is required"));
    }
    LocalDate admission = Cells.date(row, ADMISSION_DATE, admissionDate, "an admission date", reasons);
    boolean open = dischargeDate.isEmpty();
    LocalDate discharge = open ? null : Cells.date(row, DISCHARGE_DATE, dischargeDate, "a discharge date", reasons);
    Setting counted = setting.isPresent() ? Cells.setting(row, SETTING, setting.get(), reasons) : Setting.PSYCHIATRIC;
    assembler.offerEpisode(row, subject, admission, discharge, open, counted, reasons);
  }
}
