package org.outcome.api.plugin;

/** The evaluation designs peer-support studies use. */
public enum Design {
  /** The same people measured at baseline and follow-up. */
  BEFORE_AND_AFTER,
  /** A peer-support group against concurrent, consecutive-cohort or historical controls. */
  COMPARISON_GROUP,
  /** Time to an event (readmission) with censoring. */
  SURVIVAL
}
