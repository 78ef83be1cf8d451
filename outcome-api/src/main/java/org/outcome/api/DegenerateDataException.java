package org.outcome.api;

/**
 * The input is valid but an analysis cannot give a meaningful number on it: fewer than two
 * observations, zero variance, a group with no members, no events, collinear covariates. The
 * message says what is degenerate and what to do about it; the two parts are also available
 * separately for reports. Its {@link #summary()} is always {@code "cannot analyse these data"}.
 */
public final class DegenerateDataException extends OutcomeException {
  private static final long serialVersionUID = 1L;
  private static final String SUMMARY = "cannot analyse these data";

  private final String problem;
  private final String remedy;

  /**
   * @param problem what is degenerate, for example {@code "all 12 differences are zero"}
   * @param remedy what the user can do, for example {@code "there is no change to test"}
   */
  public DegenerateDataException(String problem, String remedy) {
    super(SUMMARY, problem + " (" + remedy + ")");
    this.problem = problem;
    this.remedy = remedy;
  }

  /**
   * No row is left once the rows missing a value are left out ({@code na.omit}): the table is
   * empty, or every one of its rows misses a value in a column the analysis uses.
   *
   * @param where the table, for the message: {@code "file"}, {@code "table"}
   * @param rows the rows read
   */
  public static DegenerateDataException noCompleteRow(String where, long rows) {
    return new DegenerateDataException(rows == 0 ? "the " + where + " has no rows"
        : "every row (" + rows + ") has a missing value in a column the analysis uses",
        "give at least one row with a value in every column the analysis uses");
  }

  /** What is degenerate about the data. */
  public String problem() {
    return problem;
  }

  /** What the user can do about it. */
  public String remedy() {
    return remedy;
  }
}
