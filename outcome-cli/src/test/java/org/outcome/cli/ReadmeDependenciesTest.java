package org.outcome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps README's Maven block true: every artifact it names is the BOM or a module the BOM
 * manages, and its version is the build's own, so an embedder who pastes it gets artifacts that
 * exist (after {@code ./mvnw install}).
 */
class ReadmeDependenciesTest {
  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
  private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");

  @Test
  void theMavenBlockNamesTheBomAndModulesItManagesAtTheBuildsVersion() throws Exception {
    Path root = root();
    String readme = Files.readString(root.resolve("README.md"));
    String bom = Files.readString(root.resolve("outcome-bom/pom.xml"));
    String parent = Files.readString(root.resolve("pom.xml"));
    Matcher parentVersion = Pattern.compile("<artifactId>outcome-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(parent);
    assertThat(parentVersion.find()).isTrue();
    String version = parentVersion.group(1);

    List<String> managed = all(ARTIFACT,
        bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>")));
    assertThat(all(VERSION, bom.substring(0, bom.indexOf("<dependencyManagement>")))).containsExactly(version);
    // every managed artifact is a module of the build
    for (String artifact : managed) {
      assertThat(root.resolve(artifact).resolve("pom.xml")).as(artifact).exists();
    }

    Matcher block = XML_BLOCK.matcher(readme);
    assertThat(block.find()).as("a ```xml block in README.md").isTrue();
    String xml = block.group(1);
    assertThat(all(ARTIFACT, xml)).isNotEmpty().allSatisfy(a ->
        assertThat(a).isIn(concat("outcome-bom", managed)));
    assertThat(all(VERSION, xml)).containsExactly(version);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1).trim());
    }
    return found;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("outcome-bom/pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no outcome-bom/pom.xml above the working directory");
  }
}
