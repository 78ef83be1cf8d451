package org.outcome.api.plugin;

import java.util.List;
import java.util.Objects;
import org.outcome.api.PluginException;

/**
 * A registry loaded leniently, and the providers left out of it: each failure names its provider
 * and says what went wrong, as the strict load's exception would have. A provider that fails is
 * left out whole (none of its contributions is registered), so the registry never holds half a
 * plugin. Each failure is also logged at WARN by the registry.
 *
 * <pre>{@code
 * LenientLoad<InstrumentRegistry> loaded = InstrumentRegistry.loadLeniently();
 * loaded.failures().forEach(f -> System.err.println("plugin left out: " + f.getMessage()));
 * InstrumentRegistry instruments = loaded.registry();
 * }</pre>
 *
 * @param <R> the registry type
 * @param registry the registry of every provider that loaded
 * @param failures one per provider left out, in the order met
 */
public record LenientLoad<R>(R registry, List<PluginException> failures) {
  public LenientLoad {
    Objects.requireNonNull(registry, "registry");
    failures = List.copyOf(failures);
  }

  /** Whether every provider loaded. */
  public boolean complete() {
    return failures.isEmpty();
  }
}
