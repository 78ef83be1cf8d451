package org.outcome.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts that add up to a total, published so that differencing pins none of them. */
class DisclosureTest {
  private static final long ANY = Long.MAX_VALUE / 4;
  private final Disclosure nhs = new Disclosure(DisclosurePolicy.of(Suppression.nhsDefault()));

  private static SuppressedCount exact(long v) {
    return SuppressedCount.shown(v);
  }

  private static List<String> texts(List<SuppressedCount> counts) {
    return counts.stream().map(SuppressedCount::text).toList();
  }

  @Test
  void aRowWhoseRoundingsLineUpHidesAnotherReason() {
    // 32 enrolled (shown 30, so 28 to 32), 23 included (25: 23 to 27), 1 missing baseline (*), 8
    // missing follow-up (10: 8 to 12): baseline <= 32 - 23 - 8 = 1 and follow-up <= 32 - 23 - 1 = 8
    // pin both; with follow-up shown as * too, baseline is 1 to 8 and follow-up 1 to 8
    List<SuppressedCount> shown = nhs.parts(exact(32), List.of(exact(23), exact(1), exact(8)), 1);
    assertThat(texts(shown)).containsExactly("25", "*", "*");
  }

  @Test
  void aRowThatGivesNothingAwayIsPublishedByTheCountRule() {
    // 30 = 20 + 4 + 6: shown 30, 20, *, *; the two stars add up to 6 to 14, each is 1 to 7
    assertThat(texts(nhs.parts(exact(30), List.of(exact(20), exact(4), exact(6)), 1)))
        .containsExactly("20", "*", "*");
    // 50 = 31 + 19 (shown 50, 30, 20): each part is its own 29 to 33 and 17 to 21
    assertThat(texts(nhs.parts(exact(50), List.of(exact(31), exact(19)), 0))).containsExactly("30", "20");
    // parts that do not add up to the total have no relation to protect
    assertThat(texts(nhs.parts(exact(40), List.of(exact(23), exact(1), exact(8)), 1)))
        .containsExactly("25", "*", "10");
  }

  @Test
  void zerosStayAndTheTotalIsProtectedToo() {
    // 27 people = 8 + 18 + 1 (shown 25, 10, 20, *): 27 <= 10 + 20 + 7 - ... pins people at 27, readmitted
    // at 8, not readmitted at 18 and unknown at 1; hiding the largest shown part frees them all
    List<SuppressedCount> shown = nhs.parts(exact(27), List.of(exact(8), exact(18), exact(1)), 0);
    assertThat(texts(shown)).containsExactly("10", "*", "*");
    assertThat(pinned(27, List.of(8L, 18L, 1L), shown)).isFalse();
    assertThat(texts(nhs.parts(exact(12), List.of(exact(12), exact(0)), 0))).containsExactly("10", "0");
  }

  @Test
  void theAsTreatedRowIsProtectedOnTheNumberWhoMetTheDoseRuleToo() {
    // as treated: 40 enrolled = 13 included + 18 below the dose + 1 missing baseline + 8 missing
    // follow-up, and the 22 who met the dose rule (published in the groups section, shown 20, so 18
    // to 22) = 13 (15: 13 to 17) + 1 (*) + 8 (10: 8 to 12): baseline <= 22 - 13 - 8 = 1
    List<SuppressedCount> parts = List.of(exact(13), exact(18), exact(1), exact(8));
    Disclosure.Sum enrolled = new Disclosure.Sum(exact(40), new int[] {0, 1, 2, 3});
    Disclosure.Sum metTheRule = new Disclosure.Sum(exact(22), new int[] {0, 2, 3});
    assertThat(texts(nhs.parts(parts, 1, List.of(enrolled)))).containsExactly("15", "20", "*", "10");
    assertThat(texts(nhs.parts(parts, 1, List.of(enrolled, metTheRule)))).containsExactly("15", "20", "*", "*");
  }

  @Test
  void noPublishedRowLetsDifferencingPinACount() {
    qt().withExamples(3000).forAll(lists().of(integers().between(0, 40)).ofSizeBetween(2, 5), integers().between(0, 1))
        .checkAssert((parts, fixed) -> {
          List<Long> exact = parts.stream().map(Integer::longValue).toList();
          long total = exact.stream().mapToLong(Long::longValue).sum();
          List<SuppressedCount> shown = nhs.parts(exact(total), exact.stream().map(DisclosureTest::exact).toList(),
              fixed);
          for (int k = 0; k < exact.size(); k++) {
            SuppressedCount rule = Suppression.nhsDefault().apply(exact.get(k));
            // a part is only ever hidden, never shown otherwise than the count rule shows it
            assertThat(shown.get(k).hidden() || shown.get(k).equals(rule)).isTrue();
            if (k < fixed || rule.hidden() || exact.get(k) == 0) {
              assertThat(shown.get(k)).isEqualTo(rule);
            }
          }
          boolean nothingLeftToHide = true;
          for (int k = fixed; k < exact.size(); k++) {
            nothingLeftToHide &= exact.get(k) == 0 || shown.get(k).hidden();
          }
          assertThat(pinned(total, exact, shown) && !nothingLeftToHide).as("%s of %d shown %s", exact, total,
              texts(shown)).isFalse();
        });
  }

  @Test
  void noRowWithASecondSumLetsDifferencingPinACount() {
    // the parts add up to the total, and the first with some of the others to a second total
    qt().withExamples(3000).forAll(lists().of(integers().between(0, 40)).ofSizeBetween(3, 5), integers().between(1, 15))
        .checkAssert((parts, mask) -> {
          List<Long> exact = parts.stream().map(Integer::longValue).toList();
          List<Integer> subset = new java.util.ArrayList<>(List.of(0));
          for (int k = 1; k < exact.size(); k++) {
            if ((mask >> (k - 1) & 1) == 1) {
              subset.add(k);
            }
          }
          long total = exact.stream().mapToLong(Long::longValue).sum();
          long subTotal = subset.stream().mapToLong(exact::get).sum();
          List<SuppressedCount> shown = nhs.parts(exact.stream().map(DisclosureTest::exact).toList(), 1, List.of(
              new Disclosure.Sum(exact(total), java.util.stream.IntStream.range(0, exact.size()).toArray()),
              new Disclosure.Sum(exact(subTotal), subset.stream().mapToInt(Integer::intValue).toArray())));
          boolean nothingLeftToHide = true;
          for (int k = 1; k < exact.size(); k++) {
            nothingLeftToHide &= exact.get(k) == 0 || shown.get(k).hidden();
          }
          boolean pinned = pinned(total, exact, shown) || pinned(subTotal, subset.stream().map(exact::get).toList(),
              subset.stream().map(shown::get).toList());
          assertThat(pinned && !nothingLeftToHide).as("%s, %s of them; shown %s", exact, subset, texts(shown))
              .isFalse();
        });
  }

  /**
   * The attack, written out independently: a * read as 1 to 7 or as any count of 1 or more, a
   * rounded c as c - 2 to c + 2 (never below 8); a count is pinned when the others leave one value.
   */
  private static boolean pinned(long total, List<Long> exact, List<SuppressedCount> shown) {
    for (long hiddenMax : new long[] {7, ANY}) {
      long[] t = read(Suppression.nhsDefault().apply(total), hiddenMax);
      long lo = 0;
      long hi = 0;
      for (SuppressedCount s : shown) {
        lo += read(s, hiddenMax)[0];
        hi = Math.min(ANY, hi + read(s, hiddenMax)[1]);
      }
      if (t[0] < t[1] && Math.max(t[0], lo) == total && Math.min(t[1], hi) == total) {
        return true;
      }
      for (int k = 0; k < shown.size(); k++) {
        long[] own = read(shown.get(k), hiddenMax);
        long othersHi = hi >= ANY ? ANY : hi - own[1];
        long from = Math.max(own[0], othersHi >= ANY ? Long.MIN_VALUE : t[0] - othersHi);
        long to = Math.min(own[1], t[1] - (lo - own[0]));
        if (own[0] < own[1] && from == exact.get(k) && to == exact.get(k)) {
          return true;
        }
      }
    }
    return false;
  }

  private static long[] read(SuppressedCount s, long hiddenMax) {
    if (s.hidden()) {
      return new long[] {1, hiddenMax};
    }
    long c = s.value().getAsLong();
    return c == 0 ? new long[] {0, 0} : new long[] {Math.max(8, c - 2), c + 2};
  }
}
