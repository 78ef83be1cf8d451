package org.outcome.cli.score;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.ScoringFact;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.Verification;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code outcome instruments}: what is installed, with version, construct, licence and how far each fact was checked. */
@Command(name = "instruments", mixinStandardHelpOptions = true,
    description = {
      "List the instruments installed and how well each is verified.",
      "Built in and from plugin jars, with version, construct, licence note and",
      "verification status: how many of each definition's scoring facts were checked",
      "against the primary source, taken from a secondary source, or not verified.",
      "JSON output lists every fact with its source."
    })
public final class InstrumentsCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  record Fact(String fact, String source, Verification verification) {}

  record SubscaleEntry(String id, String label, List<Integer> items, String aggregation, int minAnswered,
      double min, double max) {}

  record Entry(String id, String name, String version, String construct, String licence, String citation,
      int items, String primary, List<SubscaleEntry> subscales, Map<Verification, Integer> verification,
      List<Fact> provenance) {
    String status() {
      return verification.get(Verification.PRIMARY_SOURCE) + " primary, "
          + verification.get(Verification.SECONDARY_SOURCE) + " secondary, "
          + verification.get(Verification.NOT_VERIFIED) + " not verified";
    }
  }

  record Listing(List<Entry> instruments) {}

  @Override
  public void run() {
    InstrumentRegistry registry = InstrumentRegistry.load();
    Listing listing = new Listing(registry.all().stream().map(InstrumentsCommand::entry).toList());
    output.emit(spec.commandLine(), Rendering.of(listing, out -> {
      TextTable t = new TextTable("id", "version", "construct", "items", "facts checked", "licence");
      listing.instruments().forEach(e -> t.row(e.id(), e.version(), e.construct(), Integer.toString(e.items()),
          e.status(), e.licence()));
      t.print(out);
    }, out -> {
      out.println("id,version,construct,items,primary_source,secondary_source,not_verified");
      listing.instruments().forEach(e -> out.println(String.join(",", e.id(), e.version(), e.construct(),
          Integer.toString(e.items()), e.verification().get(Verification.PRIMARY_SOURCE).toString(),
          e.verification().get(Verification.SECONDARY_SOURCE).toString(),
          e.verification().get(Verification.NOT_VERIFIED).toString())));
    }), null);
  }

  private static Entry entry(Instrument instrument) {
    InstrumentDefinition d = instrument.definition();
    Map<Verification, Integer> counts = new EnumMap<>(Verification.class);
    for (Verification v : Verification.values()) {
      counts.put(v, 0);
    }
    d.provenance().forEach(f -> counts.merge(f.verification(), 1, Integer::sum));
    List<SubscaleEntry> subscales = d.subscales().stream().map(s -> subscale(d, s)).toList();
    List<Fact> facts = d.provenance().stream()
        .sorted(Comparator.comparing(ScoringFact::verification))
        .map(f -> new Fact(f.fact(), f.source(), f.verification()))
        .toList();
    return new Entry(d.id().value(), d.name(), d.version(), d.construct().name(), d.licence(), d.citation(),
        d.items().size(), d.primary().value(), subscales, counts, facts);
  }

  private static SubscaleEntry subscale(InstrumentDefinition d, Subscale s) {
    var range = d.range(s.id());
    return new SubscaleEntry(s.id().value(), s.label(), s.items(), s.aggregation().name(),
        s.missingRule().minAnswered(), range.min(), range.max());
  }
}
