package org.outcome.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an example program printed, and the numbers on its lines, so that a test can hold each
 * printed number against a reference value (R's, or a hand count) to the precision printed.
 */
final class Printed {
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?(?![\\w.])");

  private final String text;
  private final List<String> lines;

  private Printed(String text, List<String> lines) {
    this.text = text;
    this.lines = lines;
  }

  /** Runs a program with its output captured. */
  static Printed of(Consumer<PrintStream> program) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      program.accept(out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    return new Printed(text, text.lines().toList());
  }

  String text() {
    return text;
  }

  /**
   * The part of the output from the first line starting with {@code heading} on. Lines are matched
   * without their indentation and with each run of spaces read as one, so a label may name the
   * first cells of a table row ({@code "sign-test peer-support"}).
   */
  Printed from(String heading) {
    for (int i = 0; i < lines.size(); i++) {
      if (normal(lines.get(i)).startsWith(heading)) {
        List<String> rest = lines.subList(i, lines.size());
        return new Printed(String.join("\n", rest), rest);
      }
    }
    return fail("no line starts with '%s' in:%n%s", heading, text);
  }

  /** The first line starting with {@code label} (matched as in {@link #from}), without the label. */
  String line(String label) {
    for (String line : lines) {
      if (normal(line).startsWith(label)) {
        return normal(line).substring(label.length());
      }
    }
    return fail("no line starts with '%s' in:%n%s", label, text);
  }

  private static String normal(String line) {
    return line.strip().replaceAll(" +", " ");
  }

  /** The numbers printed on the line after {@code label}, as printed. */
  List<String> numbers(String label) {
    List<String> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(line(label));
    while (m.find()) {
      numbers.add(m.group());
    }
    return numbers;
  }

  /**
   * Checks that the numbers on a line are the reference values rounded as printed: each within
   * half a unit of its last printed digit (4 decimals, or 4 significant digits for p-values).
   */
  void assertNumbers(String label, double... reference) {
    List<String> printed = numbers(label);
    assertThat(printed).as("numbers on the line '%s'", label).hasSize(reference.length);
    for (int i = 0; i < reference.length; i++) {
      assertPrinted(printed.get(i), reference[i]);
    }
  }

  /** A printed number is the reference value rounded to the digits printed. */
  static void assertPrinted(String printed, double reference) {
    BigDecimal value = new BigDecimal(printed);
    double halfUnit = 0.5 * Math.pow(10, -value.scale());
    assertThat(Math.abs(value.doubleValue() - reference))
        .as("printed %s against the reference %s", printed, reference)
        .isLessThanOrEqualTo(halfUnit * (1 + 1e-9) + 1e-12);
  }
}
