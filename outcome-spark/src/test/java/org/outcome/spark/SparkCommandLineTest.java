package org.outcome.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outcome.cli.Main;
import org.outcome.testkit.fixtures.Fixture;
import org.outcome.testkit.fixtures.FixtureComparison;
import org.outcome.testkit.fixtures.Tolerance;
import org.outcome.testkit.samples.TenureTables;

/**
 * {@code outcome spark tenure} prints exactly what {@code outcome tenure} prints, rejections and
 * their messages included; {@code outcome spark survival ...} prints what the command prints without Spark: the same JSON
 * (to 1e-9 relative; Kaplan–Meier, log-rank and RMST digit for digit, as they come from the same
 * counts), the same rows left out, on a CSV file with a missing cell; and the Cox model says what
 * it could not compute on Spark.
 */
class SparkCommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path csv;

  @BeforeAll
  static void lungWithAMissingCell() throws IOException {
    SparkTests.spark(); // started here, so that the engine uses it (as in a notebook)
    Fixture lung = Fixture.read(Path.of("src/test/resources/fixtures/survival__cox-lung-strata.json"));
    Path file = lung.writeCsv(dir.resolve("lung.csv"), "time", "event", "age", "ecog", "sex");
    Files.writeString(file, Files.readString(file) + "301,1,,1,2\n", StandardCharsets.UTF_8);
    csv = file;
  }

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("survival", "km", "--group", "sex", "--at", "30,365,1000"),
        List.of("survival", "logrank", "--group", "ecog", "--strata", "sex"),
        List.of("survival", "rmst", "--group", "sex", "--tau", "500"),
        List.of("survival", "cox", "--covariates", "age,ecog", "--strata", "sex", "--no-concordance"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void printsWhatTheCommandPrintsWithoutSpark(List<String> command) throws IOException {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--input", csv.toString(), "--time", "time", "--event", "event", "--format", "json"));
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(spark.code).as(spark.err).isZero();
    assertThat(local.code).as(local.err).isZero();
    Map<?, ?> expected = JSON.readValue(local.out, Map.class);
    Map<?, ?> actual = JSON.readValue(spark.out, Map.class);
    assertThat(FixtureComparison.differences(expected, actual, new Tolerance(1e-9, 0))).isEmpty();
    if (command.contains("cox")) { // the last row misses its age, which only the model uses
      assertThat(actual.get("omittedRows")).isEqualTo(List.of(228));
      assertThat(spark.err).contains("1 row with a missing value (an empty cell or NA) left out").contains("row 228");
    } else {
      assertThat(actual.containsKey("omittedRows")).isFalse();
    }
  }

  static Stream<List<String>> rExportCommands() {
    return Stream.of(
        List.of("survival", "km", "--time", "time", "--event", "status", "--group", "ph.ecog", "--at", "100,1000"),
        List.of("survival", "logrank", "--time", "time", "--event", "status", "--group", "arm"),
        List.of("survival", "rmst", "--time", "time", "--event", "status", "--group", "arm", "--tau", "500",
            "--levels", "odd,even"),
        List.of("survival", "rmst", "--time", "time", "--event", "dead", "--group", "ph.ecog", "--tau", "500"),
        List.of("survival", "cox", "--time", "time", "--event", "dead", "--covariates", "age,ph.ecog,wt.loss",
            "--no-concordance"));
  }

  /**
   * R's lung data as {@code write.csv} exports it (NA cells, status 1/2, a TRUE/FALSE column; the
   * CLI's RExportsCliTest checks these commands against R): the same JSON on Spark, the same rows
   * left out, the same event coding.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rExportCommands")
  void readsAnRExportAsTheCommandDoes(List<String> command) throws IOException {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--input", "../outcome-cli/src/test/resources/r-exports/lung.csv", "--format", "json"));
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(local.code).as(local.err).isZero();
    assertThat(spark.code).as(spark.err).isZero();
    Map<?, ?> expected = JSON.readValue(local.out, Map.class);
    Map<?, ?> actual = JSON.readValue(spark.out, Map.class);
    assertThat(FixtureComparison.differences(expected, actual, new Tolerance(1e-9, 0))).isEmpty();
    assertThat(actual.get("omittedRows")).isNotNull().isEqualTo(expected.get("omittedRows"));
    assertThat(actual.get("eventCoding")).isEqualTo(command.contains("dead") ? "TRUE/FALSE" : "1/2");
  }

  static Stream<Arguments> comparisonFixtures() {
    return Stream.of(
        Arguments.of("paired__sleep.json", List.of("paired", "--before", "before", "--after", "after")),
        Arguments.of("two-group__sleep-unpaired.json", List.of("compare", "--value", "value", "--group", "group",
            "--first-group", "1")),
        Arguments.of("ancova__chickweight.json", List.of("ancova", "--pre", "pre", "--post", "post", "--group",
            "group", "--reference", "diet1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisonFixtures")
  void pairedCompareAndAncovaGiveRsNumbersAndTheCommandsWithoutSpark(String fixture, List<String> command)
      throws IOException {
    Fixture f = Fixture.read(Path.of("src/test/resources/fixtures", fixture));
    Path file = f.writeCsv(dir.resolve(fixture.replace(".json", ".csv")));
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of("--input", file.toString(), "--format", "json"));
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(spark.code).as(spark.err).isZero();
    assertThat(local.code).as(local.err).isZero();
    Map<?, ?> actual = JSON.readValue(spark.out, Map.class);
    f.assertMatches(actual);
    assertThat(FixtureComparison.differences(JSON.readValue(local.out, Map.class), actual, new Tolerance(1e-9, 0)))
        .isEmpty();
  }

  /** A cohort with missing scores, unknown doses and a reliable change rule, in text and JSON. */
  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"json", "text"})
  void anAsTreatedAnalysisWithReliableChangeIsTheCommandsWithoutSpark(String format) throws IOException {
    StringBuilder csv = new StringBuilder("id,baseline,followup,sessions\n");
    java.util.Random random = new java.util.Random(20_261_204L);
    for (int i = 1; i <= 3_000; i++) {
      int before = 14 + random.nextInt(57);
      int after = Math.max(14, Math.min(70, before + (int) Math.round(random.nextGaussian() * 6 + 2)));
      csv.append(i).append(',').append(random.nextInt(25) == 0 ? "" : before).append(',')
          .append(random.nextInt(9) == 0 ? "" : after).append(',')
          .append(random.nextInt(20) == 0 ? "" : random.nextInt(30)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("cohort.csv"), csv, StandardCharsets.UTF_8);
    List<String> args = List.of("paired", "--input", file.toString(), "--before", "baseline", "--after", "followup",
        "--dose", "sessions", "--dose-more-than", "10", "--reliability", "0.89", "--reference-sd", "6.8", "--cutoff",
        "45", "--format", format);
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(spark.code).as(spark.err).isZero();
    assertThat(local.code).as(local.err).isZero();
    if (format.equals("json")) {
      Map<?, ?> expected = JSON.readValue(local.out, Map.class);
      assertThat(((Map<?, ?>) expected.get("analysisSet")).get("doseUnknown")).isNotEqualTo(0);
      assertThat((List<?>) expected.get("omittedRows")).isNotEmpty(); // compared with Spark's below
      assertThat(FixtureComparison.differences(expected, JSON.readValue(spark.out, Map.class), new Tolerance(1e-9, 0)))
          .isEmpty();
    } else {
      assertThat(spark.out).isEqualTo(local.out).contains("Reliable change");
    }
  }

  @Test
  void aCellThatOnlyJavaReadsAsANumberIsRefusedAsOnOneMachine() throws IOException {
    Path bad = Files.writeString(dir.resolve("nan.csv"), "value,group\n1,a\nNaN,a\n+3,b\n0x10,b\n2,b\n",
        StandardCharsets.UTF_8);
    List<String> args = List.of("compare", "--input", bad.toString(), "--value", "value", "--group", "group");
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(local.code).isEqualTo(3);
    assertThat(spark.code).isEqualTo(3);
    assertThat(spark.err).contains("column value: 3 rows have a value that is not a number")
        .doesNotContain("NaN,").doesNotContain("0x10");
  }

  @Test
  void aFolderOfParquetFilesGivesWhatItsCsvGives() throws IOException {
    Path folder = dir.resolve("lung-table"); // no .parquet in the name: recognised by its files
    SparkTests.spark().read().option("header", "true").option("inferSchema", "true").csv(csv.toString())
        .repartition(3).write().parquet(folder.toString());
    List<String> km = List.of("spark", "survival", "km", "--time", "time", "--event", "event", "--group", "sex",
        "--format", "json", "--input");
    List<String> fromCsv = new ArrayList<>(km);
    fromCsv.add(csv.toString());
    List<String> fromParquet = new ArrayList<>(km);
    fromParquet.add(folder.toString());

    Run a = run(fromCsv);
    Run b = run(fromParquet);
    assertThat(b.code).as(b.err).isZero();
    assertThat(JSON.readTree(b.out)).isEqualTo(JSON.readTree(a.out));
  }

  @Test
  void coxSaysWhatItDidNotComputeOnSpark() throws IOException {
    Run spark = run(List.of("spark", "survival", "cox", "--input", csv.toString(), "--time", "time", "--event",
        "event", "--covariates", "age,ecog", "--format", "json"));

    assertThat(spark.code).as(spark.err).isZero();
    Map<?, ?> json = JSON.readValue(spark.out, Map.class);
    assertThat(json.get("concordance")).isNull();
    assertThat(json.get("zph")).isNotNull();
    assertThat(spark.out).contains("concordance-not-computed");
  }

  @Test
  void theClusteredRobustVarianceIsTheCommandsWithoutSpark() throws IOException {
    List<String> args = List.of("survival", "cox", "--input", csv.toString(), "--time", "time", "--event", "event",
        "--covariates", "age,ecog", "--cluster", "sex", "--no-concordance", "--format", "json");
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(spark.code).as(spark.err).isZero();
    Map<?, ?> expected = JSON.readValue(local.out, Map.class);
    assertThat(expected.get("robustScore")).isNotNull();
    assertThat(FixtureComparison.differences(expected, JSON.readValue(spark.out, Map.class), new Tolerance(1e-9, 0)))
        .isEmpty();
  }

  @Test
  void aCellThatIsNotANumberIsNamedByColumnWithoutItsContent() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "time,event\n10,1\nSECRET,0\n", StandardCharsets.UTF_8);
    Run spark = run(List.of("spark", "survival", "km", "--input", bad.toString(), "--time", "time", "--event",
        "event"));

    assertThat(spark.code).isEqualTo(3);
    assertThat(spark.err).contains("column time: 1 row has a value that is not a number").doesNotContain("SECRET");
  }

  @ParameterizedTest(name = "--format {0}")
  @MethodSource("formats")
  void tenurePrintsWhatTheCommandPrintsWithoutSparkRejectionsIncluded(String format) throws IOException {
    TenureTables tables = TenureTables.generator(150).next(new SplittableRandom(3));
    Path people = Files.writeString(dir.resolve("people.csv"), tables.peopleCsv(), StandardCharsets.UTF_8);
    Path episodes = Files.writeString(dir.resolve("episodes.csv"), tables.episodesCsv(), StandardCharsets.UTF_8);
    List<String> args = List.of("tenure", "--people", people.toString(), "--episodes", episodes.toString(),
        "--extraction-date", "2023-06-30", "--window-days", "365", "--comparator-bed-days", "12", "--format", format);
    assertPrintsExactlyWhatTheCommandPrintsWithRejections(args);
  }

  static Stream<String> formats() {
    return Stream.of("json", "csv");
  }

  @ParameterizedTest(name = "--format {0}")
  @MethodSource("formats")
  void scorePrintsWhatTheCommandPrintsWithoutSparkRejectionsIncluded(String format) throws IOException {
    Path answers = Files.writeString(dir.resolve("gse.csv"), "subject,timepoint,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10\n"
        + String.join("\n", OutcomeSparkScoreTest.lines(3_000)) + "\n", StandardCharsets.UTF_8);
    List<String> args = List.of("score", "--instrument", "gse", "--input", answers.toString(), "--format", format);
    assertPrintsExactlyWhatTheCommandPrintsWithRejections(args);
  }

  @Test
  void aMissingFileIsTheToolsErrorNotSparks() {
    Run spark = run(List.of("spark", "tenure", "--people", dir.resolve("absent.csv").toString(), "--episodes",
        dir.resolve("absent.csv").toString()));
    Run uri = run(List.of("spark", "survival", "km", "--input", dir.resolve("absent.csv").toUri().toString(),
        "--time", "time", "--event", "event"));

    assertThat(spark.code).isEqualTo(3);
    assertThat(spark.err).contains("absent.csv: no such file").doesNotContain("Exception");
    assertThat(uri.code).isEqualTo(3);
    assertThat(uri.err).contains("absent.csv: no such file").doesNotContain("Exception");
  }

  @Test
  void anInputMayBeAUriThatSparkReads() throws IOException {
    // file:///... is what a Path would have mangled to file:/...; hdfs:// and s3a:// go the same way
    List<String> args = List.of("survival", "km", "--time", "time", "--event", "event", "--group", "sex",
        "--format", "json");
    List<String> local = new ArrayList<>(args);
    local.addAll(List.of("--input", csv.toString()));
    List<String> onSpark = new ArrayList<>(List.of("spark"));
    onSpark.addAll(args);
    onSpark.addAll(List.of("--input", "file://" + csv.toAbsolutePath()));
    Run expected = run(local);
    Run actual = run(onSpark);

    assertThat(actual.code).as(actual.err).isZero();
    assertThat(actual.out).isEqualTo(expected.out);
  }

  /**
   * A whole evaluation (the demo's: three questionnaires, sessions, three years of episodes, rows
   * rejected in several files) gives the same report.json, report.html and report-internal.json,
   * byte for byte, on Spark as on one machine, whether Spark reads each table as one partition or
   * as many.
   */
  @ParameterizedTest(name = "partitions of at most {0} bytes")
  @ValueSource(longs = {128L << 20, 8L << 10})
  void anEvaluationOnSparkWritesTheSameReports(long partitionBytes) throws IOException {
    Path demo = dir.resolve("demo-" + partitionBytes);
    Run made = run(List.of("demo", "--output-dir", demo.toString(), "--people-per-group", "120", "--seed", "7"));
    assertThat(made.code).as(made.err).isZero();
    Path config = demo.resolve("evaluation.json");
    Path local = demo.resolve("local");
    Path spark = demo.resolve("spark");
    SparkTests.spark().conf().set("spark.sql.files.maxPartitionBytes", partitionBytes);
    try {
      Run one = run(List.of("evaluate", "--config", config.toString(), "--output-dir", local.toString()));
      Run cluster = onSpark(List.of("evaluate", "--config", config.toString(), "--output-dir", spark.toString()));

      assertThat(one.code).as(one.err).isZero();
      assertThat(cluster.code).as(cluster.err).isZero();
      assertThat(one.out + one.err).contains("input rows rejected");
      for (String report : List.of("report.json", "report.html", "report-internal.json")) {
        assertThat(Files.readString(spark.resolve(report))).as(report).isEqualTo(Files.readString(local.resolve(report)));
      }
      assertThat(cluster.out).isEqualTo(one.out.replace(local.toString(), spark.toString()));
    } finally {
      SparkTests.spark().conf().unset("spark.sql.files.maxPartitionBytes");
    }
  }

  /**
   * The same evaluation with its tables as Spark holds them in a lake: Parquet folders, named by
   * {@code file://} URIs or by paths, beside a CSV file: the same reports as the CSV files give on
   * one machine, but for the tables' names in the data accounting.
   */
  @Test
  void anEvaluationOnSparkReadsParquetTablesAndUris() throws IOException {
    Path demo = dir.resolve("demo-parquet");
    Run made = run(List.of("demo", "--output-dir", demo.toString(), "--people-per-group", "80", "--seed", "3"));
    assertThat(made.code).as(made.err).isZero();
    for (String table : List.of("people", "episodes", "sessions", "mhcs", "swemwbs")) {
      SparkTests.spark().read().option("header", "true").csv(demo.resolve("data/" + table + ".csv").toString())
          .write().parquet(demo.resolve("lake/" + table + ".parquet").toString());
    }
    com.fasterxml.jackson.databind.node.ObjectNode config =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(demo.resolve("evaluation.json").toFile());
    com.fasterxml.jackson.databind.node.ObjectNode data = (com.fasterxml.jackson.databind.node.ObjectNode) config.get("data");
    String lake = "file://" + demo.resolve("lake").toAbsolutePath();
    data.put("people", lake + "/people.parquet");
    data.put("episodes", "lake/episodes.parquet");
    data.put("sessions", lake + "/sessions.parquet/");
    data.withArray("answers").forEach(a -> {
      String file = a.get("file").asText();
      if (!file.contains("empowerment")) { // that one stays a CSV file
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("file",
            file.replace("data/", lake + "/").replace(".csv", ".parquet"));
      }
    });
    Path lakeConfig = demo.resolve("lake.json");
    JSON.writeValue(lakeConfig.toFile(), config);

    Run one = run(List.of("evaluate", "--config", demo.resolve("evaluation.json").toString(), "--output-dir",
        demo.resolve("local").toString()));
    Run cluster = onSpark(List.of("evaluate", "--config", lakeConfig.toString(), "--output-dir",
        demo.resolve("spark").toString()));
    Run uriWithoutSpark = run(List.of("evaluate", "--config", lakeConfig.toString(), "--output-dir",
        demo.resolve("refused").toString()));

    assertThat(one.code).as(one.err).isZero();
    assertThat(cluster.code).as(cluster.err).isZero();
    for (String report : List.of("report.json", "report.html", "report-internal.json")) {
      assertThat(Files.readString(demo.resolve("spark").resolve(report)).replace(".parquet", ".csv"))
          .as(report).isEqualTo(Files.readString(demo.resolve("local").resolve(report)));
    }
    assertThat(uriWithoutSpark.code).isNotZero();
    assertThat(uriWithoutSpark.err).contains("data.people").contains("data.episodes").contains("only an engine reads")
        .contains("outcome spark evaluate").doesNotContain("Exception");
  }

  /** The command with and without {@code spark}: the same standard output and error, some rows rejected. */
  private static void assertPrintsExactlyWhatTheCommandPrintsWithRejections(List<String> args) {
    Run local = run(args);
    Run spark = onSpark(args);

    assertThat(local.code).as(local.err).isZero();
    assertThat(local.err + local.out).contains("rejected");
    assertThat(spark.code).as(spark.err).isZero();
    assertThat(spark.out).isEqualTo(local.out);
    assertThat(spark.err).isEqualTo(local.err);
  }

  private record Run(int code, String out, String err) {}

  /** The same command through {@code outcome spark}. */
  private static Run onSpark(List<String> args) {
    List<String> spark = new ArrayList<>(List.of("spark"));
    spark.addAll(args);
    return run(spark);
  }

  private static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }
}
