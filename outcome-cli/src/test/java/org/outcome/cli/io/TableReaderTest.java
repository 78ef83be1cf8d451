package org.outcome.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;

class TableReaderTest {
  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsRequestedColumnsInRowOrder() throws Exception {
    Table t = TableReader.of(csv("id,before,after,group,event\nx,1.5,2,peer,1\ny,3,,usual,0\n"))
        .numeric("before").numeric("after", TableReader.Empty.AS_MISSING).text("group").binary("event").read();

    assertThat(t.rows()).isEqualTo(2);
    assertThat(t.numeric("before")).containsExactly(1.5, 3);
    assertThat(t.numeric("after")[0]).isEqualTo(2);
    assertThat(t.numeric("after")[1]).isNaN();
    assertThat(t.text("group")).containsExactly("peer", "usual");
    assertThat(t.binary("event")).containsExactly(true, false);
  }

  @Test
  void everyBadCellIsNamedByRowAndColumn() throws Exception {
    Path file = csv("before,after,event\n1,abc,1\n,2,2\nInf,3,0\n");

    assertThatThrownBy(() -> TableReader.of(file).numeric("before").numeric("after").binary("event").read())
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::toString)
            .containsExactly(
                "row 1, column after: 'abc' is not a finite number",
                "row 2, column before: empty cell; a number is required",
                "row 2, column event: '2' is not 0 or 1",
                "row 3, column before: 'Inf' is not a finite number"));
  }

  @Test
  void missingColumnsAreNamed() throws Exception {
    Path file = csv("before\n1\n");

    assertThatThrownBy(() -> TableReader.of(file).numeric("before").numeric("after").read())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column after: missing from the header [before]");
  }
}
