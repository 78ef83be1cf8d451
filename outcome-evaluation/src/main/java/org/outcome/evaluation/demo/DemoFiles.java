package org.outcome.evaluation.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * The files {@link DemoData} wrote.
 *
 * @param directory where they are
 * @param people the people file
 * @param episodes the hospital episodes file
 * @param sessions the sessions-attended file
 * @param answers one answers file per instrument
 */
public record DemoFiles(Path directory, Path people, Path episodes, Path sessions, List<Path> answers) {
  public DemoFiles {
    answers = List.copyOf(answers);
  }
}
