package org.outcome.tenure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A date of birth, a name or an NHS number in a date or setting column is rejected by row, column
 * and what is wrong; its content never appears in a message, whatever its shape.
 */
class TenureNoEchoTest {
  static final String A = TenureInputTest.A;
  static final TenureCalculator YEAR = TenureInputTest.YEAR;

  @Test
  void plantedValuesInDateAndSettingColumnsAreNotQuoted() {
    TenureResults results = TenureInputTest.read(YEAR, "subject,index_date\n" + A + ",02/03/1985\n"
            + "4010232137,Jane Smith\n9990001112,1985-02-30\n",
        "subject,admission_date,discharge_date,setting\n" + A + ",9434769999,2023-03-02,psychiatric\n"
            + A + ",2023-03-05,2023-03-06,Jane Smith\n");

    List<String> messages = TenureInputTest.messages(results);
    assertThat(messages).contains(
        "row 1, column index_date: a date in another form; write YYYY-MM-DD",
        "row 2, column index_date: 10 characters, not a date in the form YYYY-MM-DD",
        "row 3, column index_date: not a real calendar date (the month or the day is out of range)");
    assertThat(String.join("\n", messages)).doesNotContain("1985", "Jane", "9434769999", A);
  }

  /** Random text planted in the index date or the setting never appears in a message. */
  @Test
  void randomTextInADateOrASettingNeverAppearsInAMessage() {
    qt().withExamples(300)
        .forAll(strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(5, 20), integers().between(0, 1))
        .assuming((text, column) -> text.indexOf('"') < 0 && text.indexOf(',') < 0
            && !text.equalsIgnoreCase("psychiatric") && !text.equalsIgnoreCase("other"))
        .check((text, column) -> {
          String index = column == 0 ? text : "2023-01-01";
          String setting = column == 1 ? text : "psychiatric";
          TenureResults results = TenureInputTest.read(YEAR, "subject,index_date\n" + A + "," + index + "\n",
              "subject,admission_date,discharge_date,setting\n" + A + ",2023-03-01,2023-03-02," + setting + "\n");
          String all = String.join("\n", TenureInputTest.messages(results));
          return !all.isEmpty() && !all.contains(text)
              && all.contains(column == 0 ? "row 1, column index_date: " : "row 1, column setting: ");
        });
  }
}
