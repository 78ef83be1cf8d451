package org.outcome.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.outcome.api.InstrumentId;
import org.outcome.api.OutcomeException;
import org.outcome.api.SubjectId;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.api.result.ResultText;
import org.outcome.api.sample.Factor;
import org.outcome.api.sample.GroupedPrePostSample;
import org.outcome.api.sample.GroupedSample;
import org.outcome.api.sample.PairedSample;
import org.outcome.instruments.batch.ScoresByPerson;
import org.outcome.instruments.batch.TimepointScores;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.stats.groups.Ancova;
import org.outcome.stats.groups.GroupChoice;
import org.outcome.stats.groups.MannWhitneyTest;
import org.outcome.stats.groups.StandardizedMeanDifference;
import org.outcome.stats.groups.TwoSampleTTest;

/**
 * Comparison group: did empowerment improve more with peer support than with usual care? Scores
 * the Empowerment Scale answers of both groups, keeps the people with both scores, and compares
 * the groups with ANCOVA on baseline ({@code follow-up ~ baseline + group}), the change-score
 * model beside it, Welch's t-test and the Mann-Whitney test on the change, and Hedges' g.
 *
 * <pre>examples/run ComparisonGroupExample [answers.csv] [people.csv]</pre>
 */
public final class ComparisonGroupExample {
  private static final Path DATA = Path.of(System.getProperty("examples.data", "examples/data"));
  private static final String PEER = "peer-support";
  private static final String USUAL = "usual-care";

  private ComparisonGroupExample() {}

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

    Instrument scale = InstrumentRegistry.load().require(InstrumentId.of("empowerment-scale"));
    out.printf("%s: %s against %s, people with both scores%n", scale.definition().name(), PEER, USUAL);
    TimepointScores scores = ScoresByPerson.of(scale).withTimepoints("baseline", "follow-up").read(answersFile);
    scores.rejected().forEach(row -> row.reasons().forEach(reason -> out.println("  rejected: " + reason)));
    out.printf("answers: %s%n%n", scores);

    Table people = TableReader.of(peopleFile).text("group").keyedBy("subject").read();
    List<SubjectId> both = Stream.concat(people.subjectsWhere("group", USUAL).stream(),
            people.subjectsWhere("group", PEER).stream())
        .filter(s -> scores.baseline(s).isPresent() && scores.at(s, "follow-up").isPresent()).toList();
    double[] pre = scores.baseline(both);
    double[] post = scores.at(both, "follow-up");
    double[] change = PairedSample.of(pre, post).differences();
    Factor arm = Factor.of(people.text("group", both)).relevel(USUAL);   // usual care: the reference

    Ancova.Result ancova = Ancova.withDefaults().fit(GroupedPrePostSample.of(pre, post, arm));
    GroupedSample changes = GroupedSample.of(change, arm);
    GroupChoice peerMinusUsual = GroupChoice.of(PEER, USUAL);
    TwoSampleTTest.Result welch = TwoSampleTTest.withDefaults().withGroups(peerMinusUsual).test(changes);

    out.printf("%-14s %4s %9s %10s %8s %8s%n", "group", "n", "baseline", "follow-up", "change", "SD");
    for (Ancova.GroupPrePost level : ancova.groups()) {
      double sd = (level.level().equals(PEER) ? welch.first() : welch.second()).sd();
      out.printf("%-14s %4d %9s %10s %8s %8s%n", level.level(), level.n(), ResultText.number(level.meanPre()),
          ResultText.number(level.meanPost()), ResultText.number(level.meanPost() - level.meanPre()),
          ResultText.number(sd));
    }
    out.printf("%nanalyses (%s - %s)%n", PEER, USUAL);
    out.println("ANCOVA: follow-up ~ baseline + group  " + ResultText.oneLine(ancova));
    // the change-score model lm(change ~ group) with two groups is Student's t-test on the change
    out.println("change score: change ~ group          "
        + ResultText.oneLine(TwoSampleTTest.student().withGroups(peerMinusUsual).test(changes)));
    out.println("Welch t on change                     " + ResultText.oneLine(welch));
    out.println("Mann-Whitney on change                "
        + ResultText.oneLine(MannWhitneyTest.withDefaults().withGroups(peerMinusUsual).test(changes)));
    out.println("Hedges' g on change                   "
        + ResultText.oneLine(StandardizedMeanDifference.withDefaults().withGroups(peerMinusUsual).compute(changes)));
    ancova.warnings().forEach(w -> out.println("warning: " + w.message()));
  }
}
