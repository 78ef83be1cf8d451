package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outcome.api.Violation;
import org.outcome.evaluation.report.EvaluationReport.InputAccount;
import org.outcome.evaluation.report.EvaluationReport.RejectedInput;

/** Counts one input file's rows and keeps every rejected row with its reasons. */
final class Accounting {
  private final String file;
  private long read;
  private long rejected;
  private final List<RejectedInput> rows = new ArrayList<>();
  private Optional<String> note = Optional.empty();

  Accounting(String file) {
    this.file = file;
  }

  void read() {
    read++;
  }

  void read(long rows) {
    read += rows;
  }

  void reject(long row, List<String> reasons) {
    rejected++;
    rows.add(new RejectedInput(file, row, reasons));
  }

  void reject(long row, String reason) {
    reject(row, List.of(reason));
  }

  void rejectViolations(long row, List<Violation> reasons) {
    reject(row, reasons.stream().map(Violation::toString).toList());
  }

  void note(String text) {
    note = Optional.of(text);
  }

  InputAccount account() {
    return new InputAccount(file, read, read - rejected, rejected, note);
  }

  List<RejectedInput> rejectedRows() {
    return List.copyOf(rows);
  }
}
