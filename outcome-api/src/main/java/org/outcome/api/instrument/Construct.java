package org.outcome.api.instrument;

/** What an instrument measures, in the terms peer-support evaluations report. */
public enum Construct {
  EMPOWERMENT,
  CONFIDENCE,
  QUALITY_OF_LIFE,
  WELLBEING,
  RECOVERY,
  OTHER
}
