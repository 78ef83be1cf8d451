package org.outcome.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class ByteLinesTest {
  /** Splits as BufferedReader would (\n and \r\n; no empty last line after a final \n). */
  static List<String> expected(String text) {
    return text.lines().toList();
  }

  static List<String> split(byte[] bytes, int chunk) {
    // a stream that hands out at most `chunk` bytes a read, so lines straddle every boundary
    InputStream in = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
    ByteLines lines = new ByteLines(in);
    List<String> out = new ArrayList<>();
    try {
      while (lines.next()) {
        out.add(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8));
        assertThat(lines.number()).isEqualTo(out.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void linesAreTheTextsLinesWhateverTheReadSizes() {
    qt().withExamples(300)
        .forAll(SourceDSL.lists().of(SourceDSL.strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 40)
                .map(s -> s.length() % 3 == 0 ? s + "\uD83D\uDE00" : s))   // with 4-byte UTF-8 now and then
                .ofSizeBetween(0, 30),
            Generate.booleans(), Generate.booleans(), Generate.range(1, 17))
        .checkAssert((parts, crlf, finalNewline, chunk) -> {
          String text = String.join(crlf ? "\r\n" : "\n", parts) + (finalNewline && !parts.isEmpty() ? "\n" : "");
          assertThat(split(text.getBytes(StandardCharsets.UTF_8), chunk)).isEqualTo(expected(text));
        });
  }

  @Test
  void aLineLongerThanTheBufferIsKeptWhole() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(split((longLine + "\nshort\n" + longLine).getBytes(StandardCharsets.UTF_8), 70_000))
        .containsExactly(longLine, "short", longLine);
    ByteLines lines = new ByteLines(new ByteArrayInputStream("first\n{\n  \"a\": 1\n}\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(lines.next()).isTrue();
    assertThat(lines.next()).isTrue();
    assertThat(new String(lines.rest(), StandardCharsets.UTF_8)).isEqualTo("{\n  \"a\": 1\n}\n");
    assertThat(lines.next()).isFalse();
  }
}
