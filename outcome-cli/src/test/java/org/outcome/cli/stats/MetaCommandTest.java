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
