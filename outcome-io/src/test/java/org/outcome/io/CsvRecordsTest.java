package org.outcome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;

class CsvRecordsTest {
  @TempDir Path dir;

  private static List<CsvRecord> all(String text) {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecords csv = CsvRecords.of(new StringReader(text), "test input")) {
      csv.forEach(records::add);
    }
    return records;
  }

  @Test
  void readsRecordsByColumnNameWithRowNumbersAfterTheHeader() {
    List<CsvRecord> records = all("subject,q1,q2\nA, 3 ,\n\n\"B, jr\",\"4\",1\n");

    assertThat(records).hasSize(2);
    assertThat(records.get(0).row()).isEqualTo(1);
    assertThat(records.get(0).get("q1")).isEqualTo("3");
    assertThat(records.get(0).get("q2")).isEmpty();
    assertThat(records.get(0).optional("q2")).isEmpty();
    assertThat(records.get(1).row()).isEqualTo(2);
    assertThat(records.get(1).get("subject")).isEqualTo("B, jr");
  }

  @Test
  void stripsAByteOrderMarkFromAFile() throws Exception {
    Path file = dir.resolve("bom.csv");
    Files.write(file, "\uFEFFsubject,q1\nA,1\n".getBytes(StandardCharsets.UTF_8));

    try (CsvRecords csv = CsvRecords.open(file)) {
      assertThat(csv.header()).containsExactly("subject", "q1");
      assertThat(csv.iterator().next().get("subject")).isEqualTo("A");
    }
  }

  @Test
  void missingColumnsAreAllNamed() {
    try (CsvRecords csv = CsvRecords.of(new StringReader("subject,q1\n"), "file a.csv")) {
      assertThatThrownBy(() -> csv.requireColumns("subject", "timepoint", "q2"))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).hasSize(2))
          .hasMessageContaining("column timepoint: missing from the header; expected columns: subject, timepoint, q2")
          .hasMessageNotContaining("q1")
          .hasMessageContaining("column q2");
    }
  }

  @Test
  void duplicateOrUnnamedHeaderColumnsAreRejected() {
    assertThatThrownBy(() -> all("a,b,a,\n1,2,3,4\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 3 has the same name as column 1")
        .hasMessageContaining("column 4 has no name");
  }

  @Test
  void emptyInputIsRejected() {
    assertThatThrownBy(() -> all("")).hasMessageContaining("the file is empty");
  }

  @Test
  void recordWiderThanTheHeaderNamesTheRow() {
    assertThatThrownBy(() -> all("a,b\n1,2\n1,2,3\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2: has 3 cells but the header has 2 columns");
  }

  @Test
  void malformedQuotingNamesTheRow() {
    assertThatThrownBy(() -> all("a,b\n1,2\n\"3,4\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 2: malformed CSV");
  }

  @Test
  void missingFileIsTypedInvalidInput() {
    assertThatThrownBy(() -> CsvRecords.open(dir.resolve("nope.csv")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void invalidUtf8IsReported() throws Exception {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, new byte[] {'a', '\n', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> {
          try (CsvRecords csv = CsvRecords.open(file)) {
            csv.forEach(r -> { });
          }
        })
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid UTF-8");
  }
}
