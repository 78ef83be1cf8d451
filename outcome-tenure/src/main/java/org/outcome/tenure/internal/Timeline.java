package org.outcome.tenure.internal;

/**
 * The numerical engine of community tenure: one person's episodes, as sorted {@code long} keys,
 * turned into bed-days, stays and readmissions in one pass each. Dates are epoch days
 * ({@link java.time.LocalDate#toEpochDay()}); an open episode's discharge is {@link #OPEN}.
 *
 * <p>A key packs an episode's admission (high 32 bits, signed) and discharge (low 32 bits, with the
 * sign bit flipped so that unsigned order is signed order), so that sorting keys sorts episodes by
 * admission, then discharge.
 */
public final class Timeline {
  /** The discharge of an open episode: later than every date. */
  public static final int OPEN = Integer.MAX_VALUE;
  /** "No such date" (no death, no readmission). */
  public static final int NONE = Integer.MIN_VALUE;

  private Timeline() {}

  /** The sort key of an episode. */
  public static long key(int admission, int discharge) {
    return ((long) admission << 32) | Integer.toUnsignedLong(discharge ^ Integer.MIN_VALUE);
  }

  /** The admission (epoch day) of a key. */
  public static int admission(long key) {
    return (int) (key >> 32);
  }

  /** The discharge (epoch day, or {@link #OPEN}) of a key. */
  public static int discharge(long key) {
    return ((int) key) ^ Integer.MIN_VALUE;
  }

  /**
   * What one person's episodes give over a follow-up interval.
   *
   * @param bedDays hospital nights {@code d} with {@code index <= d < end}
   * @param readmissions stays admitted after the index date and on or before the end of follow-up
   * @param firstReadmission the admission day of the first of them, or {@link #NONE}
   * @param mergedStays stays made of two or more episodes (over all the episodes given)
   * @param inHospitalOnIndex some stay is admitted on or before the index day and discharged after it (or open)
   * @param open some episode is open
   * @param overlap two episodes share a night
   * @param afterDeath a death day was given and some episode is admitted or discharged after it, or is open
   * @param readmissionStays the readmissions' admission and discharge days ({@link #OPEN} while open),
   *     in pairs, in order
   */
  public record Measures(int bedDays, int readmissions, int firstReadmission, int mergedStays,
      boolean inHospitalOnIndex, boolean open, boolean overlap, boolean afterDeath, int[] readmissionStays) {}

  /**
   * Measures a person's episodes.
   *
   * @param keys episode keys; {@code keys[from..to)} sorted ascending
   * @param index the index day (day 0)
   * @param end the last day of follow-up, {@code >= index}
   * @param gap the largest gap in days between a stay's discharge and the next admission that joins it
   * @param death the day of death, or {@link #NONE}
   */
  public static Measures measure(long[] keys, int from, int to, int index, int end, int gap, int death) {
    // Bed-days: the union of the half-open intervals [admission, discharge), clipped to [index, end).
    long bedDays = 0;
    long runStart = 0;
    long runEnd = Long.MIN_VALUE;
    // Stays: episodes joined while admission <= stay discharge + gap.
    long stayStart = 0;
    long stayEnd = Long.MIN_VALUE;
    int stayEpisodes = 0;
    int readmissions = 0;
    int first = NONE;
    int merged = 0;
    boolean inHospital = false;
    boolean open = false;
    boolean overlap = false;
    boolean afterDeath = false;
    int[] stays = new int[2 * (to - from)];
    for (int i = from; i < to; i++) {
      long a = admission(keys[i]);
      int dischargeDay = discharge(keys[i]);
      long d = dischargeDay == OPEN ? Long.MAX_VALUE : dischargeDay;
      open |= dischargeDay == OPEN;
      if (death != NONE && (a > death || d > death)) {
        afterDeath = true;
      }
      if (a <= runEnd) {
        overlap |= a < runEnd && a < d;
        runEnd = Math.max(runEnd, d);
      } else {
        bedDays += nightsWithin(runStart, runEnd, index, end);
        runStart = a;
        runEnd = d;
      }
      if (stayEpisodes > 0 && (stayEnd == Long.MAX_VALUE || a <= stayEnd + gap)) {
        stayEnd = Math.max(stayEnd, d);
        stayEpisodes++;
      } else {
        if (stayEpisodes > 0) {
          inHospital |= stayStart <= index && stayEnd > index;
          if (stayStart > index && stayStart <= end) {
            stays[2 * readmissions] = (int) stayStart;
            stays[2 * readmissions + 1] = stayEnd == Long.MAX_VALUE ? OPEN : (int) stayEnd;
            readmissions++;
            first = first == NONE ? (int) stayStart : first;
          }
          merged += stayEpisodes > 1 ? 1 : 0;
        }
        stayStart = a;
        stayEnd = d;
        stayEpisodes = 1;
      }
    }
    bedDays += nightsWithin(runStart, runEnd, index, end);
    if (stayEpisodes > 0) {
      inHospital |= stayStart <= index && stayEnd > index;
      if (stayStart > index && stayStart <= end) {
        stays[2 * readmissions] = (int) stayStart;
        stays[2 * readmissions + 1] = stayEnd == Long.MAX_VALUE ? OPEN : (int) stayEnd;
        readmissions++;
        first = first == NONE ? (int) stayStart : first;
      }
      merged += stayEpisodes > 1 ? 1 : 0;
    }
    return new Measures(Math.toIntExact(bedDays), readmissions, first, merged, inHospital, open, overlap, afterDeath,
        java.util.Arrays.copyOf(stays, 2 * readmissions));
  }

  /** The nights of [start, stop) that fall in [index, end); zero for an empty run. */
  private static long nightsWithin(long start, long stop, long index, long end) {
    long lo = Math.max(start, index);
    long hi = Math.min(stop, end);
    return hi > lo ? hi - lo : 0;
  }

  /**
   * The stays formed from sorted keys: for each stay, {admission, discharge (or OPEN), episode
   * count}.
   */
  public static int[][] stays(long[] keys, int from, int to, int gap) {
    int[][] out = new int[to - from][];
    int n = 0;
    long stayEnd = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      long a = admission(keys[i]);
      int dischargeDay = discharge(keys[i]);
      long d = dischargeDay == OPEN ? Long.MAX_VALUE : dischargeDay;
      if (n > 0 && (stayEnd == Long.MAX_VALUE || a <= stayEnd + gap)) {
        stayEnd = Math.max(stayEnd, d);
        int[] stay = out[n - 1];
        stay[1] = stayEnd == Long.MAX_VALUE ? OPEN : (int) stayEnd;
        stay[2]++;
      } else {
        out[n++] = new int[] {(int) a, dischargeDay, 1};
        stayEnd = d;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
