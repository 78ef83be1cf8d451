package org.outcome.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsTextLeftAndNumbersRight() {
    StringWriter s = new StringWriter();
    new TextTable("group", "n", "mean").row("peer support", 40, 3.125).row("usual", 7, 12.5).print(new PrintWriter(s, true));

    assertThat(s.toString().lines()).containsExactly(
        "group          n   mean",
        "------------  --  -----",
        "peer support  40  3.125",
        "usual          7   12.5");
  }

  @Test
  void formatsNumbersToFourSignificantDigits() {
    assertThat(TextTable.number(1.58)).isEqualTo("1.58");
    assertThat(TextTable.number(0.00283289019738427)).isEqualTo("0.002833");
    assertThat(TextTable.number(4.06212768338204)).isEqualTo("4.062");
    assertThat(TextTable.number(671.710698479891)).isEqualTo("671.7");
    assertThat(TextTable.number(-11.8847686852305)).isEqualTo("-11.88");
    assertThat(TextTable.number(45)).isEqualTo("45");
    assertThat(TextTable.number(3.09929344104522e-05)).isEqualTo("3.099e-05");
    assertThat(TextTable.number(Double.NaN)).isEqualTo("NA");
    assertThat(TextTable.pValue(3.09929344104522e-05)).isEqualTo("< 0.0001");
  }
}
