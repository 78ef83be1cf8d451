package org.outcome.evaluation.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.outcome.api.result.Warning;

/**
 * Everything an evaluation found, as published: every count already passed through the
 * report's {@link Suppression}, every estimate with its interval and test, every rejected input
 * row with its reasons, every warning. {@link ReportJson} writes it as {@code report.json} and
 * {@link ReportHtml} as a self-contained {@code report.html}.
 *
 * @param title the evaluation's title
 * @param producedBy the library and version that produced the report
 * @param summary the main findings in sentences, for a commissioner
 * @param suppression the suppression rule, in a sentence
 * @param groups who was compared
 * @param inputs the accounting of every input file: read = accepted + rejected
 * @param rejectedRows every rejected input row, with its file, row number and reasons
 * @param outcomes the questionnaire outcomes
 * @param tenure community tenure, when analysed
 * @param effectSizes standardised effect sizes for the forest plot
 * @param multiplicity the adjustment over the primary outcomes, when there are any
 * @param adjustment the propensity adjustment of the comparison group, when configured
 * @param pooled each outcome's comparison pooled across sites, when sites are configured
 * @param methods each method used, what it assumes, and the analysis sets
 * @param warnings every warning raised while evaluating, each with its machine-readable code: the
 *     analysis's own code for an analysis's warning (with the analysis, group and set named in the
 *     message), or one of the {@link ReportWarnings} codes
 */
public record EvaluationReport(
    String title,
    String producedBy,
    List<String> summary,
    String suppression,
    GroupsSection groups,
    List<InputAccount> inputs,
    List<RejectedInput> rejectedRows,
    List<OutcomeSection> outcomes,
    Optional<TenureSection> tenure,
    List<EffectSize> effectSizes,
    Optional<MultiplicitySection> multiplicity,
    Optional<AdjustmentSection> adjustment,
    Optional<PooledSection> pooled,
    List<MethodNote> methods,
    List<Warning> warnings) {
  public EvaluationReport {
    Objects.requireNonNull(adjustment, "adjustment");
    Objects.requireNonNull(pooled, "pooled");
    summary = List.copyOf(summary);
    inputs = List.copyOf(inputs);
    rejectedRows = List.copyOf(rejectedRows);
    outcomes = List.copyOf(outcomes);
    effectSizes = List.copyOf(effectSizes);
    methods = List.copyOf(methods);
    warnings = List.copyOf(warnings);
  }

  /**
   * The groups compared.
   *
   * @param intervention the peer-support group's label
   * @param comparison the comparison group's label
   * @param comparisonKind how the comparison group was formed
   * @param design the designs used, in words
   * @param people people per group (suppressed), intervention first
   * @param asTreatedRule the as-treated rule in words, when there is one
   * @param asTreated people in the as-treated set (suppressed), when there is one
   */
  public record GroupsSection(String intervention, String comparison, String comparisonKind, String design,
      List<GroupCount> people, Optional<String> asTreatedRule, Optional<SuppressedCount> asTreated) {
    public GroupsSection {
      people = List.copyOf(people);
    }
  }

  /**
   * A count for one group.
   *
   * @param group the group
   * @param count the count, suppressed
   */
  public record GroupCount(String group, SuppressedCount count) {}

  /**
   * The accounting of one input file (row counts are not counts of people, so they are exact).
   *
   * @param file the file's name
   * @param read data rows read
   * @param accepted rows used
   * @param rejected rows rejected, each listed in {@code rejectedRows}
   * @param note what else the reader should know about the file
   */
  public record InputAccount(String file, long read, long accepted, long rejected, Optional<String> note) {}

  /**
   * A rejected input row: never a subject identifier, only where the row is and why.
   *
   * @param file the file's name
   * @param row the data row, from 1 after the header
   * @param reasons every reason
   */
  public record RejectedInput(String file, long row, List<String> reasons) {
    public RejectedInput {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * A method used, for the methods section.
   *
   * @param name the method
   * @param usedFor what it was used for
   * @param assumes what it assumes, in words
   */
  public record MethodNote(String name, String usedFor, String assumes) {}

  /**
   * The multiplicity adjustment over the primary outcomes' main tests.
   *
   * @param method the adjustment, for example Holm
   * @param rows each primary test with its raw and adjusted p
   */
  public record MultiplicitySection(String method, List<AdjustedP> rows) {
    public MultiplicitySection {
      rows = List.copyOf(rows);
    }
  }

  /**
   * One member of the multiplicity family.
   *
   * @param outcome the outcome
   * @param analysis the test
   * @param rawP the unadjusted p-value
   * @param adjustedP the adjusted p-value
   */
  public record AdjustedP(String outcome, String analysis, double rawP, double adjustedP) {}
}
