package org.outcome.cli;

import java.nio.file.Path;
import java.util.List;
import org.outcome.testkit.fixtures.Fixture;

/**
 * The project's R reference fixtures, which live with the analyses in
 * {@code outcome-stats/src/test/resources/fixtures}: the command's JSON is checked against the
 * same files, read with the testkit's {@link Fixture}. Tests run with the module as the working
 * directory, as Maven runs them.
 */
public final class RFixtures {
  /** The fixtures directory, from this module's directory. */
  public static final Path DIRECTORY = Path.of("../outcome-stats/src/test/resources/fixtures");

  private RFixtures() {}

  /** Every fixture of a kind, by file name; fails when there is none. */
  public static List<Fixture> ofKind(String kind) {
    return Fixture.ofKind(DIRECTORY, kind);
  }
}
