package org.outcome.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.cli.CliRunner;
import org.outcome.testkit.fixtures.JsonText;

/** {@code outcome meta}: summary data as escalc, Knapp-Hartung, and bad sites named by row. */
class MetaCommandTest {
  @TempDir Path dir;

  private Path csv(String text) throws IOException {
    return Files.writeString(dir.resolve("sites.csv"), text);
  }

  @Test
  void summaryDataGiveEscalcsEffectsAndKnappHartungAT() throws IOException {
    // the first three BCG trials: escalc("OR", ...) yi = -0.93869414087039216, -1.6661907290265496, -1.3862943611198908
    Path f = csv("site,ai,n1i,ci,n2i\nA,4,123,11,139\nB,6,306,29,303\nC,3,231,11,220\n");
    CliRunner r = CliRunner.run("meta", "--input", f.toString(), "--measure", "or", "--study", "site",
        "--knapp-hartung", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    List<?> sites = (List<?>) json.get("sites");
    assertThat(((Number) ((Map<?, ?>) sites.get(1)).get("yi")).doubleValue())
        .isCloseTo(-1.6661907290265496, within(1e-12));
    assertThat(((Map<?, ?>) sites.get(2)).get("study")).isEqualTo("C");
    assertThat(json.get("z")).isNull();
    assertThat(((Number) json.get("df")).doubleValue()).isEqualTo(2);
    assertThat(json.get("measure")).isEqualTo("OR");
  }

  @Test
  void aSiteMissingAValueIsLeftOutAndListedAsRmaDoes() throws IOException {
    // R: rma(yi, vi, data = read.csv("sites.csv")) warns "Studies with NAs omitted from model fitting"
    // and pools A, D and E: estimate 0.2672974, k = 3 (metafor 4.6)
    Path f = csv("study,yi,vi\nA,0.5,0.04\nB,NA,0.05\nC,0.2,\nD,0.1,0.02\nE,0.3,0.03\n");
    CliRunner r = CliRunner.run("meta", "--input", f.toString(), "--yi", "yi", "--vi", "vi", "--study", "study",
        "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("2 rows with a missing value (an empty cell or NA) left out of the analysis"
        + " (as R's na.omit): rows 2, 3");
    Map<?, ?> json = (Map<?, ?>) JsonText.parse(r.out());
    assertThat(json.get("omittedRows")).isEqualTo(List.of(2.0, 3.0));
    assertThat(((Number) json.get("k")).intValue()).isEqualTo(3);
    assertThat(((Number) json.get("estimate")).doubleValue()).isCloseTo(0.2672974, within(5e-8));
    assertThat(((List<?>) json.get("sites")).stream().map(x -> (Object) ((Map<?, ?>) x).get("study")).toList())
        .containsExactly("A", "D", "E");
    // a bad site after a left-out row is named by its row in the file, not its place among the kept
    CliRunner bad = CliRunner.run("meta", "--input", csv("yi,vi\n0.1,NA\n0.3,0.02\n-0.2,0\n").toString(),
        "--yi", "yi", "--vi", "vi");
    assertThat(bad.exitCode()).isEqualTo(3);
    assertThat(bad.err()).contains("site 3, vi: must be a positive finite variance");
  }

  @Test
  void aBadVarianceOrCountIsNamedBySiteAndTheCellIsNotEchoed() throws IOException {
    CliRunner zero = CliRunner.run("meta", "--input", csv("yi,vi\n0.1,0.02\n0.3,0\n-0.2,0.05\n").toString(),
        "--yi", "yi", "--vi", "vi");
    assertThat(zero.exitCode()).isEqualTo(3);
    assertThat(zero.err()).contains("site 2, vi: must be a positive finite variance");
    CliRunner fraction = CliRunner.run("meta", "--input", csv("ai,n1i,ci,n2i\n4,123,11,139\n6.5,306,29,303\n")
        .toString(), "--measure", "RR");
    assertThat(fraction.exitCode()).isEqualTo(3);
    assertThat(fraction.err()).contains("row 2").contains("ai").contains("not a whole number").doesNotContain("6.5");
    CliRunner both = CliRunner.run("meta", "--input", csv("yi,vi\n0.1,0.02\n").toString(), "--yi", "yi", "--vi", "vi",
        "--measure", "MD");
    assertThat(both.exitCode()).isEqualTo(2);
    CliRunner one = CliRunner.run("meta", "--input", csv("yi,vi\n0.1,0.02\n").toString(), "--yi", "yi", "--vi", "vi");
    assertThat(one.exitCode()).isEqualTo(3);
    assertThat(one.err()).contains("at least two sites");
  }
}
