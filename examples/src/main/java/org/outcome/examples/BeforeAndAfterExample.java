package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.outcome.api.InstrumentId;
import org.outcome.api.OutcomeException;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.ResultText;
import org.outcome.api.sample.PairedSample;
import org.outcome.instruments.batch.ScoresByPerson;
import org.outcome.instruments.batch.TimepointScores;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.io.TableReader.Empty;
import org.outcome.stats.paired.AnalysisSet;
import org.outcome.stats.paired.AnalysisSet.DoseRule;
import org.outcome.stats.paired.AnalysisSet.Exclusion;
import org.outcome.stats.paired.PairedCohort;
import org.outcome.stats.paired.PairedEffectSize;
import org.outcome.stats.paired.PairedTTest;
import org.outcome.stats.paired.WilcoxonSignedRankTest;

/**
 * Before-and-after: did empowerment change from baseline to follow-up in the peer-support group?
 * Scores the Empowerment Scale answers, pairs each person's baseline and follow-up scores, and
 * runs the paired t-test, the Wilcoxon signed-rank test and Cohen's d_z, for everyone enrolled
 * (intention-to-treat, complete cases) and for those who attended more than 10 sessions
 * (as-treated, as in Resnick and Rosenheck 2008).
 *
 * <pre>examples/run BeforeAndAfterExample [answers.csv] [people.csv] [sessions.csv]</pre>
 */
public final class BeforeAndAfterExample {
  private static final Path DATA = Path.of(System.getProperty("examples.data", "examples/data"));

  private BeforeAndAfterExample() {}

  public static void main(String[] args) {
    try {
      run(args, System.out);
    } catch (OutcomeException e) {                             // bad input: every problem, no stack trace
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }

  static void run(String[] args, PrintStream out) {
    Path answersFile = args.length > 0 ? Path.of(args[0]) : DATA.resolve("empowerment-scale.csv");
    Path peopleFile = args.length > 1 ? Path.of(args[1]) : DATA.resolve("people.csv");
    Path sessionsFile = args.length > 2 ? Path.of(args[2]) : DATA.resolve("sessions.csv");

    Instrument scale = InstrumentRegistry.load().require(InstrumentId.of("empowerment-scale"));
    out.printf("%s, peer-support group, baseline to follow-up%n", scale.definition().name());
    TimepointScores scores = ScoresByPerson.of(scale).withTimepoints("baseline", "follow-up").read(answersFile);
    scores.rejected().forEach(row -> row.reasons().forEach(reason -> out.println("  rejected: " + reason)));
    out.printf("answers: %s%n%n", scores);

    Table people = TableReader.of(peopleFile).text("group").keyedBy("subject").read();
    Table sessions = TableReader.of(sessionsFile).numeric("sessions", Empty.AS_MISSING).keyedBy("subject").read();
    List<SubjectId> enrolled = people.subjectsWhere("group", "peer-support");
    PairedCohort cohort = PairedCohort.of(scores.baseline(enrolled), scores.at(enrolled, "follow-up"))
        .withDose(sessions.numeric("sessions", enrolled));                 // NaN: no score, or sessions unknown

    for (AnalysisSet set : List.of(AnalysisSet.intentionToTreat(),
        AnalysisSet.asTreated(DoseRule.moreThan(10).withUnit("sessions")))) {
      AnalysisSet.Selection selection = set.select(cohort);
      PairedSample pairs = selection.sample();
      out.printf("%s: %d of %d enrolled%n", set.description(), selection.included(), selection.enrolled());
      for (Exclusion reason : Exclusion.values()) {
        if (selection.excluded(reason) > 0) {
          out.printf("  excluded, %s: %d%n", reason.label(), selection.excluded(reason));
        }
      }
      out.printf("  mean before %s, after %s%n", ResultText.number(Arrays.stream(pairs.beforeValues()).average()
          .orElseThrow()), ResultText.number(Arrays.stream(pairs.afterValues()).average().orElseThrow()));
      out.println("  paired t (mean change): " + ResultText.oneLine(PairedTTest.withDefaults().test(pairs)));
      out.println("  Wilcoxon signed-rank:   " + ResultText.oneLine(WilcoxonSignedRankTest.withDefaults().test(pairs)));
      out.println("  Cohen's d_z:            " + ResultText.oneLine(PairedEffectSize.withDefaults().compute(pairs)));
      out.println();
    }
  }
}
