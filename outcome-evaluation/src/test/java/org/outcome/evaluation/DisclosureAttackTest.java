package org.outcome.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.evaluation.demo.Demo;
import org.outcome.evaluation.demo.DemoSpec;
import org.outcome.evaluation.report.DisclosurePolicy;
import org.outcome.evaluation.report.ReportHtml;
import org.outcome.evaluation.report.Suppression;

/**
 * Issue 12 as a property: many small random evaluations (groups of 10 to 40, the demo generator's smallest, varied seeds) are run,
 * and the recoveries the issue lists are tried on the published {@code report.json}. Each attack
 * reads one view and names counts it believes it has recovered, by where the count sits in the
 * report; a recovery succeeds when its value is the exact count (from {@code report-internal.json})
 * and the published report does not show that value there. On the published view no attack may
 * succeed; the same attacks run on the exact (internal) view must succeed somewhere, so they are
 * real attacks and not a test that cannot fail.
 */
class DisclosureAttackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The demo's configuration leaves the policy at its defaults. */
  private static final int MIN_EVENTS = DisclosurePolicy.of(Suppression.nhsDefault()).minEvents();
  private static final double DAYS_PER_YEAR = 365.25;
  /** The Kaplan-Meier chart's plot area, as {@code svg/KaplanMeierChart} lays it out. */
  private static final double SVG_LEFT = 140;
  private static final double SVG_TOP = 40;
  private static final double SVG_PLOT = 300;
  private static final Pattern INTEGER = Pattern.compile("(?<![\\w.\\-:/])\\d+(?![\\w\\-:/]|\\.\\d)");
  @TempDir Path dir;
  private final Map<String, Integer> internalSuccesses = new LinkedHashMap<>();

  @Test
  void noRecoveryFromThePublishedReportThoughTheSameAttacksWorkOnTheExactOne() {
    InstrumentRegistry instruments = InstrumentRegistry.load();
    AnalysisRegistry analyses = AnalysisRegistry.load();
    int[] run = {0};
    // more cohorts: -Doutcome.disclosure.examples=400 -Doutcome.disclosure.seed=N (passed by argLine)
    qt().withExamples(Integer.getInteger("outcome.disclosure.examples", 20)).withShrinkCycles(0)
        .withFixedSeed(Long.getLong("outcome.disclosure.seed", 20261203L))
        .forAll(integers().between(10, 40), longs().between(1, 1_000_000))
        .checkAssert((people, seed) -> {
          Path out = dir.resolve("run" + run[0]++);
          Demo.Result r = Demo.run(DemoSpec.standard().withPerGroup(people).withSeed(seed), out, instruments,
              analyses, ProgressListener.silent());
          JsonNode published = read(r.json());
          JsonNode internal = read(r.internalJson());
          assertThat(internal.get("notForPublication").asText()).startsWith("NOT FOR PUBLICATION");
          assertThat(published.has("notForPublication")).isFalse();
          Map<String, List<String>> onPublished = successes(published, internal, published);
          assertThat(onPublished).as("recoveries from report.json (people %d, seed %d)", people, seed).isEmpty();
          successes(internal, internal, published).forEach((k, v) -> internalSuccesses.merge(k, v.size(), Integer::sum));
          assertThat(html(r.html())).doesNotContainPattern("df = [0-9]");
          // the Kaplan-Meier chart in report.html, read back from its SVG path coordinates
          assertThat(svgRecoveries(html(r.html()), internal))
              .as("recoveries from report.html's SVG (people %d, seed %d)", people, seed).isEmpty();
          Path exactHtml = out.resolve("report-internal.html");
          ReportHtml.write(r.internal(), exactHtml);
          svgRecoveries(html(exactHtml), internal).forEach((k, v) -> internalSuccesses.merge(k, v.size(), Integer::sum));
        });
    // the attacks are real: each kind recovers hidden counts from the exact view
    assertThat(internalSuccesses.keySet()).contains("df", "count statistic", "warning text", "differencing",
        "km first step", "percentage", "bed-days", "box plot", "risk ratio to cells", "km step day",
        "person-days", "svg km step day", "svg km step height", "rate ratio to events",
        "sandwich rate ratio to events");
  }

  /** Every attack on {@code view}; those that recover a count the published view hides. */
  private static Map<String, List<String>> successes(JsonNode view, JsonNode truth, JsonNode published) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    Map<String, Map<String, Long>> guesses = new LinkedHashMap<>();
    guesses.put("df", degreesOfFreedom(view));
    guesses.put("km first step", kmFirstStep(view));
    guesses.put("percentage", percentages(view));
    guesses.put("differencing", differencing(view, view == truth));
    guesses.put("bed-days", bedDays(view));
    guesses.put("risk ratio to cells", riskRatioCells(view, published, view != published));
    guesses.put("rate ratio to events", rateRatioEvents(view, "rate-ratio", view != published));
    guesses.put("sandwich rate ratio to events", rateRatioEvents(view, "recurrent-rates", view != published));
    guesses.forEach((attack, g) -> g.forEach((ptr, value) -> {
      JsonNode exact = truth.at(ptr);
      if (exact.isNumber() && exact.asLong() == value && !published.at(ptr).asText().equals(Long.toString(value))) {
        found.computeIfAbsent(attack, k -> new ArrayList<>()).add(ptr + " = " + value);
      }
    }));
    // a count-valued statistic (a cell of the 2x2 table, events in a group) is a count shown exactly
    for (JsonNode e : tenureAnalyses(view)) {
      if (Set.of("fisher-exact", "rate-ratio").contains(e.path("analysis").asText())
          && e.path("test").path("value").isNumber() && e.path("test").path("value").asDouble() > 7) {
        found.computeIfAbsent("count statistic", k -> new ArrayList<>()).add(e.path("analysis").asText());
      }
    }
    // counts in warning text: 1 to 7, or not a multiple of 5
    for (JsonNode w : view.path("warnings")) {
      Matcher m = INTEGER.matcher(w.path("message").asText());
      while (m.find()) {
        if (m.group().length() < 10) {
          long v = Long.parseLong(m.group());
          if (v >= 1 && v <= 7 || v % 5 != 0) {
            found.computeIfAbsent("warning text", k -> new ArrayList<>()).add(w.path("message").asText());
          }
        }
      }
    }
    kmStepDays(view, truth).forEach(r -> found.computeIfAbsent("km step day", k -> new ArrayList<>()).add(r));
    personDays(view, truth, published)
        .forEach(r -> found.computeIfAbsent("person-days", k -> new ArrayList<>()).add(r));
    // box plots of groups too small to have 10 values beyond each whisker give the extremes away
    JsonNode outcomes = view.path("outcomes");
    for (int i = 0; i < outcomes.size(); i++) {
      for (JsonNode d : outcomes.get(i).path("distributions")) {
        long n = ittN(truth.path("outcomes").get(i), d.path("group").asText());
        if (n < 100) {
          found.computeIfAbsent("box plot", k -> new ArrayList<>()).add(d.path("group").asText() + " n=" + n);
        }
      }
    }
    return found;
  }

  /** df beside n: paired t has df = n - 1, ANCOVA's residual df = n - 3. */
  private static Map<String, Long> degreesOfFreedom(JsonNode view) {
    Map<String, Long> g = new LinkedHashMap<>();
    JsonNode outcomes = view.path("outcomes");
    for (int i = 0; i < outcomes.size(); i++) {
      for (String part : List.of("beforeAndAfter", "comparison")) {
        JsonNode entries = outcomes.get(i).path(part);
        for (int j = 0; j < entries.size(); j++) {
          JsonNode e = entries.get(j);
          String ptr = "/outcomes/" + i + "/" + part + "/" + j + "/n";
          if (e.path("analysis").asText().equals("paired-t") && e.path("test").path("df").isNumber()) {
            g.put(ptr, Math.round(e.path("test").path("df").asDouble()) + 1);
          }
          if (e.path("analysis").asText().equals("ancova") && e.path("test").path("denominatorDf").isNumber()) {
            g.put(ptr, Math.round(e.path("test").path("denominatorDf").asDouble()) + 3);
          }
        }
      }
    }
    return g;
  }

  /** The first drop of a Kaplan-Meier curve is 1/n when one person is readmitted first. */
  private static Map<String, Long> kmFirstStep(JsonNode view) {
    Map<String, Long> g = new LinkedHashMap<>();
    JsonNode curves = view.path("tenure").path("curves");
    for (JsonNode c : curves) {
      JsonNode s = c.path("survival");
      for (int k = 0; k < s.size(); k++) {
        double drop = 1 - s.get(k).asDouble();
        if (drop > 0) {
          double n = 1 / drop;
          if (Math.abs(n - Math.rint(n)) < 1e-6) {
            g.put(groupPtr(view, c.path("group").asText()), Math.round(n));
          }
          break;
        }
      }
    }
    return g;
  }

  /**
   * A Kaplan-Meier step's x-position as a person's readmission day: a step (a point where the
   * view's survival drops) whose interval since the previous step holds exactly one exact event
   * places that person's readmission in it, and a step at an exact event day pooling fewer than
   * {@code minEvents} events since the previous step gives the day of a handful of people. Each
   * such step is a recovery, named by group and day.
   */
  private static List<String> kmStepDays(JsonNode view, JsonNode truth) {
    List<String> found = new ArrayList<>();
    for (JsonNode c : view.path("tenure").path("curves")) {
      JsonNode exact = curve(truth, c.path("group").asText());
      JsonNode time = c.path("time");
      JsonNode survival = c.path("survival");
      double previous = 0;
      for (int k = 0; k < time.size(); k++) {
        // every curve starts at 1 on day 0, whether or not its first point is day 0
        if (!(survival.get(k).asDouble() < (k == 0 ? 1 : survival.get(k - 1).asDouble()))) {
          continue; // a censoring time: no step
        }
        double x = time.get(k).asDouble();
        long events = 0;
        long atX = 0;
        for (int i = 0; i < exact.path("time").size(); i++) {
          double t = exact.path("time").get(i).asDouble();
          long e = exact.path("nEvent").get(i).asLong();
          if (t > previous && t <= x) {
            events += e;
          }
          if (t == x) {
            atX = e;
          }
        }
        if (events == 1 || atX > 0 && events < MIN_EVENTS) {
          found.add(c.path("group").asText() + " day " + x + " (" + events + " events since day " + previous + ")");
        }
        previous = x;
      }
    }
    return found;
  }

  /**
   * The Kaplan-Meier chart's curves read back from the SVG in {@code html}, as {@code
   * svg/KaplanMeierChart} draws them: a path {@code M x,y} then {@code H x} to each time and
   * {@code V y} where survival changes, with x = LEFT + plotWidth * t / xMax (the scale read off
   * the x-axis tick labels) and y = TOP + PLOT * (1 - S). Each vertical segment is a step at day t
   * of height S(before) - S(after). A step is a recovery, checked against the exact curve in
   * {@code truth}, when its interval since the previous step holds exactly one exact event, when it
   * sits on an exact event day with fewer than {@code minEvents} events since the previous step
   * ("svg km step day"), or when its height is k/n for the group's exact size n with k &lt;
   * {@code minEvents} the exact number of events in the interval ("svg km step height").
   */
  private static Map<String, List<String>> svgRecoveries(String html, JsonNode truth) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    Element chart = Jsoup.parse(html).select("svg").stream()
        .filter(svg -> svg.selectFirst("title") != null && svg.selectFirst("title").text().startsWith("Time to psychiatric"))
        .findFirst().orElse(null);
    if (chart == null) {
      return found;
    }
    // the x scale from the x-axis ticks: the tick labels under the plot, at y = TOP + PLOT + 16
    double tickX = Double.NaN;
    double tickDay = Double.NaN;
    for (Element tick : chart.select("text.tick")) {
      if (Double.parseDouble(tick.attr("y")) == SVG_TOP + SVG_PLOT + 16) {
        tickX = Double.parseDouble(tick.attr("x"));
        tickDay = Double.parseDouble(tick.text());
      }
    }
    double daysPerPixel = tickDay / (tickX - SVG_LEFT);
    for (Element group : chart.select("g.km-group")) {
      String label = group.attr("aria-label");
      JsonNode exact = curve(truth, label);
      long n = groupPeople(truth, label);
      Element path = group.selectFirst("path.km-curve");
      if (path == null || exact.isMissingNode()) {
        continue;
      }
      double x = SVG_LEFT;
      double survival = 1;
      double previous = 0;
      for (String token : path.attr("d").trim().split("\\s+")) {
        char op = token.charAt(0);
        if (op == 'H') {
          x = Double.parseDouble(token.substring(1));
        } else if (op == 'V') {
          double after = 1 - (Double.parseDouble(token.substring(1)) - SVG_TOP) / SVG_PLOT;
          double day = Math.rint((x - SVG_LEFT) * daysPerPixel);
          double height = survival - after;
          long events = 0;
          long atDay = 0;
          for (int i = 0; i < exact.path("time").size(); i++) {
            double t = exact.path("time").get(i).asDouble();
            long e = exact.path("nEvent").get(i).asLong();
            if (t > previous && t <= day) {
              events += e;
            }
            if (t == day) {
              atDay = e;
            }
          }
          if (events == 1 || atDay > 0 && events < MIN_EVENTS) {
            found.computeIfAbsent("svg km step day", k -> new ArrayList<>())
                .add(label + " day " + day + " (" + events + " events since day " + previous + ")");
          }
          for (long k = 1; k < MIN_EVENTS && n > 0; k++) {
            if (Math.abs(height - (double) k / n) < 1e-4 && events == k) {
              found.computeIfAbsent("svg km step height", key -> new ArrayList<>())
                  .add(label + " day " + day + ": " + k + "/" + n);
            }
          }
          survival = after;
          previous = day;
        }
      }
    }
    return found;
  }

  /** The exact number of people in a group's time to readmission. */
  private static long groupPeople(JsonNode view, String group) {
    JsonNode people = view.at(groupPtr(view, group));
    return people.isNumber() ? people.asLong() : 0;
  }

  /**
   * Person-years are days followed / 365.25: when the view's person-years times 365.25 is a whole
   * number, it is the exact total of days followed, a sum of individual follow-up times. A recovery
   * when it equals the exact total and the published view does not show the exact person-years.
   */
  private static List<String> personDays(JsonNode view, JsonNode truth, JsonNode published) {
    List<String> found = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    for (int i = 0; i < view.path("tenure").path("groups").size(); i++) {
      pointers.add("/tenure/groups/" + i + "/personYears");
      pointers.add("/tenure/groups/" + i + "/personYearsInCommunity");
    }
    pointers.add("/tenure/bedDays/personYears");
    for (String ptr : pointers) {
      JsonNode v = view.at(ptr);
      JsonNode exact = truth.at(ptr);
      if (!v.isNumber() || !exact.isNumber() || published.at(ptr).asDouble() == exact.asDouble()) {
        continue;
      }
      double days = v.asDouble() * DAYS_PER_YEAR;
      double exactDays = exact.asDouble() * DAYS_PER_YEAR;
      if (days > 0 && Math.abs(days - Math.rint(days)) < 1e-6 && Math.abs(exactDays - Math.rint(days)) < 1e-6) {
        found.add(ptr + " x 365.25 = " + Math.round(days) + " days");
      }
    }
    return found;
  }

  private static JsonNode curve(JsonNode view, String group) {
    for (JsonNode c : view.path("tenure").path("curves")) {
      if (c.path("group").asText().equals(group)) {
        return c;
      }
    }
    return JSON.missingNode();
  }

  /** Survival at a day as a fraction k/n with the smallest n: the group's size before any censoring. */
  private static Map<String, Long> percentages(JsonNode view) {
    Map<String, Long> g = new LinkedHashMap<>();
    for (JsonNode c : view.path("tenure").path("curves")) {
      for (JsonNode v : c.path("survivalAt")) {
        if (!v.isNumber() || v.asDouble() >= 1 || v.asDouble() <= 0) {
          continue;
        }
        for (long n = 2; n <= 60; n++) {
          double k = Math.rint(v.asDouble() * n);
          if (Math.abs(v.asDouble() - k / n) < 1e-4) {
            g.putIfAbsent(groupPtr(view, c.path("group").asText()), n);
            break;
          }
        }
      }
    }
    return g;
  }

  /** enrolled = included + each reason: a hidden reason follows by subtraction when the rest are exact enough. */
  private static Map<String, Long> differencing(JsonNode view, boolean exact) {
    Map<String, Long> g = new LinkedHashMap<>();
    JsonNode outcomes = view.path("outcomes");
    for (int i = 0; i < outcomes.size(); i++) {
      // enrolled = included + each reason
      JsonNode exclusions = outcomes.get(i).path("exclusions");
      for (int j = 0; j < exclusions.size(); j++) {
        String at = "/outcomes/" + i + "/exclusions/" + j;
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        parts.put(at + "/included", exclusions.get(j).path("included"));
        JsonNode reasons = exclusions.get(j).path("excluded");
        for (int k = 0; k < reasons.size(); k++) {
          parts.put(at + "/excluded/" + k + "/count", reasons.get(k).path("count"));
        }
        difference(exclusions.get(j).path("enrolled"), at + "/enrolled", parts, exact, g);
        // as treated, the people meeting the dose rule = included + those missing a score
        if (exclusions.get(j).path("set").asText().startsWith("as-treated")
            && exclusions.get(j).path("group").equals(view.path("groups").path("intervention"))) {
          Map<String, JsonNode> scored = new LinkedHashMap<>();
          scored.put(at + "/included", exclusions.get(j).path("included"));
          for (int k = 0; k < reasons.size(); k++) {
            if (reasons.get(k).path("reason").asText().startsWith("missing")) {
              scored.put(at + "/excluded/" + k + "/count", reasons.get(k).path("count"));
            }
          }
          difference(view.path("groups").path("asTreated"), "/groups/asTreated", scored, exact, g);
        }
      }
      // n = improved + unchanged + deteriorated
      JsonNode reliable = outcomes.get(i).path("reliableChange");
      for (int j = 0; j < reliable.size(); j++) {
        String at = "/outcomes/" + i + "/reliableChange/" + j;
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (String part : List.of("improved", "unchanged", "deteriorated")) {
          parts.put(at + "/" + part, reliable.get(j).path(part));
        }
        difference(reliable.get(j).path("n"), at + "/n", parts, exact, g);
      }
    }
    // a group's people = readmitted + censored, and = readmitted + not readmitted + unknown by the horizon
    JsonNode groups = view.path("tenure").path("groups");
    JsonNode table = view.path("tenure").path("readmissionTable");
    for (int i = 0; i < groups.size(); i++) {
      String at = "/tenure/groups/" + i;
      Map<String, JsonNode> parts = new LinkedHashMap<>();
      parts.put(at + "/readmitted", groups.get(i).path("readmitted"));
      parts.put(at + "/censored", groups.get(i).path("censored"));
      difference(groups.get(i).path("people"), at + "/people", parts, exact, g);
      for (int j = 0; j < table.size(); j++) {
        if (table.get(j).path("group").equals(groups.get(i).path("group"))) {
          Map<String, JsonNode> row = new LinkedHashMap<>();
          for (String part : List.of("readmitted", "notReadmitted", "unknown")) {
            row.put("/tenure/readmissionTable/" + j + "/" + part, table.get(j).path(part));
          }
          difference(groups.get(i).path("people"), at + "/people", row, exact, g);
        }
      }
    }
    return g;
  }

  /**
   * Differencing on {@code total = sum of parts}: each count lies between what the others allow
   * (the total's least less the parts' greatest, and so on); one that is pinned is a guess.
   */
  private static void difference(JsonNode total, String totalAt, Map<String, JsonNode> parts, boolean exact,
      Map<String, Long> guesses) {
    long[] t = range(total, exact);
    long lo = 0;
    long hi = 0;
    for (JsonNode part : parts.values()) {
      long[] r = range(part, exact);
      lo += r[0];
      hi += r[1];
    }
    if (Math.max(t[0], lo) == Math.min(t[1], hi)) {
      guesses.put(totalAt, Math.max(t[0], lo));
    }
    for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
      long[] own = range(part.getValue(), exact);
      long from = Math.max(own[0], t[0] - (hi - own[1]));
      long to = Math.min(own[1], t[1] - (lo - own[0]));
      if (from == to) {
        guesses.put(part.getKey(), from);
      }
    }
  }

  /** What a shown count can be: * is 1 to 7, a rounded c is c - 2 to c + 2, 0 is 0. */
  private static long[] range(JsonNode count, boolean exact) {
    if (!count.isNumber()) {
      return new long[] {1, 7};
    }
    long c = count.asLong();
    return exact || c == 0 ? new long[] {c, c} : new long[] {Math.max(8, c - 2), c + 2};
  }

  /**
   * The risk ratio fits few 2x2 tables: every table within the published readmission counts (a
   * {@code *} is 1 to 7, a rounded c is c - 2 to c + 2) whose ratio is the view's risk ratio (to
   * its precision: exact in the internal view, half a unit in the last of 2 significant digits in
   * the published one); one such table gives every cell.
   */
  private static Map<String, Long> riskRatioCells(JsonNode view, JsonNode published, boolean exact) {
    JsonNode rows = published.path("tenure").path("readmissionTable");
    JsonNode rr = null;
    for (JsonNode e : tenureAnalyses(view)) {
      if (e.path("analysis").asText().equals("risk-ratio") && e.path("estimate").path("value").isNumber()) {
        rr = e.path("estimate").path("value");
      }
    }
    if (rr == null || rows.size() != 2) {
      return Map.of();
    }
    double target = rr.asDouble();
    double tolerance = exact ? 1e-9 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(target))) - 1);
    long[][] r = new long[4][];
    r[0] = range(rows.get(0).path("readmitted"), false);
    r[1] = range(rows.get(0).path("notReadmitted"), false);
    r[2] = range(rows.get(1).path("readmitted"), false);
    r[3] = range(rows.get(1).path("notReadmitted"), false);
    List<long[]> fits = new ArrayList<>();
    for (long a = r[0][0]; a <= r[0][1]; a++) {
      for (long b = r[1][0]; b <= r[1][1]; b++) {
        for (long c = r[2][0]; c <= r[2][1]; c++) {
          for (long d = r[3][0]; d <= r[3][1]; d++) {
            if (a + b == 0 || c + d == 0 || a == 0 || c == 0) {
              continue;
            }
            double first = ((double) a / (a + b)) / ((double) c / (c + d));
            if (Math.abs(first - target) <= tolerance || Math.abs(1 / first - target) <= tolerance) {
              fits.add(new long[] {a, b, c, d});
            }
          }
        }
      }
    }
    if (fits.size() != 1) {
      return Map.of();
    }
    long[] t = fits.get(0);
    return Map.of("/tenure/readmissionTable/0/readmitted", t[0], "/tenure/readmissionTable/0/notReadmitted", t[1],
        "/tenure/readmissionTable/1/readmitted", t[2], "/tenure/readmissionTable/1/notReadmitted", t[3]);
  }

  /** Expected minus saved bed-days is the observed bed-days. */
  private static Map<String, Long> bedDays(JsonNode view) {
    JsonNode b = view.path("tenure").path("bedDays");
    if (!b.path("expected").isNumber() || !b.path("saved").isNumber()) {
      return Map.of();
    }
    return Map.of("/tenure/bedDays/observed", Math.round(b.path("expected").asDouble() - b.path("saved").asDouble()));
  }

  private static String groupPtr(JsonNode view, String group) {
    JsonNode groups = view.path("tenure").path("groups");
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).path("group").asText().equals(group)) {
        return "/tenure/groups/" + i + "/people";
      }
    }
    return "/none";
  }

  private static long ittN(JsonNode outcome, String group) {
    for (JsonNode d : outcome.path("descriptives")) {
      if (d.path("group").asText().equals(group)) {
        return d.path("n").asLong();
      }
    }
    return 0;
  }

  /**
   * A rate ratio is (e1 / t1) / (e2 / t2): with the person-years in the community as published
   * (exact in the internal view, else anywhere that rounds to the 2 digits shown) and the
   * readmissions within their published ranges, the pairs (e1, e2) that fit the ratio to its
   * precision (in the internal view to 0.1%, since the sandwich rates' time at risk is counted a
   * little differently); one value of e1 (or e2) among them is a guess.
   */
  private static Map<String, Long> rateRatioEvents(JsonNode view, String analysis, boolean exact) {
    JsonNode groups = view.path("tenure").path("groups");
    JsonNode rr = null;
    for (JsonNode e : tenureAnalyses(view)) {
      if (e.path("analysis").asText().equals(analysis) && e.path("estimate").path("value").isNumber()) {
        rr = e.path("estimate").path("value");
      }
    }
    if (rr == null || groups.size() != 2) {
      return Map.of();
    }
    double target = rr.asDouble();
    double tolerance = exact ? 1e-3 * target : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(target))) - 1);
    double[][] years = new double[2][];
    long[][] events = new long[2][];
    for (int g = 0; g < 2; g++) {
      double t = groups.get(g).path("personYearsInCommunity").asDouble();
      double half = exact ? 0 : 0.5 * Math.pow(10, Math.floor(Math.log10(t)) - 1);
      years[g] = new double[] {t - half, t + half};
      events[g] = range(groups.get(g).path("readmissions"), exact);
    }
    java.util.Set<Long> first = new java.util.TreeSet<>();
    java.util.Set<Long> second = new java.util.TreeSet<>();
    for (long e1 = Math.max(1, events[0][0]); e1 <= events[0][1]; e1++) {
      for (long e2 = Math.max(1, events[1][0]); e2 <= events[1][1]; e2++) {
        double lo = (e1 / years[0][1]) / (e2 / years[1][0]);
        double hi = (e1 / years[0][0]) / (e2 / years[1][1]);
        if (lo <= target + tolerance && hi >= target - tolerance) {
          first.add(e1);
          second.add(e2);
        }
      }
    }
    Map<String, Long> g = new LinkedHashMap<>();
    if (first.size() == 1) {
      g.put("/tenure/groups/0/readmissions", first.iterator().next());
    }
    if (second.size() == 1) {
      g.put("/tenure/groups/1/readmissions", second.iterator().next());
    }
    return g;
  }

  private static List<JsonNode> tenureAnalyses(JsonNode view) {
    List<JsonNode> list = new ArrayList<>();
    view.path("tenure").path("analyses").forEach(list::add);
    return list;
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String html(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
