package org.outcome.tenure;

import java.util.Locale;

/**
 * Something about a person's data that a reader of the results must know. Three flags exclude
 * the person from time to readmission (and from the 30/90-day flags, the survival sample and
 * bed-days saved): {@link #IN_HOSPITAL_ON_INDEX_DATE}, {@link #NO_FOLLOW_UP} and
 * {@link #REJECTED_EPISODES}. The others are information only.
 */
public enum TenureFlag {
  /**
   * A stay (after merging) was admitted on or before the index date and discharged after it, or
   * is still open: the person was not in the community at the start of follow-up. Excludes the
   * person from time to readmission.
   */
  IN_HOSPITAL_ON_INDEX_DATE(true),
  /**
   * Follow-up ends on the index date (death, end of observation or extraction on the index date):
   * zero days followed, so there is no time at risk. Excludes the person from time to
   * readmission.
   */
  NO_FOLLOW_UP(true),
  /**
   * One or more of the person's rows in the episodes file were rejected, so the person's
   * measures are computed from incomplete data. Excludes the person from time to readmission.
   */
  REJECTED_EPISODES(true),
  /** An episode has no discharge date: it runs to the end of follow-up. */
  OPEN_EPISODE(false),
  /**
   * Two counted episodes share a night (some night d has admission ≤ d &lt; discharge for both);
   * they are one stay, and the shared night is one bed-day.
   */
  OVERLAPPING_EPISODES(false),
  /** The person has a death date, and an episode is admitted or discharged after it, or is still open. */
  EPISODE_AFTER_DEATH(false);

  private final boolean excludes;

  TenureFlag(boolean excludes) {
    this.excludes = excludes;
  }

  /** Whether this flag excludes the person from time to readmission. */
  public boolean excludesFromTimeToReadmission() {
    return excludes;
  }

  /** The spelling used in output, for example {@code in_hospital_on_index_date}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
