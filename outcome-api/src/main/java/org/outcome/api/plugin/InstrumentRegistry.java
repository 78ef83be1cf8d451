package org.outcome.api.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.outcome.api.InstrumentId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.PluginException;
import org.outcome.api.Violation;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.internal.ProviderLoading;
import org.outcome.api.internal.ProviderLoading.Registered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instruments installed: loaded once from {@link InstrumentProvider}s, then immutable and
 * thread-safe. Create one at start-up and pass it where it is needed.
 *
 * <pre>{@code
 * InstrumentRegistry instruments = InstrumentRegistry.load();
 * Instrument es = instruments.require(InstrumentId.of("empowerment-scale"));
 * }</pre>
 */
public final class InstrumentRegistry {
  private static final String KIND = "instrument provider";
  private static final Logger LOG = LoggerFactory.getLogger(InstrumentRegistry.class);

  private final Map<InstrumentId, Registered<Instrument>> byId;

  private InstrumentRegistry(List<ProviderLoading.Named<InstrumentProvider>> providers, ProviderLoading.Failures failures) {
    this.byId = ProviderLoading.register(
        providers, InstrumentProvider::instruments, Instrument::id, KIND, "instrument", LOG, failures);
  }

  /** Loads the providers visible to the thread's context class loader (class path and module path). */
  public static InstrumentRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Loads the providers visible to a class loader.
   *
   * @throws PluginException at the first provider that fails, naming it: one broken plugin stops
   *     the load, so that nothing runs without it unnoticed ({@link #loadLeniently(ClassLoader)}
   *     goes on without it)
   */
  public static InstrumentRegistry load(ClassLoader loader) {
    return strict(ServiceLoader.load(InstrumentProvider.class, loader));
  }

  /**
   * Loads the providers in a module layer and its parents.
   *
   * @throws PluginException at the first provider that fails, naming it
   */
  public static InstrumentRegistry load(ModuleLayer layer) {
    return strict(ServiceLoader.load(layer, InstrumentProvider.class));
  }

  /**
   * Loads the providers visible to the thread's context class loader, leaving out (and logging
   * at WARN) every provider that fails instead of throwing; the failures come back with the
   * registry.
   */
  public static LenientLoad<InstrumentRegistry> loadLeniently() {
    return loadLeniently(Thread.currentThread().getContextClassLoader());
  }

  /** As {@link #loadLeniently()}, for the providers visible to a class loader. */
  public static LenientLoad<InstrumentRegistry> loadLeniently(ClassLoader loader) {
    return lenient(ServiceLoader.load(InstrumentProvider.class, loader));
  }

  /** As {@link #loadLeniently()}, for the providers in a module layer and its parents. */
  public static LenientLoad<InstrumentRegistry> loadLeniently(ModuleLayer layer) {
    return lenient(ServiceLoader.load(layer, InstrumentProvider.class));
  }

  /** A registry of exactly these providers (for tests and embedding without service loading). */
  public static InstrumentRegistry of(Collection<? extends InstrumentProvider> providers) {
    return new InstrumentRegistry(ProviderLoading.named(providers), ProviderLoading.Failures.STRICT);
  }

  private static InstrumentRegistry strict(ServiceLoader<InstrumentProvider> loader) {
    return ProviderLoading.strict(loader, KIND, InstrumentRegistry::new);
  }

  private static LenientLoad<InstrumentRegistry> lenient(ServiceLoader<InstrumentProvider> loader) {
    return ProviderLoading.lenient(loader, KIND, LOG, InstrumentRegistry::new);
  }

  /** The instrument with this id, if installed. */
  public Optional<Instrument> find(InstrumentId id) {
    return Optional.ofNullable(byId.get(id)).map(Registered::item);
  }

  /**
   * The instrument with this id.
   *
   * @throws InvalidInputException naming the id and listing the installed instruments
   */
  public Instrument require(InstrumentId id) {
    return find(id).orElseThrow(() -> InvalidInputException.of("unknown instrument",
        Violation.at("instrument", "no instrument '" + id + "' is installed; installed: " + ids())));
  }

  /** Every installed instrument, ordered by id. */
  public List<Instrument> all() {
    return byId.values().stream().map(Registered::item).toList();
  }

  /** The ids of the installed instruments, ordered. */
  public List<InstrumentId> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The class name of the provider that contributed an instrument. */
  public Optional<String> providerOf(InstrumentId id) {
    return Optional.ofNullable(byId.get(id)).map(Registered::provider);
  }

  @Override
  public String toString() {
    return "InstrumentRegistry" + ids();
  }
}
