package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A configuration's table: a path resolved against its folder, a URI kept exactly as written. */
class TableLocationTest {
  private static final Path BASE = Path.of("/srv/evaluation");

  @Test
  void aPathIsResolvedAndAUriKeptAsWritten() {
    assertThat(TableLocation.resolve(BASE, "data/people.csv").value()).isEqualTo("/srv/evaluation/data/people.csv");
    assertThat(TableLocation.resolve(BASE, "../shared/./people.csv").value()).isEqualTo("/srv/shared/people.csv");
    assertThat(TableLocation.resolve(BASE, "/abs/people.csv").file()).contains(Path.of("/abs/people.csv"));
    // a Path would make hdfs:///x into hdfs:/x: the value is kept character for character
    for (String uri : new String[] {"hdfs:///lake/people.parquet", "s3a://bucket/a//b.csv", "abfss://c@acct.dfs.core"
        + ".windows.net/x.parquet", "dbfs:/mnt/x.csv", "file:///tmp/x.csv"}) {
      TableLocation t = TableLocation.resolve(BASE, uri);
      assertThat(t.value()).isEqualTo(uri);
      assertThat(t.isUri()).isTrue();
      assertThat(t.file()).isEmpty();
    }
    assertThat(TableLocation.resolve(BASE, "people:2024.csv").isUri()).isFalse();
  }

  @Test
  void theNameIsTheLastPartOfThePathOrUri() {
    assertThat(TableLocation.resolve(BASE, "data/people.csv").name()).isEqualTo("people.csv");
    assertThat(new TableLocation("s3a://bucket/lake/episodes.parquet/").name()).isEqualTo("episodes.parquet");
    assertThat(new TableLocation("hdfs:///x/answers.csv").name()).isEqualTo("answers.csv");
    assertThat(TableLocation.of(Path.of("people.csv")).name()).isEqualTo("people.csv");
  }

  @Test
  void aBlankLocationIsRefused() {
    assertThatThrownBy(() -> new TableLocation(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
