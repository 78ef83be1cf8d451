package org.outcome.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
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
   * Writes to the destination: the command's standard output, or the {@code --output} file
   * (UTF-8), written whole or not at all. The file is written as a temporary file in the same
   * folder and moved over the destination once {@code body} has finished, so a run that fails
   * part-way leaves no partial file (and an earlier file as it was).
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void write(CommandLine commandLine, Consumer<PrintWriter> body) {
    if (output == null) {
      try (PrintWriter out = new PrintWriter(new NonClosingWriter(commandLine.getOut()))) {
        body.accept(out);
      }
      return;
    }
    Path target = output.toAbsolutePath();
    Path temp = target.resolveSibling("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    boolean moved = false;
    try {
      Files.createDirectories(target.getParent());
      try (PrintWriter out = new PrintWriter(new OutputStreamWriter(
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          StandardCharsets.UTF_8))) {
        body.accept(out);
        if (out.checkError()) { // PrintWriter keeps write failures (a full disk) to itself
          throw new IOException("writing failed");
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output, e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the failure that got us here says more
        }
      }
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
    write(commandLine, out -> {
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
    });
    if (format == Format.CSV && timing != null && timing.enabled()) {
      // CSV has no place for it: standard error, as the CSV commands' row counts
      commandLine.getErr().printf(Locale.ROOT, "timing: read %.3f s, analysis %.3f s%n",
          timing.readSeconds(), timing.analysisSeconds());
      commandLine.getErr().flush();
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
