package org.outcome.evaluation.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.outcome.api.AnalysisId;
import org.outcome.api.OutcomeException;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PersonTimeCounts;
import org.outcome.api.sample.Sample;
import org.outcome.api.sample.TwoByTwoTable;
import org.outcome.stats.common.StandardNormal;
import org.outcome.stats.paired.AnalysisSet;

/**
 * The publication view of an evaluation: every section of the exact results (counts exact, as the
 * runners produce them with {@link Suppression#none()}) turned into what may be published under a
 * {@link DisclosurePolicy}. Nothing is published that was not passed through here: every count of
 * people is suppressed and rounded; every number derived from counts is recomputed from the
 * rounded counts or reduced in precision; degrees of freedom and count-valued test statistics are
 * withheld; Kaplan-Meier curves are pooled onto a grid with enough people at risk and events per
 * step; box plots need enough values beyond each whisker; counts in warning text are suppressed.
 * The exact report goes only to {@code report-internal.json} ({@link ReportJson#writeInternal}).
 */
public final class Disclosure {
  private static final Pattern INTEGER = Pattern.compile("(?<![\\w.\\-:/])\\d+(?![\\w\\-:/]|\\.\\d)");
  private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.\\-:/])\\d+\\.\\d+(?![\\w\\-:/])");
  /** The sandwich rates of recurrent readmissions, whose rate ratio is a ratio of counts over time. */
  private static final AnalysisId RECURRENT_RATES = AnalysisId.of("recurrent-rates");
  /** The reasons for leaving out someone who met the dose rule: a missing score. */
  private static final Set<String> MISSING_A_SCORE = Set.of(AnalysisSet.Exclusion.MISSING_BASELINE.label(),
      AnalysisSet.Exclusion.MISSING_FOLLOW_UP.label());
  /** The warning code of an analysis published without its numbers, which would give a count away. */
  static final String WITHHELD = "withheld-small-count";
  /** A bound no count reaches: a hidden count read as any count of 1 or more. */
  private static final long UNBOUNDED = Long.MAX_VALUE / 4;
  private final DisclosurePolicy policy;

  /** A publication view under the given policy. */
  public Disclosure(DisclosurePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy. */
  public DisclosurePolicy policy() {
    return policy;
  }

  // ---- counts and numbers -------------------------------------------------------------------

  /** An exact count as it may be published. */
  public SuppressedCount count(SuppressedCount exact) {
    return exact.value().isPresent() ? policy.counts().apply(exact.value().getAsLong()) : exact;
  }

  /**
   * Exact counts that add up to an exact total, as they may be published beside the total. Each is
   * first published by the count rule. A reader holding the published total and parts can then
   * bound each count by differencing (a part lies between the total's least value less the other
   * parts' greatest and the total's greatest less the others' least); where that pins a hidden or
   * rounded count to one value (reading a {@code *} as 1 to the rule's largest hidden count, or as
   * any count of 1 or more), the largest part still shown among those after the first
   * {@code fixed} (published elsewhere, so not hidden here) is shown as {@code *} too, and so on
   * until nothing is pinned or nothing is left to hide. Zeros stay shown.
   *
   * @param exactTotal the exact total; when the parts do not add up to it (or a count is hidden
   *     already) they are published by the count rule alone
   * @param exactParts the exact parts
   * @param fixed how many leading parts stay as the count rule publishes them
   */
  public List<SuppressedCount> parts(SuppressedCount exactTotal, List<SuppressedCount> exactParts, int fixed) {
    return parts(exactParts, fixed, List.of(new Sum(exactTotal, IntStream.range(0, exactParts.size()).toArray())));
  }

  /**
   * A total published elsewhere that some of a row's parts add up to.
   *
   * @param exactTotal the exact total
   * @param parts the indices of the parts that add up to it
   */
  record Sum(SuppressedCount exactTotal, int[] parts) {}

  /**
   * Parts as {@link #parts(SuppressedCount, List, int)} publishes them, protected against
   * differencing on each of several sums at once (a sum whose parts do not add up to its total is
   * no relation and is left out): while a sum pins a count, the largest part still shown (after
   * the first {@code fixed}) of the sums that pin one is hidden.
   */
  List<SuppressedCount> parts(List<SuppressedCount> exactParts, int fixed, List<Sum> sums) {
    List<SuppressedCount> shown = new ArrayList<>(exactParts.stream().map(this::count).toList());
    if (exactParts.stream().anyMatch(SuppressedCount::hidden)) {
      return shown;
    }
    long[] exact = exactParts.stream().mapToLong(c -> c.value().getAsLong()).toArray();
    List<Sum> real = sums.stream().filter(sum -> !sum.exactTotal().hidden()
        && IntStream.of(sum.parts()).mapToLong(k -> exact[k]).sum() == sum.exactTotal().value().getAsLong()).toList();
    while (true) {
      int largest = -1;
      for (Sum sum : real) {
        if (pinned(sum, exact, shown)) {
          for (int k : sum.parts()) {
            long v = shown.get(k).value().orElse(0);
            if (k >= fixed && v > 0 && (largest < 0 || v > shown.get(largest).value().getAsLong())) {
              largest = k;
            }
          }
        }
      }
      if (largest < 0) {
        return shown;
      }
      shown.set(largest, SuppressedCount.suppressed());
    }
  }

  /**
   * Whether differencing on {@code sum} pins its total or a part not shown exactly to its true
   * value, reading each hidden count as 1 to the rule's largest, then as any count of 1 or more.
   */
  private boolean pinned(Sum sum, long[] exact, List<SuppressedCount> shown) {
    for (long hiddenMax : new long[] {policy.counts().maxSuppressed(), UNBOUNDED}) {
      long[] total = policy.counts().readAs(count(sum.exactTotal()), hiddenMax);
      long lo = 0;
      long finiteHi = 0;
      int unbounded = 0;
      for (int k : sum.parts()) {
        long[] r = policy.counts().readAs(shown.get(k), hiddenMax);
        lo += r[0];
        if (r[1] >= UNBOUNDED) {
          unbounded++;
        } else {
          finiteHi += r[1];
        }
      }
      if (pins(total, lo, unbounded > 0 ? UNBOUNDED : finiteHi, sum.exactTotal().value().getAsLong())) {
        return true;
      }
      for (int k : sum.parts()) {
        long[] own = policy.counts().readAs(shown.get(k), hiddenMax);
        boolean ownUnbounded = own[1] >= UNBOUNDED;
        boolean othersUnbounded = unbounded - (ownUnbounded ? 1 : 0) > 0;
        long from = othersUnbounded ? Long.MIN_VALUE : total[0] - (finiteHi - (ownUnbounded ? 0 : own[1]));
        if (pins(own, from, total[1] - (lo - own[0]), exact[k])) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a count read as {@code own} is narrowed by {@code [lo, hi]} to exactly {@code exact}. */
  private static boolean pins(long[] own, long lo, long hi, long exact) {
    return own[0] < own[1] && Math.max(own[0], lo) == exact && Math.min(own[1], hi) == exact;
  }

  /** A number reduced to the policy's significant digits (non-finite values kept). */
  public double round(double v) {
    return round(v, RoundingMode.HALF_EVEN);
  }

  private double round(double v, RoundingMode mode) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new BigDecimal(v).round(new MathContext(policy.significantDigits(), mode)).doubleValue();
  }

  private OptionalDouble round(OptionalDouble v, RoundingMode mode) {
    return v.isPresent() ? OptionalDouble.of(round(v.getAsDouble(), mode)) : v;
  }

  private OptionalDouble round(OptionalDouble v) {
    return round(v, RoundingMode.HALF_EVEN);
  }

  private static double floor2(double v) {
    return Double.isFinite(v) ? Math.floor(v * 100) / 100 : v;
  }

  private static double ceil2(double v) {
    return Double.isFinite(v) ? Math.ceil(v * 100) / 100 : v;
  }

  private static double round2(double v) {
    return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
  }

  /** A warning's text with every whole number in it published like a count (dates and ids kept). */
  public String text(String exact) {
    String counts = INTEGER.matcher(exact).replaceAll(m -> Matcher.quoteReplacement(m.group().length() > 9 ? "*"
        : policy.counts().apply(Long.parseLong(m.group())).text()));
    return DECIMAL.matcher(counts).replaceAll(m -> new BigDecimal(m.group())
        .round(new MathContext(policy.significantDigits(), RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString());
  }

  /** A warning as it may be published. */
  public Warning warning(Warning exact) {
    return new Warning(exact.code(), text(exact.message()));
  }

  private List<Warning> warnings(List<Warning> exact) {
    return exact.stream().map(this::warning).toList();
  }

  // ---- sections -----------------------------------------------------------------------------

  /** The groups compared, counts published. */
  public EvaluationReport.GroupsSection groups(EvaluationReport.GroupsSection g) {
    return new EvaluationReport.GroupsSection(g.intervention(), g.comparison(), g.comparisonKind(), g.design(),
        groupCounts(g.people()),
        g.asTreatedRule(), g.asTreated().map(this::count));
  }

  /**
   * An analysis as it may be published: n suppressed; estimate, limits (outward), statistic and p to
   * the policy's digits; degrees of freedom withheld (exact df beside a rounded n give n away); a
   * test statistic that is a whole number (a cell, a count of events or of signs) withheld.
   */
  public AnalysisEntry analysis(AnalysisEntry e) {
    if (!e.ran()) {
      return new AnalysisEntry(e.analysis(), e.name(), e.set(), e.setKind(), e.group(), e.status(), e.method(),
          e.n(), e.estimate(), e.test(), List.of(), e.reason().map(r -> new AnalysisEntry.NotRun(r.code(),
              text(r.summary()), text(r.message()))));
    }
    Optional<AnalysisEntry.EstimateEntry> estimate = e.estimate().map(this::estimate);
    Optional<AnalysisEntry.TestEntry> test = e.test().map(t -> new AnalysisEntry.TestEntry(t.statistic(),
        t.value().isPresent() && t.value().getAsDouble() == Math.rint(t.value().getAsDouble())
            ? OptionalDouble.empty() : round(t.value()),
        OptionalDouble.empty(), OptionalDouble.empty(), p(t.p())));
    return new AnalysisEntry(e.analysis(), e.name(), e.set(), e.setKind(), e.group(), e.status(), e.method(),
        e.n().map(this::count), estimate, test, warnings(e.warnings()), e.reason());
  }

  /** A p-value to the policy's digits (rounded up, so never more significant than it was). */
  public double p(double p) {
    return Double.isFinite(p) ? Math.min(1, round(p, RoundingMode.CEILING)) : p;
  }

  /** A questionnaire outcome as it may be published. */
  public OutcomeSection outcome(OutcomeSection o) {
    return outcome(o, Optional.empty());
  }

  /**
   * A questionnaire outcome as it may be published beside the groups section whose exact counts
   * are {@code groups}: as {@link #outcome(OutcomeSection)}, and the intervention group's
   * as-treated row also protected against differencing on the number who met the dose rule
   * (published there), which is its included plus those missing a score.
   */
  public OutcomeSection outcome(OutcomeSection o, EvaluationReport.GroupsSection groups) {
    return outcome(o, Optional.of(groups));
  }

  private OutcomeSection outcome(OutcomeSection o, Optional<EvaluationReport.GroupsSection> groups) {
    List<OutcomeSection.Descriptive> descriptives = o.descriptives().stream()
        .map(d -> new OutcomeSection.Descriptive(d.group(), d.set(), count(d.n()), round(d.meanBefore()),
            round(d.meanAfter()), round(d.meanChange()), round(d.sdChange()))).toList();
    // enrolled = included + each reason; included is published beside the scores, so stays; as
    // treated, those who met the dose rule = included + those missing a score
    List<OutcomeSection.Exclusion> exclusions = o.exclusions().stream().map(x -> {
      List<SuppressedCount> exact = new ArrayList<>(List.of(x.included()));
      x.excluded().forEach(r -> exact.add(r.count()));
      List<Sum> sums = new ArrayList<>(List.of(new Sum(x.enrolled(), IntStream.range(0, exact.size()).toArray())));
      groups.filter(g -> g.asTreated().isPresent() && g.intervention().equals(x.group())
          && x.set().startsWith(AnalysisSet.Kind.AS_TREATED.label())).ifPresent(g -> {
            IntStream scored = IntStream.range(0, x.excluded().size())
                .filter(k -> MISSING_A_SCORE.contains(x.excluded().get(k).reason())).map(k -> k + 1);
            sums.add(new Sum(g.asTreated().get(), IntStream.concat(IntStream.of(0), scored).toArray()));
          });
      List<SuppressedCount> shown = parts(exact, 1, sums);
      List<OutcomeSection.Reason> reasons = new ArrayList<>();
      for (int k = 0; k < x.excluded().size(); k++) {
        reasons.add(new OutcomeSection.Reason(x.excluded().get(k).reason(), shown.get(k + 1)));
      }
      return new OutcomeSection.Exclusion(x.group(), x.set(), count(x.enrolled()), shown.get(0), reasons);
    }).toList();
    // n = improved + unchanged + deteriorated
    List<OutcomeSection.ReliableChangeRow> reliable = o.reliableChange().stream().map(r -> {
      List<SuppressedCount> shown = parts(r.n(), List.of(r.improved(), r.unchanged(), r.deteriorated()), 0);
      return new OutcomeSection.ReliableChangeRow(r.group(), r.set(), count(r.n()), shown.get(0), shown.get(1),
          shown.get(2), r.recovered().map(this::count), r.threshold());
    }).toList();
    // a box plot only where at least minBeyondWhisker values lie below p10 and above p90
    List<OutcomeSection.Distribution> distributions = new ArrayList<>();
    for (OutcomeSection.Distribution d : o.distributions()) {
      long n = o.descriptives().stream().filter(x -> x.group().equals(d.group()) && x.set().equals(itt(o, d.group())))
          .mapToLong(x -> x.n().value().orElse(0)).findFirst().orElse(0);
      if (Math.floor(0.10 * n) >= policy.minBeyondWhisker()) {
        distributions.add(new OutcomeSection.Distribution(d.group(), d.time(), round(d.p10()), round(d.p25()),
            round(d.p50()), round(d.p75()), round(d.p90())));
      }
    }
    return new OutcomeSection(o.instrument(), o.name(), o.score(), o.range(), o.primary(), descriptives, exclusions,
        o.beforeAndAfter().stream().map(this::analysis).toList(), o.comparison().stream().map(this::analysis).toList(),
        reliable, o.reliableChangeNote().map(this::text), distributions);
  }

  /** The intention-to-treat set's name of a group: the first set listed for it. */
  private static String itt(OutcomeSection o, String group) {
    return o.descriptives().stream().filter(x -> x.group().equals(group)).map(OutcomeSection.Descriptive::set)
        .findFirst().orElse("");
  }

  /**
   * Runs an analysis of counts again, on the counts as published: the readmission table
   * ({@link TwoByTwoTable}) or readmissions per person-year ({@link PersonTimeCounts}).
   */
  public interface CountAnalyses {
    /** The kind of data the analysis takes. */
    Class<? extends Sample> sampleType(AnalysisId analysis);

    /**
     * The analysis's result on {@code published}.
     *
     * @throws OutcomeException when the analysis cannot be run on the published counts
     */
    AnalysisResult rerun(AnalysisId analysis, Sample published);

    /** The registry's analyses, run with these settings. */
    static CountAnalyses of(AnalysisRegistry analyses, AnalysisSettings settings) {
      return new CountAnalyses() {
        @Override
        public Class<? extends Sample> sampleType(AnalysisId analysis) {
          return analyses.require(analysis).sampleType();
        }

        @Override
        public AnalysisResult rerun(AnalysisId analysis, Sample published) {
          return analyses.run(analysis, published, settings);
        }
      };
    }
  }

  /**
   * Community tenure as it may be published. An analysis of the readmission table (a risk ratio,
   * Fisher's test) or of readmissions per person-year (the rate ratio) is run again on the counts
   * as published, since its estimate, limits and p-value, even to two digits, can single out the
   * exact counts within the published rounded ones (or give a hidden one: with 3 readmissions in
   * one group a rate ratio to two digits tells 3 from 2 and 4); where one of its counts is hidden
   * it is published without numbers.
   *
   * @param rerun runs an analysis of counts again
   */
  public TenureSection tenure(TenureSection t, CountAnalyses rerun) {
    // people = readmitted + censored
    List<TenureSection.GroupTenure> groups = t.groups().stream().map(g -> {
      List<SuppressedCount> shown = parts(g.people(), List.of(g.readmitted(), g.censored()), 0);
      return new TenureSection.GroupTenure(g.group(), count(g.people()), shown.get(0), shown.get(1),
          count(g.readmissions()), round(g.personYears()), round(g.personYearsInCommunity()), count(g.bedDays()),
          round(g.medianDays()), round(g.medianLower(), RoundingMode.FLOOR),
          round(g.medianUpper(), RoundingMode.CEILING));
    }).toList();
    List<TenureSection.Curve> curves = t.curves().stream().map(c -> curve(c, t.atDays())).toList();
    // the group's people = readmitted + not readmitted + unknown
    List<TenureSection.ReadmissionRow> table = t.readmissionTable().stream().map(r -> {
      List<SuppressedCount> exact = List.of(r.readmitted(), r.notReadmitted(), r.unknown());
      SuppressedCount people = t.groups().stream().filter(g -> g.group().equals(r.group()))
          .map(TenureSection.GroupTenure::people).findFirst().orElse(SuppressedCount.suppressed());
      List<SuppressedCount> shown = parts(people, exact, 0);
      return new TenureSection.ReadmissionRow(r.group(), shown.get(0), shown.get(1), shown.get(2));
    }).toList();
    // bed-days: expected from the published person-years, saved = expected - published observed
    Optional<TenureSection.BedDays> bedDays = t.bedDays().map(b -> {
      double years = round(b.personYears());
      double expected = b.personYears() > 0 ? round(b.expected() / b.personYears() * years) : b.expected();
      SuppressedCount observed = count(b.observed());
      double saved = observed.value().isPresent() ? round(expected - observed.value().getAsLong()) : Double.NaN;
      return new TenureSection.BedDays(b.group(), years, observed, expected, saved, b.comparator());
    });
    Optional<TenureSection.CostOffset> costs = t.costs().map(c -> {
      double saved = bedDays.map(TenureSection.BedDays::saved).orElse(round(c.bedDaysSaved()));
      double savings = saved * c.bedDayCost();
      return new TenureSection.CostOffset(c.currency(), c.bedDayCost(), saved, savings, c.peerSupportCost(),
          savings - c.peerSupportCost(), c.source());
    });
    return new TenureSection(t.rules(), t.excluded().stream()
        .map(r -> new OutcomeSection.Reason(r.reason(), count(r.count()))).toList(), groups, curves, t.atDays(),
        t.analyses().stream().map(e -> tenureAnalysis(e, t.groups(), groups, table, rerun)).toList(), table,
        bedDays, costs,
        t.meanReadmissions().stream().map(c -> curve(c, t.atDays(), 0)).toList(),
        t.incidence().stream().map(c -> curve(c, t.atDays(), 0)).toList());
  }

  /**
   * A tenure analysis as it may be published: without numbers when a group's count of people
   * readmitted or of readmissions is hidden (a ratio of event rates, a hazard ratio or a test on 1
   * to 7 events in a group comes close to giving the count), an analysis of counts run again on the
   * published counts ({@link #countAnalysis}), any other by {@link #analysis(AnalysisEntry)}.
   */
  private AnalysisEntry tenureAnalysis(AnalysisEntry e, List<TenureSection.GroupTenure> exactGroups,
      List<TenureSection.GroupTenure> groups, List<TenureSection.ReadmissionRow> table, CountAnalyses rerun) {
    if (e.ran() && exactGroups.stream().anyMatch(g -> count(g.readmitted()).hidden()
        || count(g.readmissions()).hidden())) {
      return withoutNumbers(e, "a group's count of readmissions is shown as *, and the estimate and test would come"
          + " close to giving it");
    }
    if (!policy.counts().enabled()) {
      return analysis(e); // counts are published exactly: nothing to re-run them on
    }
    if (e.ran() && e.analysis().equals(RECURRENT_RATES)) {
      return recurrentRates(e, groups);
    }
    return countAnalysis(e, groups, table, rerun).orElseGet(() -> analysis(e));
  }

  /**
   * The readmission rates' ratio as it may be published: the ratio of the groups' published
   * readmissions per published person-year (intervention over comparison), since the exact ratio
   * of events over time to two digits singles out the exact readmissions; its robust interval and
   * test keep the exact standard error of the log ratio ({@code log(upper / lower) / (2 z)}), which
   * is no count, around the published ratio: {@code ratio exp(± z se)}, {@code z = log(ratio) / se}.
   * Without numbers when the exact entry has no interval or test, or a count is hidden.
   */
  private AnalysisEntry recurrentRates(AnalysisEntry e, List<TenureSection.GroupTenure> groups) {
    Optional<AnalysisEntry.EstimateEntry> exact = e.estimate().filter(x -> x.lower().isPresent()
        && x.level().isPresent());
    if (exact.isEmpty() || e.test().isEmpty() || groups.size() != 2
        || groups.stream().anyMatch(g -> g.readmissions().hidden() || !(g.personYearsInCommunity() > 0))) {
      return withoutNumbers(e, "its rate ratio cannot be published from the published counts");
    }
    AnalysisEntry.EstimateEntry x = exact.get();
    double z = StandardNormal.quantile((1 + x.level().getAsDouble()) / 2);
    double se = Math.log(x.upper().getAsDouble() / x.lower().getAsDouble()) / (2 * z);
    double ratio = (groups.get(0).readmissions().value().getAsLong() / groups.get(0).personYearsInCommunity())
        / (groups.get(1).readmissions().value().getAsLong() / groups.get(1).personYearsInCommunity());
    double statistic = Math.log(ratio) / se;
    AnalysisEntry onPublished = new AnalysisEntry(e.analysis(), e.name(), e.set(), e.setKind(), e.group(), e.status(),
        e.method(), e.n(), Optional.of(new AnalysisEntry.EstimateEntry(x.name(), ratio,
            OptionalDouble.of(ratio * Math.exp(-z * se)), OptionalDouble.of(ratio * Math.exp(z * se)), x.level())),
        Optional.of(new AnalysisEntry.TestEntry(e.test().get().statistic(), OptionalDouble.of(statistic),
            OptionalDouble.empty(), OptionalDouble.empty(), StandardNormal.twoSidedP(statistic))), e.warnings(),
        e.reason());
    return fromPublishedCounts(e, analysis(onPublished), "the rate ratio of the readmissions and person-years as"
        + " published (rounded), with the exact robust standard error, so that it cannot single out the exact"
        + " counts");
  }

  /**
   * An analysis of counts as it may be published: run again on the counts as published (the
   * readmission table's cells, intervention first; or each group's readmissions and person-years
   * in the community), or without numbers when one of the counts is hidden or the published counts
   * cannot be analysed; empty for an analysis of other data.
   */
  private Optional<AnalysisEntry> countAnalysis(AnalysisEntry e, List<TenureSection.GroupTenure> groups,
      List<TenureSection.ReadmissionRow> table, CountAnalyses rerun) {
    if (!e.ran()) {
      return Optional.empty();
    }
    Class<? extends Sample> type = rerun.sampleType(e.analysis());
    List<SuppressedCount> counts;
    if (type == TwoByTwoTable.class && table.size() == 2) {
      counts = List.of(table.get(0).readmitted(), table.get(0).notReadmitted(), table.get(1).readmitted(),
          table.get(1).notReadmitted());
    } else if (type == PersonTimeCounts.class && groups.size() == 2) {
      counts = List.of(groups.get(0).readmissions(), groups.get(1).readmissions());
    } else {
      return Optional.empty();
    }
    if (counts.stream().anyMatch(SuppressedCount::hidden)) {
      return Optional.of(withoutNumbers(e, "a count it analyses is shown as *, and the estimate and test would give"
          + " it away"));
    }
    long[] c = counts.stream().mapToLong(x -> x.value().getAsLong()).toArray();
    AnalysisEntry onPublished;
    try {
      Sample published = type == TwoByTwoTable.class ? TwoByTwoTable.of(c[0], c[1], c[2], c[3])
          : new PersonTimeCounts(c[0], groups.get(0).personYearsInCommunity(), c[1],
              groups.get(1).personYearsInCommunity());
      onPublished = analysis(AnalysisEntry.of(e.analysis(), e.name(), e.set(), e.setKind(), e.group(),
          rerun.rerun(e.analysis(), published), Suppression.none()));
    } catch (OutcomeException cannot) {
      return Optional.of(withoutNumbers(e, "the counts as published (rounded) cannot be analysed, and the exact ones"
          + " are not published"));
    }
    return Optional.of(fromPublishedCounts(e, onPublished, "computed from the counts as published (rounded), so"
        + " that it cannot single out the exact counts"));
  }

  /**
   * The exact entry {@code e} with the estimate, test and warnings of {@code published} (its
   * analysis of the published counts, as it may be published) and a warning saying how they were
   * found; n as the exact entry's, published.
   */
  private AnalysisEntry fromPublishedCounts(AnalysisEntry e, AnalysisEntry published, String how) {
    List<Warning> warnings = new ArrayList<>(published.warnings());
    warnings.add(new Warning("from-published-counts", how));
    return new AnalysisEntry(e.analysis(), e.name(), e.set(), e.setKind(), e.group(), e.status(), e.method(),
        e.n().map(this::count), published.estimate(), published.test(), warnings, e.reason());
  }

  private AnalysisEntry withoutNumbers(AnalysisEntry e, String why) {
    return new AnalysisEntry(e.analysis(), e.name(), e.set(), e.setKind(), e.group(), e.status(), e.method(),
        e.n().map(this::count), Optional.empty(), Optional.empty(),
        List.of(new Warning(WITHHELD, "not published: " + why)), e.reason());
  }

  /**
   * A Kaplan-Meier curve as it may be published: points only at multiples of the grid, while at
   * least {@code minAtRisk} people are at risk, and a new step only once at least
   * {@code minEvents} events have accrued since the last published step; survival to two decimals,
   * limits outward. Survival at the chosen days is read off the published curve, where enough
   * people are at risk and no event lies between the curve's last point and the day (else it is
   * withheld rather than shown stale). An exact curve without numbers at risk publishes only its first point.
   */
  public TenureSection.Curve curve(TenureSection.Curve c, List<Integer> atDays) {
    return curve(c, atDays, 1);
  }

  /**
   * A step curve that starts at {@code start} at time 0 (1 for survival, 0 for a mean cumulative
   * function or an incidence) as it may be published, by the rules of {@link #curve(TenureSection.Curve, List)}.
   */
  public TenureSection.Curve curve(TenureSection.Curve c, List<Integer> atDays, double start) {
    List<Double> time = new ArrayList<>(List.of(0.0));
    List<Double> survival = new ArrayList<>(List.of(start));
    List<Double> lower = new ArrayList<>(List.of(start));
    List<Double> upper = new ArrayList<>(List.of(start));
    double last = c.time().isEmpty() ? 0 : c.time().get(c.time().size() - 1);
    if (!c.nRisk().isEmpty()) {
      long pooled = 0;
      int i = 0;
      for (double g = policy.curveGridDays(); g <= last; g += policy.curveGridDays()) {
        while (i < c.time().size() && c.time().get(i) <= g) {
          pooled += c.nEvent().get(i);
          i++;
        }
        if (atRisk(c, g) < policy.minAtRisk()) {
          break;
        }
        if (pooled >= policy.minEvents()) {
          int at = i - 1;
          time.add(g);
          survival.add(round2(c.survival().get(at)));
          lower.add(floor2(c.lower().get(at)));
          upper.add(ceil2(c.upper().get(at)));
          pooled = 0;
        }
      }
    }
    double end = time.get(time.size() - 1);
    List<Double> survivalAt = new ArrayList<>();
    List<SuppressedCount> atRisk = new ArrayList<>();
    for (int k = 0; k < atDays.size(); k++) {
      int day = atDays.get(k);
      boolean enough = !c.nRisk().isEmpty() && atRisk(c, day) >= policy.minAtRisk();
      double s = Double.NaN;
      if (enough) {
        // the published curve's value at the day (its last point at or before it), but only where
        // no event lies between that point and the day, so the value is the true survival there
        double from = 0;
        for (int j = 0; j < time.size() && time.get(j) <= day; j++) {
          s = survival.get(j);
          from = time.get(j);
        }
        if (day > end + policy.curveGridDays() || events(c, from, day) > 0) {
          s = Double.NaN;
        }
      }
      survivalAt.add(s);
      SuppressedCount r = k < c.atRisk().size() ? count(c.atRisk().get(k)) : SuppressedCount.suppressed();
      atRisk.add(enough ? r : SuppressedCount.suppressed());
    }
    return new TenureSection.Curve(c.group(), time, survival, lower, upper, survivalAt, atRisk, List.of(), List.of());
  }

  private static long events(TenureSection.Curve c, double after, double upTo) {
    long n = 0;
    for (int i = 0; i < c.time().size(); i++) {
      if (c.time().get(i) > after && c.time().get(i) <= upTo) {
        n += c.nEvent().get(i);
      }
    }
    return n;
  }

  private static long atRisk(TenureSection.Curve c, double day) {
    for (int i = 0; i < c.time().size(); i++) {
      if (c.time().get(i) >= day) {
        return c.nRisk().get(i);
      }
    }
    return 0;
  }

  /** An effect size for the forest plot, to the policy's digits, limits outward. */
  public EffectSize effectSize(EffectSize e) {
    return new EffectSize(e.outcome(), e.comparison(), e.measure(), round(e.value()),
        round(e.lower(), RoundingMode.FLOOR), round(e.upper(), RoundingMode.CEILING));
  }

  /**
   * The propensity adjustment as it may be published: counts suppressed, the effective sizes
   * published as counts (after 1:1 matching the control group's is exactly the number matched),
   * balance, estimates and limits (outward) to the policy's digits.
   */
  public AdjustmentSection adjustment(AdjustmentSection a) {
    return new AdjustmentSection(a.method(), a.estimand(), a.covariates(), groupCounts(a.people()),
        a.leftOut().stream().map(r -> new OutcomeSection.Reason(r.reason(), count(r.count()))).toList(),
        round(a.commonSupport()), a.balance().stream().map(b -> new AdjustmentSection.BalanceRow(b.covariate(),
            round(b.smdBefore()), round(b.smdAfter()), round(b.varianceRatioBefore()), round(b.varianceRatioAfter())))
            .toList(),
        groupCounts(a.effectiveSize()), groupCounts(a.matched()), round(a.caliperWidth()),
        a.effects().stream().map(e -> new AdjustmentSection.AdjustedEffect(e.outcome(), groupCounts(e.people()),
            round(e.difference()), round(e.se()), e.seKind(), round(e.lower(), RoundingMode.FLOOR),
            round(e.upper(), RoundingMode.CEILING), e.level(), p(e.p()))).toList(),
        a.tenure().stream().map(this::adjustedSurvival).toList(), a.hazardRatio().map(this::adjustedHazardRatio),
        a.notRun().map(r -> new AnalysisEntry.NotRun(r.code(), text(r.summary()), text(r.message()))));
  }

  /**
   * The pooling across sites as it may be published: each site's counts suppressed, estimates and
   * limits (outward) to the policy's digits; a site's estimate beside a suppressed count stays,
   * since a difference in mean change reveals no count.
   */
  public PooledSection pooled(PooledSection p) {
    return new PooledSection(p.column(), p.method(), count(p.leftOut()), p.outcomes().stream()
        .map(o -> new PooledSection.PooledOutcome(o.outcome(), o.sites().stream()
            .map(s -> new PooledSection.SiteRow(s.site(), count(s.intervention()), count(s.comparison()),
                s.estimate().map(this::estimate), s.weightPercent().map(this::round))).toList(),
            o.pooled().map(x -> new PooledSection.Pooled(estimate(x.estimate()), round(x.se()), p(x.p()),
                round(x.tau2()), round(x.i2()), round(x.q()), p(x.qP()), round(x.predictionLower(), RoundingMode.FLOOR),
                round(x.predictionUpper(), RoundingMode.CEILING), x.sites())),
            o.notRun().map(r -> new AnalysisEntry.NotRun(r.code(), text(r.summary()), text(r.message())))))
        .toList());
  }

  private AnalysisEntry.EstimateEntry estimate(AnalysisEntry.EstimateEntry x) {
    return new AnalysisEntry.EstimateEntry(x.name(), round(x.value()), round(x.lower(), RoundingMode.FLOOR),
        round(x.upper(), RoundingMode.CEILING), x.level());
  }

  /**
   * A weighted survival at a day as it may be published: withheld (NaN) where fewer than
   * {@code minAtRisk} people are at risk, as for the unadjusted curves; otherwise to the policy's
   * digits, limits outward.
   */
  private AdjustmentSection.AdjustedSurvival adjustedSurvival(AdjustmentSection.AdjustedSurvival s) {
    boolean enough = s.atRisk().value().orElse(0) >= policy.minAtRisk();
    return new AdjustmentSection.AdjustedSurvival(s.group(), s.day(), count(s.atRisk()),
        enough ? round(s.survival()) : Double.NaN, enough ? round(s.se()) : Double.NaN,
        enough ? round(s.lower(), RoundingMode.FLOOR) : Double.NaN,
        enough ? round(s.upper(), RoundingMode.CEILING) : Double.NaN);
  }

  /**
   * The adjusted hazard ratio as it may be published: counts suppressed; estimate, SE, limits
   * (outward) and p to the policy's digits, or all withheld (NaN) when a group has fewer than
   * {@code minEvents} events (the interval's width would tell how few).
   */
  private AdjustmentSection.AdjustedHazardRatio adjustedHazardRatio(AdjustmentSection.AdjustedHazardRatio h) {
    boolean enough = h.events().stream().allMatch(c -> c.count().value().orElse(0) >= policy.minEvents());
    return new AdjustmentSection.AdjustedHazardRatio(groupCounts(h.people()), groupCounts(h.events()),
        enough ? round(h.hazardRatio()) : Double.NaN, enough ? round(h.se()) : Double.NaN, h.seKind(),
        enough ? round(h.lower(), RoundingMode.FLOOR) : Double.NaN,
        enough ? round(h.upper(), RoundingMode.CEILING) : Double.NaN, h.level(), enough ? p(h.p()) : Double.NaN);
  }

  private List<EvaluationReport.GroupCount> groupCounts(List<EvaluationReport.GroupCount> exact) {
    return exact.stream().map(c -> new EvaluationReport.GroupCount(c.group(), count(c.count()))).toList();
  }

  /** The multiplicity table, p-values to the policy's digits. */
  public EvaluationReport.MultiplicitySection multiplicity(EvaluationReport.MultiplicitySection m) {
    return new EvaluationReport.MultiplicitySection(m.method(), m.rows().stream()
        .map(r -> new EvaluationReport.AdjustedP(r.outcome(), r.analysis(), p(r.rawP()), p(r.adjustedP()))).toList());
  }

  /** Every warning, counts in the text published like counts. */
  public List<Warning> allWarnings(List<Warning> exact) {
    return warnings(exact);
  }
}
