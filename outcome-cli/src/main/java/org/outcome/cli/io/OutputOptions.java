package org.outcome.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.outcome.cli.io.NonClosingWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code --format} and {@code --output} options every command shares, and the writing of a
 * {@link Rendering} in the chosen format.
 */
public final class OutputOptions {
  @Option(names = "--format", paramLabel = "text|json|csv",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
  Path output;

  /** The chosen format. */
  public Format format() {
    return format;
  }

  /**
   * Checks that the chosen format is one the command offers.
   *
   * @throws CommandLine.ParameterException (a usage error, exit 2) otherwise
   */
  public void requireOneOf(CommandLine commandLine, Format... offered) {
    Set<Format> allowed = EnumSet.noneOf(Format.class);
    allowed.addAll(Set.of(offered));
    if (!allowed.contains(format)) {
      throw new CommandLine.ParameterException(commandLine, "--format " + format.name().toLowerCase(Locale.ROOT)
          + " is not available for this command; use one of " + allowed.toString().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Opens the destination: the {@code --output} file (UTF-8), or the command's standard output.
   * Close the writer when done; closing it does not close standard output.
   */
  public PrintWriter open(CommandLine commandLine) {
    if (output == null) {
      return new PrintWriter(new NonClosingWriter(commandLine.getOut()));
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      OutputStream stream = Files.newOutputStream(output);
      return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output, e);
    }
  }

  /**
   * Writes a rendering in the chosen format, with the timing when {@code --timing} was given.
   *
   * @throws CommandLine.ParameterException if CSV was asked for and the rendering has none
   */
  public void emit(CommandLine commandLine, Rendering rendering, TimingOptions timing) {
    if (format == Format.CSV && rendering.csv().isEmpty()) {
      requireOneOf(commandLine, Format.TEXT, Format.JSON);
    }
    try (PrintWriter out = open(commandLine)) {
      switch (format) {
        case JSON -> writeJson(out, rendering.json(), timing);
        case CSV -> rendering.csv().<Consumer<PrintWriter>>map(c -> c).orElseThrow().accept(out);
        case TEXT -> {
          rendering.text(out);
          if (timing != null && timing.enabled()) {
            out.printf(Locale.ROOT, "%nTiming: read %.3f s, analysis %.3f s%n",
                timing.readSeconds(), timing.analysisSeconds());
          }
        }
      }
    }
  }

  /** Writes a JSON document, adding {@code timing} to an object when {@code --timing} was given. */
  public static void writeJson(PrintWriter out, Object document, TimingOptions timing) {
    JsonNode tree = Json.MAPPER.valueToTree(document);
    if (timing != null && timing.enabled() && tree instanceof ObjectNode object) {
      ObjectNode t = object.putObject("timing");
      t.put("readSeconds", timing.readSeconds());
      t.put("analysisSeconds", timing.analysisSeconds());
    }
    try {
      Json.MAPPER.writeValue(new NonClosingWriter(out), tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
