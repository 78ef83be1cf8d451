package org.outcome.cli.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.outcome.api.DegenerateDataException;
import org.outcome.api.InvalidInputException;
import org.outcome.api.Violation;
import org.outcome.api.sample.CompetingRisksSample;
import org.outcome.api.sample.CountingProcessSample;
import org.outcome.api.sample.Factor;
import org.outcome.cli.io.CompleteCases;
import org.outcome.io.EventCoding;
import org.outcome.io.MissingValues;
import org.outcome.io.RowProblems;
import org.outcome.io.Table;
import org.outcome.io.TableReader;
import org.outcome.io.TableReader.Empty;

/**
 * Reads the rows of the recurrent-event and competing-risks commands: counting-process rows
 * {@code (start, stop]} with an event and a person, or times with a status code. Rows with an
 * empty cell (or {@code NA}, or another {@code --na} marker) in a column the command uses are left
 * out (as R's {@code na.omit}) and listed; a bad value is refused naming its row (the file's data
 * row, from 1) and column, never the value. The event column of counting-process rows is coded
 * 0/1, 1/2 or TRUE/FALSE, as R's {@code Surv} reads it ({@link EventCoding}).
 */
final class RecurrentInput {
  private RecurrentInput() {}

  /** Counting-process rows, the rows left out and how the event column was coded. */
  record Counting(CountingProcessSample sample, List<Long> omittedRows, EventCoding eventCoding) {}

  /** Competing-risks rows and the rows left out. */
  record Competing(CompetingRisksSample sample, List<Long> omittedRows) {}

  /**
   * The columns a command reads (each fetched from the table once), their complete rows, and
   * those rows' numbers in the file.
   */
  private record Columns(Map<String, double[]> numeric, Map<String, String[]> text, CompleteCases complete,
      long[] rows) {
    boolean[] flags(boolean[] all) {
      return complete.keep(all);
    }

    double[] numbers(String column) {
      return complete.keep(numeric.get(column));
    }

    String[] texts(String column) {
      return complete.keep(text.get(column));
    }

    int kept() {
      return complete.kept();
    }

    List<Long> omitted() {
      return complete.omittedRows();
    }
  }

  private static Columns read(Path file, MissingValues missing, List<String> numeric, List<String> text) {
    TableReader reader = TableReader.of(file).missing(missing);
    for (String c : numeric) {
      reader = reader.numeric(c, Empty.AS_MISSING);
    }
    for (String c : text) {
      reader = reader.text(c, Empty.AS_MISSING);
    }
    Table table = reader.read();
    Map<String, double[]> numbers = new HashMap<>();
    numeric.forEach(c -> numbers.put(c, table.numeric(c)));
    Map<String, String[]> texts = new HashMap<>();
    text.forEach(c -> texts.put(c, table.text(c)));
    CompleteCases complete = CompleteCases.of(numeric.stream().map(numbers::get).toList(),
        text.stream().map(texts::get).toList());
    if (complete.kept() == 0) {
      throw DegenerateDataException.noCompleteRow("file", complete.total());
    }
    return new Columns(numbers, texts, complete, complete.rowNumbers());
  }

  /**
   * Reads {@code (start, stop]} rows.
   *
   * @param id the person column, or {@code null} (each row its own person)
   * @param groupOrder puts the group's levels in the order asked for ({@code --levels}, {@code --reference})
   * @throws InvalidInputException naming every bad cell: an event column with no coding, a start
   *     below 0, a start not before its stop, a person's intervals overlapping
   */
  static Counting counting(Path file, MissingValues missing, String start, String stop, String event, String id,
      String group, UnaryOperator<Factor> groupOrder, String strata, List<String> covariates) {
    List<String> numeric = new ArrayList<>(List.of(start, stop));
    numeric.addAll(covariates);
    List<String> text = new ArrayList<>(List.of(event));
    for (String c : new String[] {id, group, strata}) {
      if (c != null) {
        text.add(c);
      }
    }
    Columns c = read(file, missing, numeric, text);
    double[] starts = c.numbers(start);
    double[] stops = c.numbers(stop);
    EventCoding.Decoded decoded = EventCoding.decode(event, c.text().get(event));
    boolean[] flags = c.flags(decoded.events());
    RowProblems problems = new RowProblems();
    for (int k = 0; k < flags.length; k++) {
      if (starts[k] < 0) {
        problems.add(c.rows()[k], start, "negative");
      }
    }
    problems.throwIfAny("invalid values in " + file.getFileName());
    CountingProcessSample.Builder b = CountingProcessSample.builder(starts, stops, flags).rowNumbers(c.rows());
    covariates.forEach(x -> b.covariate(x, c.numbers(x)));
    if (id != null) {
      // an identifier: its levels need no order (sorting a million ids would cost more than the fit)
      b.id(Factor.inOrderOfAppearance(c.texts(id)));
    }
    if (group != null) {
      b.group(groupOrder.apply(Factor.grouping(group, c.texts(group))));
    }
    if (strata != null) {
      b.strata(Factor.grouping(strata, c.texts(strata)));
    }
    return new Counting(b.build(), c.omitted(), decoded.coding());
  }

  /**
   * Reads times and status codes.
   *
   * @param causes the causes declared (a status outside them and 0 is refused), or empty for any
   *     positive whole number
   * @throws InvalidInputException naming every bad cell: a time below 0, a status that is not 0 or
   *     a declared cause (an event at time 0 is allowed, as cmprsk's {@code cuminc} allows it)
   */
  static Competing competing(Path file, MissingValues missing, String time, String status, String group,
      UnaryOperator<Factor> groupOrder, String strata, List<String> covariates, Set<Integer> causes) {
    List<String> numeric = new ArrayList<>(List.of(time, status));
    numeric.addAll(covariates);
    List<String> text = new ArrayList<>();
    for (String c : new String[] {group, strata}) {
      if (c != null) {
        text.add(c);
      }
    }
    Columns c = read(file, missing, numeric, text);
    double[] times = c.numbers(time);
    double[] codes = c.numbers(status);
    int[] statuses = new int[c.kept()];
    List<Violation> violations = new ArrayList<>();
    for (int k = 0; k < statuses.length; k++) {
      double s = codes[k];
      boolean whole = s == Math.rint(s) && s >= 0 && s <= Integer.MAX_VALUE;
      if (!whole || (s != 0 && !causes.isEmpty() && !causes.contains((int) s))) {
        violations.add(Violation.atCell(c.rows()[k], status, causes.isEmpty()
            ? "not 0 (censored) or a cause 1, 2, ..." : "not 0 (censored) or one of the causes " + causes));
        continue;
      }
      statuses[k] = (int) s;
      if (!(times[k] >= 0) || Double.isInfinite(times[k])) {
        violations.add(Violation.atCell(c.rows()[k], time, "not a finite number of at least 0"));
      }
    }
    refuse(file, violations);
    CompetingRisksSample.Builder b = CompetingRisksSample.builder(times, statuses);
    covariates.forEach(x -> b.covariate(x, c.numbers(x)));
    if (group != null) {
      b.group(groupOrder.apply(Factor.grouping(group, c.texts(group))));
    }
    if (strata != null) {
      b.strata(Factor.grouping(strata, c.texts(strata)));
    }
    return new Competing(b.build(), c.omitted());
  }

  private static void refuse(Path file, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException("invalid values in " + file.getFileName(), violations);
    }
  }
}
