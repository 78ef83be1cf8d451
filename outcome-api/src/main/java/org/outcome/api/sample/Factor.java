package org.outcome.api.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

/**
 * A categorical column (group, stratum, cluster): one level per row, coded as the index of the
 * row's level in {@link #levels()}. Immutable, with value equality (the same levels in the same
 * order and the same level on every row).
 *
 * <p>{@link #of(String...)} orders the levels as R's {@code factor()} does for the data the
 * library meets: numerically when every level is a number, otherwise by Unicode code point (R
 * sorts by the locale's collation, which agrees for ASCII letters of one case and digits).
 */
public final class Factor {
  /** A message lists the levels of a factor only up to this many; beyond, only their number. */
  public static final int LISTED_LEVELS = 10;

  /**
   * A grouping column with at least this many rows and a different value on every row is refused
   * by {@link #grouping}: it looks like an identifier.
   */
  public static final int IDENTIFIER_ROWS = 6;

  private final List<String> levels;
  private final int[] codes;

  private Factor(List<String> levels, int[] codes) {
    this.levels = levels;
    this.codes = codes;
  }

  /** A factor with levels sorted as R sorts them (see the class documentation). */
  public static Factor of(String... values) {
    Factor seen = inOrderOfAppearance(values);
    // sort the distinct levels only, each parsed once: never a comparison per row
    List<String> sorted = seen.levels.stream()
        .map(LevelKey::of)
        .sorted()
        .map(LevelKey::level)
        .toList();
    return seen.recoded(sorted);
  }

  /** A level with its numeric value parsed once, ordered as {@link #compareLevels}. */
  private record LevelKey(String level, Double number) implements Comparable<LevelKey> {
    static LevelKey of(String level) {
      return new LevelKey(level, parse(level));
    }

    @Override
    public int compareTo(LevelKey o) {
      return compare(level, number, o.level, o.number);
    }
  }

  /**
   * A factor for a grouping column of a data file (group, strata), levels sorted as {@link #of}:
   * the one place where the commands turn a column into groups. A column with a different value
   * on every row, once it has {@value #IDENTIFIER_ROWS} rows or more, is refused, since it looks
   * like an identifier (a subject column): grouping by it would print every subject.
   *
   * @param column the column's name, for the message (a name the user chose, not data)
   * @throws InvalidInputException if the column looks like an identifier
   */
  public static Factor grouping(String column, String... values) {
    Factor f = of(values);
    if (values.length >= IDENTIFIER_ROWS && f.levelCount() == values.length) {
      throw InvalidInputException.of("not a grouping column", Violation.at("column " + column,
          "column '" + column + "' has a different value on every row: it looks like an identifier, not a group"));
    }
    return f;
  }

  /**
   * The levels for a message: {@code [a, b]} when there are at most {@value #LISTED_LEVELS},
   * otherwise only how many ({@code 250 levels, not listed}), since a factor with many levels may
   * hold subject identifiers.
   */
  public static String describeLevels(List<String> levels) {
    return levels.size() <= LISTED_LEVELS ? levels.toString() : "(" + levels.size() + " levels, not listed)";
  }

  /** A factor whose levels are ordered as first seen in the data. */
  public static Factor inOrderOfAppearance(String... values) {
    Map<String, Integer> index = new HashMap<>();
    List<String> levels = new ArrayList<>();
    int[] codes = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      Integer code = index.get(values[i]);
      if (code == null) {
        code = levels.size();
        index.put(requireLevel(values[i]), code);
        levels.add(values[i]);
      }
      codes[i] = code;
    }
    return new Factor(List.copyOf(levels), codes);
  }

  /**
   * A factor with an explicit level order. Levels with no rows are kept (an empty group).
   *
   * @throws InvalidInputException if a value is not one of the levels
   */
  public static Factor withLevels(String[] values, List<String> levels) {
    List<String> lv = List.copyOf(levels);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < lv.size(); i++) {
      if (index.put(requireLevel(lv.get(i)), i) != null) {
        throw new IllegalArgumentException("level " + (i + 1) + " of the level order is listed twice");
      }
    }
    int[] codes = new int[values.length];
    Checks checks = new Checks("factor");
    for (int i = 0; i < values.length; i++) {
      Integer code = index.get(values[i]);
      if (code == null) {
        // the row's value is data (it may be an NHS number that landed in the wrong column): never quoted
        checks.add(Violation.atRow(i + 1L, "not one of the levels " + describeLevels(lv)));
      } else {
        codes[i] = code;
      }
    }
    checks.throwIfAny();
    return new Factor(lv, codes);
  }

  /**
   * This factor with {@code reference} as its first level and the other levels in their order, as
   * R's {@code relevel(f, ref = reference)}: the same rows, recoded. Analyses that use treatment
   * coding (ANCOVA, Cox, RMST differences) take the first level as the reference.
   *
   * @throws InvalidInputException if {@code reference} is not a level
   */
  public Factor relevel(String reference) {
    if (!levels.contains(reference)) {
      throw InvalidInputException.of("unknown reference level",
          Violation.at("reference", "'" + reference + "' is not one of the levels " + describeLevels(levels)));
    }
    List<String> order = new ArrayList<>(levels.size());
    order.add(reference);
    for (String level : levels) {
      if (!level.equals(reference)) {
        order.add(level);
      }
    }
    return recoded(order);
  }

  /**
   * This factor with its levels in the given order, as R's {@code factor(f, levels = order)} when
   * {@code order} lists every level once: the same rows, recoded.
   *
   * @throws InvalidInputException naming each level of {@code order} that is not a
   *     level of this factor, listed twice, or each level of this factor that {@code order} leaves out
   */
  public Factor withLevelOrder(List<String> order) {
    Checks checks = new Checks("level order");
    Set<String> known = new HashSet<>(levels);
    Set<String> seen = new HashSet<>();
    for (String level : order) {
      if (!known.contains(level)) {
        checks.add(Violation.at("levels", "'" + level + "' is not one of the levels " + describeLevels(levels)));
      } else if (!seen.add(level)) {
        checks.add(Violation.at("levels", "'" + level + "' is listed twice"));
      }
    }
    List<String> left = levels.stream().filter(level -> !seen.contains(level)).toList();
    if (left.size() > LISTED_LEVELS) {
      checks.add(Violation.at("levels", left.size() + " levels are missing from the order (not listed)"));
    } else {
      for (String level : left) {
        checks.add(Violation.at("levels", "level '" + level + "' is missing from the order"));
      }
    }
    checks.throwIfAny();
    return recoded(List.copyOf(order));
  }

  /** The same rows with the levels in a new order (a permutation of the current levels). */
  private Factor recoded(List<String> order) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    int[] newCode = new int[levels.size()];
    for (int old = 0; old < levels.size(); old++) {
      newCode[old] = position.get(levels.get(old));
    }
    int[] recoded = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      recoded[i] = newCode[codes[i]];
    }
    return new Factor(List.copyOf(order), recoded);
  }

  private static String requireLevel(String v) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("factor levels must not be blank");
    }
    return v;
  }

  /** Numeric order when both are numbers, else code-point order; numbers before text. */
  static int compareLevels(String a, String b) {
    return compare(a, parse(a), b, parse(b));
  }

  private static int compare(String a, Double x, String b, Double y) {
    if (x != null && y != null) {
      int c = Double.compare(x, y);
      return c != 0 ? c : a.compareTo(b);
    }
    if (x != null) {
      return -1;
    }
    if (y != null) {
      return 1;
    }
    return a.compareTo(b);
  }

  private static Double parse(String s) {
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The levels, in order. */
  public List<String> levels() {
    return levels;
  }

  /** The number of levels. */
  public int levelCount() {
    return levels.size();
  }

  /** The number of rows. */
  public int size() {
    return codes.length;
  }

  /** The code (level index) of a row. */
  public int code(int row) {
    return codes[row];
  }

  /** The level of a row. */
  public String level(int row) {
    return levels.get(codes[row]);
  }

  /** A copy of the codes. */
  public int[] codes() {
    return codes.clone();
  }

  /** The number of rows at each level, in level order. */
  public int[] counts() {
    int[] counts = new int[levels.size()];
    for (int c : codes) {
      counts[c]++;
    }
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Factor f && levels.equals(f.levels) && Arrays.equals(codes, f.codes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(levels, Arrays.hashCode(codes));
  }

  /**
   * The shape only, for example {@code Factor[2 levels, 40 rows]}: never a level, since the levels
   * of a cluster column may be subject identifiers.
   */
  @Override
  public String toString() {
    return "Factor[" + levels.size() + " levels, " + codes.length + " rows]";
  }
}
