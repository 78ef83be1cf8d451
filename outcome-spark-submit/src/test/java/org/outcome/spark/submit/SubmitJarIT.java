package org.outcome.spark.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.Main;
import org.outcome.testkit.samples.TenureTables;

/**
 * The packaged jar run as a cluster runs it: Spark's own {@code spark-submit}
 * ({@code org.apache.spark.deploy.SparkSubmit}) in a new JVM whose class path holds only what a
 * Spark installation holds (this build's Spark class path without the artifacts the jar carries),
 * so that a class the jar should carry and does not, or a service file lost in the shading, fails
 * here. It must print what {@code outcome tenure} prints.
 */
class SubmitJarIT {
  private static final Path JAR = Path.of("target", "outcome-spark-submit.jar");
  private static final Path SPARK_CLASS_PATH = Path.of("..", "outcome-spark", "target", "classpath.txt");
  private static final Path JVM_OPTIONS = Path.of("..", "outcome-spark", "jvm.options");

  @Test
  void sparkSubmitRunsTheToolOnTheClusterItNames(@TempDir Path dir) throws Exception {
    TenureTables tables = TenureTables.generator(120).next(new SplittableRandom(17));
    Path people = Files.writeString(dir.resolve("people.csv"), tables.peopleCsv(), StandardCharsets.UTF_8);
    Path episodes = Files.writeString(dir.resolve("episodes.csv"), tables.episodesCsv(), StandardCharsets.UTF_8);
    List<String> command = List.of("tenure", "--people", people.toString(), "--episodes", episodes.toString(),
        "--window-days", "365", "--extraction-date", "2023-06-30", "--format", "json");
    StringWriter expected = new StringWriter();
    assertThat(Main.run(new PrintWriter(expected), new PrintWriter(new StringWriter()),
        command.toArray(String[]::new))).isZero();

    List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + JVM_OPTIONS.toAbsolutePath(), "-cp", sparkOnly(), "org.apache.spark.deploy.SparkSubmit",
        "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.driver.bindAddress=127.0.0.1", "--class", Submit.class.getName(),
        JAR.toAbsolutePath().toString()));
    java.addAll(command);
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(java).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();

    assertThat(process.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(out)).isEqualTo(expected.toString());
  }

  /** The Spark class path of this build without every artifact whose classes the jar carries. */
  private static String sparkOnly() throws IOException {
    Set<String> carried;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      carried = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).collect(Collectors.toSet());
    }
    List<String> kept = new ArrayList<>();
    for (String entry : Files.readString(SPARK_CLASS_PATH).trim().split(java.io.File.pathSeparator)) {
      if (!carries(carried, Path.of(entry))) {
        kept.add(entry);
      }
    }
    return String.join(java.io.File.pathSeparator, kept);
  }

  private static boolean carries(Set<String> carried, Path entry) throws IOException {
    if (!entry.toString().endsWith(".jar")) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
          return carried.contains(name);
        }
      }
    }
    return false;
  }
}
