package org.outcome.cli.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.cli.ExitCodes;
import org.outcome.testkit.fixtures.FixtureComparison;
import org.outcome.testkit.fixtures.JsonText;
import org.outcome.testkit.fixtures.Tolerance;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The issue-19 comparison with R kept as a property: on generated small data sets (ties, times of
 * 0, NA and empty cells, 1/2 and TRUE/FALSE codings, groups whose code-point and alphabetical
 * orders differ), every survival command, and the comparisons, give the same output when the rows are shuffled (the
 * same numbers to rounding, the same rows left out once renumbered), and when it refuses the data
 * it refuses them both times for the same reason, as invalid input (exit 3), never as a failure of
 * the tool (exit 1). A model fit that did not converge or has a coefficient that may be infinite
 * is left out of the comparison: where it stops on its divergent path depends on rounding, so on
 * the order of the sums (as R's does).
 */
class ShuffledRowsPropertyTest {
  private static final List<List<String>> COMMANDS = List.of(
      List.of("survival", "km", "--time", "t", "--event", "e", "--group", "g", "--at", "0,2,5"),
      List.of("survival", "logrank", "--time", "t", "--event", "e", "--group", "g"),
      List.of("survival", "rmst", "--time", "t", "--event", "e", "--group", "g", "--tau", "3"),
      List.of("survival", "cox", "--time", "t", "--event", "e", "--covariates", "x", "--no-zph"),
      List.of("survival", "cif", "--time", "t", "--status", "s", "--group", "g"),
      List.of("survival", "fine-gray", "--time", "t", "--status", "s", "--covariates", "x"),
      List.of("survival", "mcf", "--start", "t0", "--stop", "t1", "--event", "e", "--id", "id", "--group", "g"),
      List.of("survival", "andersen-gill", "--start", "t0", "--stop", "t1", "--event", "e", "--id", "id",
          "--covariates", "x"),
      List.of("compare", "--value", "t", "--group", "g", "--first-group", "a", "--second-group", "B"),
      List.of("ancova", "--pre", "x", "--post", "t", "--group", "g"),
      List.of("paired", "--before", "x", "--after", "t"));
  private static final Pattern ROW_NUMBERS = Pattern.compile("rows? [0-9][0-9, ]*(and [0-9]+ more)?|\\([0-9, ]+\\)");

  @TempDir Path dir;

  /** A data set: a seed for its rows and one for their shuffle. */
  record Data(int rows, long seed, long shuffle) {}

  private static String csv(Data d, boolean shuffled) {
    SplittableRandom r = new SplittableRandom(d.seed());
    String coding = switch (r.nextInt(3)) {
      case 0 -> "01";
      case 1 -> "12";
      default -> "TF";
    };
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < d.rows(); i++) {
      int t = r.nextInt(7); // whole days: ties, and 0
      boolean event = r.nextInt(3) > 0;
      String e = switch (coding) {
        case "01" -> event ? "1" : "0";
        case "12" -> event ? "2" : "1";
        default -> event ? "TRUE" : "FALSE";
      };
      String g = List.of("a", "B", "c", "a", "B").get(r.nextInt(5));
      String x = String.valueOf(r.nextInt(4));
      int missing = r.nextInt(12);
      if (missing == 0) {
        g = "NA";
      } else if (missing == 1) {
        x = "";
      } else if (missing == 2) {
        e = "NA";
      }
      int s = event ? 1 + r.nextInt(2) : 0;
      rows.add(t + "," + e + "," + g + "," + x + "," + s + ",0," + (t + 1) + ",p" + i);
    }
    if (shuffled) {
      SplittableRandom shuffle = new SplittableRandom(d.shuffle());
      for (int i = rows.size() - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        rows.set(i, rows.set(j, rows.get(i)));
      }
    }
    return "t,e,g,x,s,t0,t1,id\n" + String.join("\n", rows) + "\n";
  }

  /** Whether a fit anywhere in the output did not converge or warns of an infinite coefficient. */
  private static boolean diverged(Object json) {
    if (json instanceof Map<?, ?> m) {
      if (Boolean.FALSE.equals(m.get("converged"))
          || String.valueOf(m.get("warnings")).matches("(?s).*(infinite|converge).*")) {
        return true;
      }
      return m.values().stream().anyMatch(ShuffledRowsPropertyTest::diverged);
    }
    return json instanceof List<?> l && l.stream().anyMatch(ShuffledRowsPropertyTest::diverged);
  }

  private static int omitted(Map<?, ?> json) {
    Object rows = json.get("omittedRows");
    return rows == null ? 0 : ((List<?>) rows).size();
  }

  private static CliRunner run(List<String> command, Path file) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--input", file.toString(), "--format", "json"));
    return CliRunner.run(args.toArray(String[]::new));
  }

  @Test
  void everyCommandGivesTheSameOutputForShuffledRowsAndRefusesOnlyInvalidInput() throws Exception {
    Gen<Data> data = SourceDSL.integers().between(2, 30).zip(SourceDSL.longs().all(), SourceDSL.longs().all(),
        Data::new);
    Path original = dir.resolve("original.csv");
    Path shuffled = dir.resolve("shuffled.csv");
    Map<List<String>, Integer> analysed = new HashMap<>();
    QuickTheory.qt().withExamples(Integer.getInteger("outcome.shuffle.examples", 40)).withShrinkCycles(20)
        .forAll(data).checkAssert(d -> {
      try {
        Files.writeString(original, csv(d, false));
        Files.writeString(shuffled, csv(d, true));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (List<String> command : COMMANDS) {
        CliRunner a = run(command, original);
        CliRunner b = run(command, shuffled);
        assertThat(a.exitCode()).as("%s: %s", command, a.err()).isIn(ExitCodes.OK, ExitCodes.INVALID_INPUT);
        assertThat(b.exitCode()).as("%s shuffled: %s", command, b.err()).isEqualTo(a.exitCode());
        if (a.exitCode() != ExitCodes.OK) {
          assertThat(a.err()).doesNotContain("Exception").doesNotContain("\tat ");
          assertThat(ROW_NUMBERS.matcher(b.err()).replaceAll("#")).isEqualTo(ROW_NUMBERS.matcher(a.err())
              .replaceAll("#"));
          continue;
        }
        Map<?, ?> x = (Map<?, ?>) JsonText.parse(a.out());
        Map<?, ?> y = (Map<?, ?>) JsonText.parse(b.out());
        if (diverged(x) || diverged(y)) {
          continue;
        }
        analysed.merge(command, 1, Integer::sum);
        assertThat(omitted(y)).isEqualTo(omitted(x));
        Map<Object, Object> xs = new HashMap<>(x);
        Map<Object, Object> ys = new HashMap<>(y);
        xs.remove("omittedRows");
        ys.remove("omittedRows");
        assertThat(FixtureComparison.differences(xs, ys, new Tolerance(1e-9, 1e-12))).as("%s", command).isEmpty();
      }
    });
    // not vacuous: every command analysed some of the data sets rather than refusing them all
    assertThat(analysed.keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
  }
}
