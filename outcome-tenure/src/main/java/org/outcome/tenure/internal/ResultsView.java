package org.outcome.tenure.internal;

import java.util.AbstractList;
import java.util.BitSet;
import java.util.Objects;
import java.util.RandomAccess;
import org.outcome.tenure.Person;
import org.outcome.tenure.TenureOptions;
import org.outcome.tenure.TenureResult;

/**
 * The results of a batch, each computed when it is read from the people (held as columns) and
 * their grouped, sorted episode keys, so that a batch holds about 80 bytes a person and 8 an
 * episode instead of every result. Reading an element twice gives equal results. Unmodifiable,
 * and safe to read from several threads.
 */
public final class ResultsView extends AbstractList<TenureResult> implements RandomAccess {
  private final PeopleColumns people;
  private final TenureOptions options;
  private final long[] grouped;
  private final int[] start;
  private final BitSet rejectedEpisodes;

  ResultsView(PeopleColumns people, TenureOptions options, long[] grouped, int[] start, BitSet rejectedEpisodes) {
    this.people = people;
    this.options = options;
    this.grouped = grouped;
    this.start = start;
    this.rejectedEpisodes = (BitSet) rejectedEpisodes.clone();
  }

  @Override
  public TenureResult get(int i) {
    Objects.checkIndex(i, size());
    Person person = people.person(i);
    return PersonTenure.compute(person, FollowUp.of(person, options).orElseThrow(), grouped, start[i], start[i + 1],
        options.gapDays(), rejectedEpisodes.get(i));
  }

  @Override
  public int size() {
    return people.size();
  }
}
