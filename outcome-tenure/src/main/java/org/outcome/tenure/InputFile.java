package org.outcome.tenure;

import java.util.Locale;

/** The two inputs of community tenure, as named in rejections. */
public enum InputFile {
  /** One row per person: {@code subject,index_date[,end_date][,death_date][,group]}. */
  PEOPLE,
  /** One row per hospital episode: {@code subject,admission_date,discharge_date[,setting]}. */
  EPISODES;

  /** {@code people} or {@code episodes}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
