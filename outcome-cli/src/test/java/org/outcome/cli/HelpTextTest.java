package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * {@code --help} of the root and of every subcommand: each command list shows every subcommand's
 * whole one-sentence summary (picocli lists only the first description line, or the header when
 * there is one, so that line must be a sentence by itself), and no line is wider than the usage
 * width, neither as printed nor as written (so picocli never has to break one).
 */
class HelpTextTest {
  /** Every command, the root first, found by walking picocli's subcommands. */
  static Stream<CommandLine> everyCommand() {
    List<CommandLine> all = new ArrayList<>();
    collect(Main.commandLine(), all);
    return all.stream();
  }

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, all));
  }

  /** The line picocli shows for a command in its parent's command list. */
  private static String summaryOf(CommandLine command) {
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    return usage.header().length > 0 ? usage.header()[0] : usage.description()[0];
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void helpListsEverySubcommandWithItsWholeSummarySentence(CommandLine command) {
    List<String> path = Arrays.asList(command.getCommandSpec().qualifiedName().split(" "));
    List<String> args = new ArrayList<>(path.subList(1, path.size()));
    args.add("--help");

    CliRunner r = CliRunner.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line)
        .isLessThanOrEqualTo(command.getUsageHelpWidth()));
    // every authored line fits, so that picocli never breaks one mid-phrase
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    assertThat(Stream.of(usage.header(), usage.description(), usage.footer()).flatMap(Arrays::stream))
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(command.getUsageHelpWidth()));
    Map<String, String> listed = commandList(lines);
    assertThat(listed.keySet()).containsExactlyElementsOf(command.getSubcommands().keySet());
    command.getSubcommands().forEach((name, sub) -> {
      String summary = summaryOf(sub);
      assertThat(summary).as(name).endsWith(".").doesNotContain(". ");
      assertThat(withoutSpaces(listed.get(name))).as(name).isEqualTo(withoutSpaces(summary));
    });
  }

  /** The "Commands:" section: each name with its text, wrapped lines joined. */
  private static Map<String, String> commandList(List<String> lines) {
    Map<String, String> listed = new LinkedHashMap<>();
    int start = lines.indexOf("Commands:");
    if (start < 0) {
      return listed;
    }
    String current = null;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.isBlank()) {
        break;
      }
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        String[] nameAndText = line.strip().split("\\s+", 2);
        current = nameAndText[0];
        listed.put(current, nameAndText.length > 1 ? nameAndText[1] : "");
      } else {
        listed.merge(current, " " + line.strip(), String::concat);
      }
    }
    return listed;
  }

  private static String withoutSpaces(String text) {
    return text == null ? null : text.replaceAll("\\s+", "");
  }
}
