package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.example.hello.HelloProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tool as the {@code outcome} script runs it: in a new JVM, on the module path
 * ({@code java --module-path ... --module org.outcome.cli/org.outcome.cli.Main}), so that every
 * module descriptor holds (the other tests run on the class path, where none does). The module path
 * is this module's classes and its runtime dependencies, as the build lists them in
 * {@code target/runtime-module-path.txt}.
 */
class ModulePathTest {
  @TempDir Path dir;

  private static List<String> modulePath() throws Exception {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path listed = classes.resolveSibling("runtime-module-path.txt");
    List<String> path = new ArrayList<>();
    path.add(classes.toString());
    path.add(Files.readString(listed).strip());
    return path;
  }

  private record Run(int exitCode, String out, String err) {}

  private Run outcome(List<String> modulePath, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java,
        "--module-path", String.join(File.pathSeparator, modulePath),
        "--module", "org.outcome.cli/org.outcome.cli.Main"));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void theDemoRunsOnTheModulePath() throws Exception {
    Path output = dir.resolve("demo");

    Run run = outcome(modulePath(), "demo", "--output-dir", output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Peer support evaluation: synthetic demonstration");
    assertThat(Files.readString(output.resolve("report.json")))
        .contains("\"producedBy\" : \"outcome " + VersionProvider.version() + "\"");
  }

  @Test
  void aPlainPluginJarIsAnAutomaticModuleWhoseServicesAreFound() throws Exception {
    Path classes = Path.of(HelloProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path plugin = dir.resolve("hello-plugin.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugin))) {
      jar.putNextEntry(new JarEntry("META-INF/services/org.outcome.api.plugin.InstrumentProvider"));
      jar.write("org.example.hello.HelloProvider\n".getBytes(StandardCharsets.UTF_8));
      for (String name : List.of("HelloProvider.class", "HelloProvider$Hello.class")) {
        jar.putNextEntry(new JarEntry("org/example/hello/" + name));
        jar.write(Files.readAllBytes(classes.resolve("org/example/hello/" + name)));
      }
    }
    List<String> modulePath = new ArrayList<>(modulePath());
    modulePath.add(plugin.toString());

    Run run = outcome(modulePath, "plugins", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"hello\"", "org.example.hello.HelloProvider");
  }
}
