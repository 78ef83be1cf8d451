package org.outcome.stats;

import java.nio.file.Path;
import java.util.List;
import org.outcome.testkit.fixtures.Fixture;

/**
 * Where this module's R reference fixtures are ({@code src/test/resources/fixtures}, described by
 * the README there), read with the testkit's {@link Fixture}. Tests run with the module as the
 * working directory, as Maven runs them.
 */
public final class RFixtures {
  /** The fixtures copied from the project's shared reference data. */
  public static final Path DIRECTORY = Path.of("src/test/resources/fixtures");

  private RFixtures() {}

  /** Every fixture of a kind, by file name; fails when there is none. */
  public static List<Fixture> ofKind(String kind) {
    return Fixture.ofKind(DIRECTORY, kind);
  }

  /** One fixture by its id ({@code family/name}). */
  public static Fixture byId(String kind, String id) {
    return ofKind(kind).stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + " fixture " + id + " in " + DIRECTORY));
  }
}
