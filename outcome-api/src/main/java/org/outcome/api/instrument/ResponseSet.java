package org.outcome.api.instrument;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.outcome.api.InstrumentId;

/**
 * One administration's answers, by item number, as given: nothing is validated here, so that an
 * {@link Instrument} can report every problem (unknown item, the same item twice, a value outside
 * the scale or not an integer, the wrong instrument or version) in one
 * {@link org.outcome.api.InvalidInputException}.
 *
 * <p>An item may be marked missing (an empty cell, a skipped question) or simply left out; both
 * mean the same to scoring. Values are held as {@code double} so that a non-integer answer reaches
 * the instrument and is reported, rather than being truncated on the way in.
 *
 * <p>Instances are immutable. Use {@link #builder(InstrumentId)} or {@link #complete}.
 */
public final class ResponseSet {
  private final InstrumentId instrument;
  private final Optional<String> version;
  private final int[] items;
  private final double[] values;
  private final boolean everyItem;

  private ResponseSet(InstrumentId instrument, Optional<String> version, int[] items, double[] values,
      boolean everyItem) {
    this.instrument = instrument;
    this.version = version;
    this.items = items;
    this.values = values;
    this.everyItem = everyItem;
  }

  /** Starts a response set for the given instrument. */
  public static Builder builder(InstrumentId instrument) {
    return new Builder(instrument);
  }

  /**
   * A response set answering items 1, 2, ... n with the given values, in order, and claiming that
   * these are all the instrument's items ({@link #claimsEveryItem()}): an instrument with more or
   * fewer items refuses it, naming both counts, rather than reading a short list as unanswered
   * items. For a partly answered form, use {@link #builder} with {@link Builder#missing(int)}.
   */
  public static ResponseSet complete(InstrumentId instrument, int... answers) {
    Builder builder = builder(instrument);
    for (int i = 0; i < answers.length; i++) {
      builder.answer(i + 1, answers[i]);
    }
    ResponseSet built = builder.build();
    return new ResponseSet(built.instrument, built.version, built.items, built.values, true);
  }

  /** The instrument these answers are for. */
  public InstrumentId instrument() {
    return instrument;
  }

  /** The instrument version the answers were collected with, when the source states it. */
  public Optional<String> version() {
    return version;
  }

  /** The number of entries (answers and missing marks), duplicates included. */
  public int size() {
    return items.length;
  }

  /**
   * Whether this set was made by {@link #complete}, which claims an answer to every item: scoring
   * refuses it when the instrument has another number of items.
   */
  public boolean claimsEveryItem() {
    return everyItem;
  }

  /**
   * The answer to item number {@code item} (as numbered on the form, from 1); empty when the item
   * is marked missing or has no entry. When an item has several entries (which scoring refuses),
   * the first.
   */
  public OptionalDouble answerTo(int item) {
    for (int i = 0; i < items.length; i++) {
      if (items[i] == item) {
        return Double.isNaN(values[i]) ? OptionalDouble.empty() : OptionalDouble.of(values[i]);
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * The item number of entry {@code index}: entries are counted from 0 in the order given, which
   * is not the item number ({@link #answerTo(int)} looks an answer up by item).
   *
   * @throws IndexOutOfBoundsException saying the range of entries
   */
  public int item(int index) {
    return items[entry(index)];
  }

  /**
   * The value of entry {@code index} (from 0, in the order given); {@code NaN} when the entry marks
   * the item missing.
   *
   * @throws IndexOutOfBoundsException saying the range of entries
   */
  public double value(int index) {
    return values[entry(index)];
  }

  /**
   * Whether entry {@code index} (from 0, in the order given) marks its item missing.
   *
   * @throws IndexOutOfBoundsException saying the range of entries
   */
  public boolean isMissing(int index) {
    return Double.isNaN(values[entry(index)]);
  }

  private int entry(int index) {
    if (index < 0 || index >= items.length) {
      throw new IndexOutOfBoundsException("entry " + index + " of a response set with " + items.length
          + " entries (0 to " + (items.length - 1) + "): entries are counted from 0 in the order given;"
          + " answerTo(item) looks an answer up by its item number");
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseSet other
        && instrument.equals(other.instrument)
        && version.equals(other.version)
        && Arrays.equals(items, other.items)
        && Arrays.equals(values, other.values)
        && everyItem == other.everyItem;
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrument, version, Arrays.hashCode(items), Arrays.hashCode(values), everyItem);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ResponseSet[").append(instrument);
    version.ifPresent(v -> sb.append(" v").append(v));
    for (int i = 0; i < items.length; i++) {
      sb.append(i == 0 ? ": " : ", ").append(items[i]).append('=');
      sb.append(Double.isNaN(values[i]) ? "missing" : formatValue(values[i]));
    }
    return sb.append(']').toString();
  }

  private static String formatValue(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Collects entries in order; not thread-safe; may build several response sets. */
  public static final class Builder {
    private final InstrumentId instrument;
    private Optional<String> version = Optional.empty();
    private int[] items = new int[32];
    private double[] values = new double[32];
    private int size;

    private Builder(InstrumentId instrument) {
      this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    /** States the instrument version the answers were collected with. */
    public Builder version(String version) {
      this.version = Optional.of(version);
      return this;
    }

    /** Records an answer to an item (validated when scored). */
    public Builder answer(int item, double value) {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("item " + item + ": use missing(item) for a missing answer");
      }
      return add(item, value);
    }

    /** Records that an item was not answered. */
    public Builder missing(int item) {
      return add(item, Double.NaN);
    }

    private Builder add(int item, double value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      items[size] = item;
      values[size] = value;
      size++;
      return this;
    }

    /** The response set so far. */
    public ResponseSet build() {
      return new ResponseSet(
          instrument, version, Arrays.copyOf(items, size), Arrays.copyOf(values, size), false);
    }
  }
}
