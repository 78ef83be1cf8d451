package org.outcome.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import org.outcome.evaluation.report.EvaluationReport.InputAccount;
import org.outcome.evaluation.report.EvaluationReport.RejectedInput;

/** Collects the accounting of every input file an evaluation reads, in the order read. */
public final class Accounts {
  private final List<InputAccount> accounts = new ArrayList<>();
  private final List<RejectedInput> rejected = new ArrayList<>();

  void add(Accounting accounting) {
    accounts.add(accounting.account());
    rejected.addAll(accounting.rejectedRows());
  }

  /** Adds an account computed elsewhere (the tenure reader's). */
  void add(InputAccount account, List<RejectedInput> rows) {
    accounts.add(account);
    rejected.addAll(rows);
  }

  /** Adds the people and sessions files' accounting. */
  public void add(Participants participants) {
    add(participants.peopleAccount);
    participants.sessionsAccount.ifPresent(this::add);
  }

  /** Every file's accounting. */
  public List<InputAccount> accounts() {
    return List.copyOf(accounts);
  }

  /** Every rejected row. */
  public List<RejectedInput> rejected() {
    return List.copyOf(rejected);
  }
}
