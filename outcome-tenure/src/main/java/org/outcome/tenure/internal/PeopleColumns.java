package org.outcome.tenure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outcome.api.SubjectId;
import org.outcome.tenure.Person;

/**
 * People held as columns: the subject, the dates as days since the epoch and the group as a code
 * into the distinct groups. About 80 bytes a person with a short subject, where a {@link Person}
 * record with its dates and optionals takes several hundred; a person is made again on demand.
 */
final class PeopleColumns {
  private static final int NONE = Integer.MIN_VALUE;

  private SubjectId[] subject = new SubjectId[1024];
  private int[] index = new int[1024];
  private int[] end = new int[1024];
  private int[] death = new int[1024];
  private int[] group = new int[1024];
  private final List<String> groups = new ArrayList<>();
  private final Map<String, Integer> groupCodes = new HashMap<>();
  private int size;

  int size() {
    return size;
  }

  void add(Person person) {
    if (size == subject.length) {
      int capacity = size * 2;
      subject = Arrays.copyOf(subject, capacity);
      index = Arrays.copyOf(index, capacity);
      end = Arrays.copyOf(end, capacity);
      death = Arrays.copyOf(death, capacity);
      group = Arrays.copyOf(group, capacity);
    }
    subject[size] = person.subject();
    index[size] = day(person.indexDate());
    end[size] = person.endOfObservation().map(PeopleColumns::day).orElse(NONE);
    death[size] = person.death().map(PeopleColumns::day).orElse(NONE);
    group[size] = person.group().map(g -> groupCodes.computeIfAbsent(g, k -> {
      groups.add(k);
      return groups.size() - 1;
    })).orElse(-1);
    size++;
  }

  SubjectId subject(int i) {
    return subject[i];
  }

  /** Person {@code i}, equal to the one added. */
  Person person(int i) {
    return new Person(subject[i], LocalDate.ofEpochDay(index[i]), date(end[i]), date(death[i]),
        group[i] < 0 ? Optional.empty() : Optional.of(groups.get(group[i])));
  }

  /** Puts person {@code from} in place {@code to} (not after it), overwriting who was there. */
  void move(int from, int to) {
    subject[to] = subject[from];
    index[to] = index[from];
    end[to] = end[from];
    death[to] = death[from];
    group[to] = group[from];
  }

  /** Keeps the first {@code count} people and gives back unused capacity; no more are added. */
  void keepFirst(int count) {
    size = count;
    subject = Arrays.copyOf(subject, size);
    index = Arrays.copyOf(index, size);
    end = Arrays.copyOf(end, size);
    death = Arrays.copyOf(death, size);
    group = Arrays.copyOf(group, size);
  }

  private static int day(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  private static Optional<LocalDate> date(int day) {
    return day == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
  }
}
