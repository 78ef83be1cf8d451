package org.outcome.instruments.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jakarta.validation.Validation;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.outcome.instruments.BuiltInInstruments;

/**
 * Hibernate Validator's start-up line stays off standard error in a program without a logging
 * framework. The tests run with Logback on the class path, where jboss-logging never falls back
 * to {@code java.util.logging}; so each case runs {@link Probe} in a fresh JVM whose class path is
 * this module and its runtime dependencies only, as an embedder's script would have it.
 */
class ValidatorBannerTest {
  /** What the child JVM runs: loads the built-in instruments, or (control) starts Hibernate Validator directly. */
  public static final class Probe {
    private Probe() {}

    public static void main(String[] args) {
      if (args.length > 0 && args[0].equals("direct")) {
        Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().close();
        System.out.println("validator started");
      } else {
        System.out.println(new BuiltInInstruments().instruments().size() + " instruments loaded");
        System.out.println("jul=" + ValidatorBanner.jbossLoggingUsesJul());
      }
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run probe(String... args) throws IOException, InterruptedException, ClassNotFoundException {
    List<String> classPath = new ArrayList<>();
    for (String name : List.of(
        "org.outcome.instruments.internal.DefinitionReader",            // target/classes
        "org.outcome.instruments.internal.json.ValidatorBannerTest",         // target/test-classes
        "org.outcome.api.InstrumentId",
        "com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.core.JsonParser",
        "com.fasterxml.jackson.annotation.JsonProperty",
        "com.fasterxml.jackson.dataformat.csv.CsvMapper",
        "org.hibernate.validator.HibernateValidator",
        "jakarta.validation.Validation",
        "org.jboss.logging.Logger",
        "com.fasterxml.classmate.TypeResolver",
        "org.slf4j.LoggerFactory")) {
      Class<?> type = Class.forName(name, false, ValidatorBannerTest.class.getClassLoader());
      classPath.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toString());
    }
    assertThat(classPath).noneMatch(entry -> entry.contains("logback"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", String.join(File.pathSeparator, classPath), Probe.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out, err);
  }

  @Test
  void withoutALoggingFrameworkHibernateValidatorWouldAnnounceItselfOnStandardError() throws Exception {
    Run control = probe("direct");

    assertThat(control.exit()).as(control.err()).isZero();
    assertThat(control.err()).contains("HV000001");
  }

  @Test
  void loadingTheInstrumentsKeepsThatLineOff() throws Exception {
    Run run = probe();

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("instruments loaded", "jul=true");
    assertThat(run.err().lines().collect(Collectors.toList())).noneMatch(line -> line.contains("HV000001"));
  }

  @Test
  void withLogbackInPlaceNothingIsChanged() {
    // this JVM has Logback: jboss-logging logs through SLF4J, so the java.util.logging level stays unset
    new BuiltInInstruments().instruments();

    assertThat(ValidatorBanner.jbossLoggingUsesJul()).isFalse();
    assertThat(java.util.logging.Logger.getLogger(ValidatorBanner.LOGGER).getLevel()).isNull();
  }
}
