package org.outcome.cli;

import java.util.List;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisRegistry;
import org.outcome.api.plugin.InstrumentRegistry;
import org.outcome.cli.io.OutputOptions;
import org.outcome.cli.io.Rendering;
import org.outcome.cli.io.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the instruments and analyses installed (built in and from plugin jars). */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = {
      "List the instruments and analyses installed.",
      "Built in, or from plugin jars (which the outcome script puts on the module",
      "path)."
    })
public final class PluginsCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  record InstrumentEntry(String id, String name, String version, String provider) {}

  record AnalysisEntry(String id, String name, String design, String sampleType, String provider) {}

  record Plugins(List<InstrumentEntry> instruments, List<AnalysisEntry> analyses) {}

  @Override
  public void run() {
    InstrumentRegistry instruments = InstrumentRegistry.load();
    AnalysisRegistry analyses = AnalysisRegistry.load();
    Plugins plugins = new Plugins(
        instruments.all().stream().map(i -> instrumentEntry(instruments, i)).toList(),
        analyses.all().stream().map(a -> analysisEntry(analyses, a)).toList());
    output.emit(spec.commandLine(), Rendering.of(plugins, out -> {
      out.println("Instruments (" + plugins.instruments().size() + ")");
      TextTable t = new TextTable("id", "name", "version", "provider");
      plugins.instruments().forEach(e -> t.row(e.id(), e.name(), e.version(), e.provider()));
      t.print(out);
      out.println();
      out.println("Analyses (" + plugins.analyses().size() + ")");
      TextTable a = new TextTable("id", "name", "design", "sample", "provider");
      plugins.analyses().forEach(e -> a.row(e.id(), e.name(), e.design(), e.sampleType(), e.provider()));
      a.print(out);
    }), null);
  }

  private static InstrumentEntry instrumentEntry(InstrumentRegistry registry, Instrument i) {
    return new InstrumentEntry(i.id().value(), i.definition().name(), i.definition().version(),
        registry.providerOf(i.id()).orElseThrow());
  }

  private static AnalysisEntry analysisEntry(AnalysisRegistry registry, Analysis<?> a) {
    return new AnalysisEntry(a.id().value(), a.name(), a.design().name(), a.sampleType().getSimpleName(),
        registry.providerOf(a.id()).orElseThrow());
  }
}
