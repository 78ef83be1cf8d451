package org.outcome.api.plugin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.outcome.api.AnalysisId;
import org.outcome.api.InvalidInputException;
import org.outcome.api.PluginException;
import org.outcome.api.Violation;
import org.outcome.api.internal.ProviderLoading;
import org.outcome.api.internal.ProviderLoading.Registered;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyses installed: loaded once from {@link AnalysisProvider}s, then immutable and
 * thread-safe. An evaluation names analyses by id; built-in and plugin analyses are looked up
 * alike.
 */
public final class AnalysisRegistry {
  private static final String KIND = "analysis provider";
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisRegistry.class);

  private final Map<AnalysisId, Registered<Analysis<?>>> byId;

  private AnalysisRegistry(List<ProviderLoading.Named<AnalysisProvider>> providers, ProviderLoading.Failures failures) {
    this.byId = ProviderLoading.register(
        providers, AnalysisProvider::analyses, Analysis::id, KIND, "analysis", LOG, failures);
  }

  /** Loads the providers visible to the thread's context class loader (class path and module path). */
  public static AnalysisRegistry load() {
    return load(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Loads the providers visible to a class loader.
   *
   * @throws PluginException at the first provider that fails, naming it: one broken plugin stops
   *     the load, so that nothing runs without it unnoticed ({@link #loadLeniently(ClassLoader)}
   *     goes on without it)
   */
  public static AnalysisRegistry load(ClassLoader loader) {
    return strict(ServiceLoader.load(AnalysisProvider.class, loader));
  }

  /**
   * Loads the providers in a module layer and its parents.
   *
   * @throws PluginException at the first provider that fails, naming it
   */
  public static AnalysisRegistry load(ModuleLayer layer) {
    return strict(ServiceLoader.load(layer, AnalysisProvider.class));
  }

  /**
   * Loads the providers visible to the thread's context class loader, leaving out (and logging
   * at WARN) every provider that fails instead of throwing; the failures come back with the
   * registry.
   */
  public static LenientLoad<AnalysisRegistry> loadLeniently() {
    return loadLeniently(Thread.currentThread().getContextClassLoader());
  }

  /** As {@link #loadLeniently()}, for the providers visible to a class loader. */
  public static LenientLoad<AnalysisRegistry> loadLeniently(ClassLoader loader) {
    return lenient(ServiceLoader.load(AnalysisProvider.class, loader));
  }

  /** As {@link #loadLeniently()}, for the providers in a module layer and its parents. */
  public static LenientLoad<AnalysisRegistry> loadLeniently(ModuleLayer layer) {
    return lenient(ServiceLoader.load(layer, AnalysisProvider.class));
  }

  /** A registry of exactly these providers (for tests and embedding without service loading). */
  public static AnalysisRegistry of(Collection<? extends AnalysisProvider> providers) {
    return new AnalysisRegistry(ProviderLoading.named(providers), ProviderLoading.Failures.STRICT);
  }

  private static AnalysisRegistry strict(ServiceLoader<AnalysisProvider> loader) {
    return ProviderLoading.strict(loader, KIND, AnalysisRegistry::new);
  }

  private static LenientLoad<AnalysisRegistry> lenient(ServiceLoader<AnalysisProvider> loader) {
    return ProviderLoading.lenient(loader, KIND, LOG, AnalysisRegistry::new);
  }

  /** The analysis with this id, if installed. */
  public Optional<Analysis<?>> find(AnalysisId id) {
    return Optional.ofNullable(byId.get(id)).map(Registered::item);
  }

  /**
   * The analysis with this id.
   *
   * @throws InvalidInputException naming the id and listing the installed analyses
   */
  public Analysis<?> require(AnalysisId id) {
    return find(id).orElseThrow(() -> InvalidInputException.of("unknown analysis",
        Violation.at("analysis", "no analysis '" + id + "' is installed; installed: " + ids())));
  }

  /**
   * Runs the analysis with this id on a sample, checking that the sample is of the type the
   * analysis takes.
   *
   * @throws InvalidInputException if the analysis is unknown or takes another sample type
   */
  public AnalysisResult run(AnalysisId id, Sample sample, AnalysisSettings settings) {
    return runTyped(require(id), sample, settings);
  }

  private static <S extends Sample> AnalysisResult runTyped(
      Analysis<S> analysis, Sample sample, AnalysisSettings settings) {
    if (!analysis.sampleType().isInstance(sample)) {
      throw InvalidInputException.of("wrong data for analysis", Violation.at("analysis",
          "analysis '" + analysis.id() + "' takes a " + analysis.sampleType().getSimpleName()
              + ", not a " + sample.getClass().getSimpleName()));
    }
    return analysis.run(analysis.sampleType().cast(sample), settings);
  }

  /** Every installed analysis, ordered by id. */
  public List<Analysis<?>> all() {
    return byId.values().stream().<Analysis<?>>map(Registered::item).toList();
  }

  /** The ids of the installed analyses, ordered. */
  public List<AnalysisId> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The class name of the provider that contributed an analysis. */
  public Optional<String> providerOf(AnalysisId id) {
    return Optional.ofNullable(byId.get(id)).map(Registered::provider);
  }

  @Override
  public String toString() {
    return "AnalysisRegistry" + ids();
  }
}
