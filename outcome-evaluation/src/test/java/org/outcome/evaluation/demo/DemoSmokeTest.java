package org.outcome.evaluation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.ProgressListener;

class DemoSmokeTest {
  @TempDir Path dir;

  @Test
  void demoRunsEndToEnd() {
    Demo.Result r = Demo.run(DemoSpec.standard(), dir, InstrumentRegistry.load(), AnalysisRegistry.load(),
        ProgressListener.silent());
    r.report().summary().forEach(System.out::println);
    r.report().warnings().forEach(w -> System.out.println("W: " + w));
    System.out.println(r.html());
    assertThat(r.json()).exists();
  }
}
