package org.outcome.cli.tenure;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.outcome.cli.io.CsvCells;
import org.outcome.cli.io.Rendering;
import org.outcome.tenure.Interval;
import org.outcome.tenure.TenureResult;
import org.outcome.tenure.TenureResults;

/**
 * The rows of {@code outcome tenure --shape}: one per included person (first readmission,
 * competing risks) or one per interval (recurrent, total time), each with the person's subject,
 * group and the people-file columns asked for with {@code --keep}.
 */
enum TenureShape {
  /** Time to first readmission: {@code time}, {@code event}. */
  FIRST(List.of("time", "event")),
  /** Counting-process rows between stays (Andersen–Gill): {@code start}, {@code stop}, {@code event}, {@code enum}. */
  RECURRENT(List.of("start", "stop", "event", "enum")),
  /** Counting-process rows on the total-time clock (not stopped in hospital). */
  TOTAL_TIME(List.of("start", "stop", "event", "enum")),
  /** Time to the first of readmission and death: {@code time}, {@code status} (0 censored, 1 readmission, 2 death). */
  COMPETING(List.of("time", "status"));

  private final List<String> columns;

  TenureShape(List<String> columns) {
    this.columns = columns;
  }

  /** The shape named on the command line ({@code first}, {@code recurrent}, {@code total-time}, {@code competing}). */
  static Optional<TenureShape> parse(String name) {
    for (TenureShape s : values()) {
      if (s.name().replace('_', '-').equalsIgnoreCase(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Each included person's rows: the shape's columns as numbers. */
  List<int[]> rows(TenureResult r) {
    if (!r.included()) {
      return List.of();
    }
    return switch (this) {
      case FIRST -> List.of(new int[] {r.time().getAsInt(), r.event().orElseThrow() ? 1 : 0});
      case COMPETING -> List.of(new int[] {r.time().getAsInt(), r.competingStatus().getAsInt()});
      case RECURRENT, TOTAL_TIME -> (this == RECURRENT ? r.communityIntervals() : r.totalTimeIntervals()).stream()
          .map(TenureShape::row).toList();
    };
  }

  private static int[] row(Interval i) {
    return new int[] {i.start(), i.stop(), i.event() ? 1 : 0, i.number()};
  }

  /**
   * The rendering of every row: CSV (the default for data), JSON (a list of objects) or text.
   *
   * @param kept the people file's columns to copy, by name, each a map from subject to cell
   */
  Rendering rendering(TenureResults results, Map<String, Map<String, String>> kept) {
    List<String> header = new ArrayList<>(List.of("subject", "group"));
    header.addAll(columns);
    header.addAll(kept.keySet());
    return new Rendering() {
      @Override
      public Object json() {
        List<Map<String, Object>> out = new ArrayList<>();
        each(results, kept, (r, values) -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("subject", r.subject().value());
          row.put("group", r.group().orElse(null));
          for (int c = 0; c < columns.size(); c++) {
            row.put(columns.get(c), values[c]);
          }
          kept.forEach((name, cells) -> row.put(name, cells.get(r.subject().value())));
          out.add(row);
        });
        return out;
      }

      @Override
      public void text(PrintWriter out) {
        write(out, header, results, kept);
      }

      @Override
      public Optional<Consumer<PrintWriter>> csv() {
        return Optional.of(out -> write(out, header, results, kept));
      }
    };
  }

  private void write(PrintWriter out, List<String> header, TenureResults results, Map<String, Map<String, String>> kept) {
    out.println(String.join(",", header));
    each(results, kept, (r, values) -> {
      StringBuilder line = new StringBuilder(CsvCells.cell(r.subject().value())).append(',')
          .append(CsvCells.cell(r.group().orElse("")));
      for (int v : values) {
        line.append(',').append(v);
      }
      kept.values().forEach(cells -> line.append(',').append(CsvCells.cell(cells.getOrDefault(r.subject().value(), ""))));
      out.println(line);
    });
  }

  private void each(TenureResults results, Map<String, Map<String, String>> kept,
      java.util.function.BiConsumer<TenureResult, int[]> row) {
    for (TenureResult r : results.people()) {
      for (int[] values : rows(r)) {
        row.accept(r, values);
      }
    }
  }
}
