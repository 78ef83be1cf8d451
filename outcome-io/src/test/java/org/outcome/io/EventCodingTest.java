package org.outcome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.io.EventCoding.Code;

class EventCodingTest {
  @Test
  void zeroOneAsR() {
    // R: Surv(1:4, c(0, 1, NA, 1))$status is 0 1 NA 1
    EventCoding.Decoded d = EventCoding.decode("status", new String[] {"0", "1", "", "1.0"});
    assertThat(d.coding()).isEqualTo(EventCoding.ZERO_ONE);
    assertThat(d.events()).containsExactly(false, true, false, true);
  }

  @Test
  void oneTwoAsInLung() {
    // R: Surv(lung$time, lung$status) with status 1 = censored, 2 = dead: Surv(1:3, c(2, 1, 2))[, 2] is 1 0 1
    EventCoding.Decoded d = EventCoding.decode("status", new String[] {"2", "1", "2"});
    assertThat(d.coding()).isEqualTo(EventCoding.ONE_TWO);
    assertThat(d.events()).containsExactly(true, false, true);
    // R: Surv(1:2, c(2, 2))[, 2] is 1 1 (the largest value is 2); Surv(1:2, c(1, 1))[, 2] is 1 1
    assertThat(EventCoding.decode("s", new String[] {"2", "2"}).events()).containsExactly(true, true);
    assertThat(EventCoding.decode("s", new String[] {"1", "1"}).events()).containsExactly(true, true);
    assertThat(EventCoding.decode("s", new String[] {"1", "1"}).coding()).isEqualTo(EventCoding.ZERO_ONE);
  }

  @Test
  void logicalAsReadCsvReadsIt() {
    // R: read.csv reads TRUE/True/true/T as TRUE; Surv(1:4, c(TRUE, FALSE, TRUE, FALSE))[, 2] is 1 0 1 0
    EventCoding.Decoded d = EventCoding.decode("died", new String[] {"TRUE", "False", "true", "F", "T"});
    assertThat(d.coding()).isEqualTo(EventCoding.LOGICAL);
    assertThat(d.events()).containsExactly(true, false, true, false, true);
    assertThat(d.coding().rule()).isEqualTo("TRUE/FALSE (TRUE event, FALSE censored)");
  }

  @Test
  void aValueThatIsNoCodeIsRefusedInOneLineWithTheFirstRows() {
    String[] cells = new String[200];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = i % 3 == 0 ? "dead-0123456789" : "1";
    }
    assertThatThrownBy(() -> EventCoding.decode("status", cells))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(Violation::toString).containsExactly("column status: 67 rows have a"
              + " value that is not an event code (0/1, 1/2 or TRUE/FALSE, as R's Surv reads): rows 1, 4, 7, 10,"
              + " 13 and 62 more");
          assertThat(e.getMessage()).doesNotContain("dead").doesNotContain("0123");
        });
  }

  @Test
  void mixedCodingsAreRefusedNamingEachCode() {
    // R: Surv(1:4, c(0, 1, 2, 2)) turns the 0 into NA with a warning ("Invalid status value,
    // converted to NA") and drops its row; here the column is refused
    assertThatThrownBy(() -> EventCoding.decode("status", new String[] {"0", "1", "2", "2", "TRUE"}))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly("column status: the codes mix codings: 0 on 1 row (1), 1 on 1 row (2), 2 on 2 rows"
                + " (3, 4), TRUE on 1 row (5); use one of 0/1, 1/2 or TRUE/FALSE"));
  }

  @Test
  void everySetOfCodesHasACodingExactlyWhenOneCodingHoldsThemAll() {
    for (int bits = 0; bits < 1 << Code.values().length; bits++) { // all 32 sets: exhaustive
      EnumSet<Code> present = EnumSet.noneOf(Code.class);
      for (Code c : Code.values()) {
        if ((bits & (1 << c.ordinal())) != 0) {
          present.add(c);
        }
      }
      boolean fits = EnumSet.of(Code.ZERO, Code.ONE).containsAll(present)
          || EnumSet.of(Code.ONE, Code.TWO).containsAll(present)
          || EnumSet.of(Code.FALSE, Code.TRUE).containsAll(present);
      assertThat(EventCoding.of(present).isPresent()).as("%s", present).isEqualTo(fits);
      EventCoding.of(present).ifPresent(coding -> {
        // exactly one code is the coding's event; the coding is R's choice for these codes
        assertThat(EnumSet.allOf(Code.class).stream().filter(coding::isEvent).toList()).hasSize(1);
        assertThat(coding).isEqualTo(present.contains(Code.TWO) ? EventCoding.ONE_TWO
            : present.contains(Code.TRUE) || present.contains(Code.FALSE) ? EventCoding.LOGICAL : EventCoding.ZERO_ONE);
      });
    }
  }
}
