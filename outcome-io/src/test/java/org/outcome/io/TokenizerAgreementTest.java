package org.outcome.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outcome.api.InvalidInputException;
import org.outcome.io.TableReader.Empty;

/**
 * The byte tokenizer behind {@link TableReader} and {@link CsvRecords} reads CSV as Jackson's CSV
 * parser does (the parser these readers used before, configured as they configured it: header row,
 * cells trimmed, blank lines skipped): the same cells in the same rows, and the same texts refused.
 * Checked on texts made of the pieces where CSV readers differ (quotes, doubled quotes, spaces and
 * tabs around cells, the three line endings, blank lines, lines of spaces, short and long rows,
 * non-ASCII letters), by both readers, whole and across chunk boundaries.
 */
class TokenizerAgreementTest {
  private static final String[] PIECES = {
      "a", "1", "2.5", " ", "\t", ",", ",", "\n", "\n", "\r\n", "\r", "\"", "\"\"", "\"x,y\"", "\"p\nq\"", "é", "x y",
      "\"a\"\"b\"", "  \n", "-"};

  @TempDir Path dir;

  /** What a reader made of a text: its cells per row, or that it refused the text, and at which row. */
  private record Outcome(List<List<String>> rows, String refusal) {}

  @Test
  void bothReadersSeeTheSameCellsOrRefuseTheSameTexts() {
    qt().withExamples(3000)
        .forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 40))
        .checkAssert(pieces -> {
          StringBuilder text = new StringBuilder("a,b,c\n");
          pieces.forEach(p -> text.append(PIECES[p]));
          agree(text.toString());
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b,c\n x ,\ty\t,z\n", "a,b,c\n  \n1,2,3\n", "a,b,c\n\t\n1,2,3\n", "a,b,c\nab\"c,2,3\n",
      "a,b,c\n\"x\"  ,2,3\n", "a,b,c\n\"x\"y,2,3\n", "a,b,c\r1,2,3\r4,5,6\r", "a,b,c\n\"x\ny\",2,3\n",
      "a,b,c\n1,2,3,\n", "a,b,c\n1\n", "a,b,c\n\"open,2,3\n", "a,b,c\n1,2,3\n\n\n4,5,6", "a,b,c\n\" x \",2,3\n",
      "\uFEFFa,b,c\n1,2,3\n", "a,b,c\n\"\",\"\",\"\"\n", "a,b,c\n1,2,3\n   "})
  void theEdgeCasesAgree(String text) {
    agree(text);
  }

  @Test
  void recordsThatCrossChunkBoundariesAreReadOnce() throws Exception {
    // quoted cells holding line breaks, around every one of many chunk boundaries
    StringBuilder text = new StringBuilder("a,b,c\n");
    int rows = 0;
    while (text.length() < 3 * (8 << 20) + 1000) {
      text.append(rows).append(",\"line\nbreak ").append(rows).append("\",").append(rows % 7 == 0 ? "" : "x").append('\n');
      rows++;
    }
    Path file = dir.resolve("big.csv");
    Files.writeString(file, text);
    Table t = TableReader.of(file).numeric("a").text("b").text("c", Empty.AS_MISSING).read();

    assertThat(t.rows()).isEqualTo(rows);
    double[] a = t.numeric("a");
    String[] b = t.text("b");
    for (int i = 0; i < rows; i++) {
      assertThat(a[i]).isEqualTo(i);
      assertThat(b[i]).isEqualTo("line\nbreak " + i);
    }
  }

  private static final CsvMapper JACKSON = CsvMapper.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  private void agree(String text) {
    Outcome expected = jackson(text);
    String shown = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    assertThat(table(text)).as("TableReader on %s", shown).isEqualTo(expected);
    assertThat(records(text)).as("CsvRecords on %s", shown).isEqualTo(expected);
  }

  /** Jackson's reading, with the two rules the readers add: a refused wide row, and the row numbers. */
  private static Outcome jackson(String text) {
    List<List<String>> rows = new ArrayList<>();
    long row = 0;
    try (MappingIterator<String[]> it = JACKSON.readerForArrayOf(String.class).readValues(text)) {
      String[] header = it.nextValue();
      header[0] = header[0].startsWith("\uFEFF") ? header[0].substring(1) : header[0];
      while (it.hasNextValue()) {
        String[] cells = it.nextValue();
        row++;
        if (cells.length > header.length) {
          return new Outcome(null, "row " + row);
        }
        List<String> padded = new ArrayList<>(List.of(cells));
        while (padded.size() < 3) {
          padded.add("");
        }
        rows.add(padded);
      }
      return new Outcome(rows, null);
    } catch (java.io.IOException e) {
      return new Outcome(null, "row " + (row + 1));
    }
  }

  private static Outcome records(String text) {
    List<List<String>> rows = new ArrayList<>();
    try (CsvRecords csv = CsvRecords.of(new StringReader(text), "file in.csv")) {
      for (CsvRecord r : csv) {
        rows.add(List.of(r.get("a"), r.get("b"), r.get("c")));
      }
      return new Outcome(rows, null);
    } catch (InvalidInputException e) {
      return new Outcome(null, e.violations().get(0).location());
    }
  }

  private Outcome table(String text) {
    try {
      Path file = dir.resolve("in.csv");
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
      Table t = TableReader.of(file).text("a", Empty.AS_MISSING).text("b", Empty.AS_MISSING)
          .text("c", Empty.AS_MISSING).read();
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < t.rows(); i++) {
        rows.add(List.of(t.text("a")[i], t.text("b")[i], t.text("c")[i]));
      }
      return new Outcome(rows, null);
    } catch (InvalidInputException e) {
      return new Outcome(null, e.violations().get(0).location());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
