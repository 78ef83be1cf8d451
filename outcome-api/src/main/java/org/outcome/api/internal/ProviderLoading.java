package org.outcome.api.internal;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.outcome.api.PluginException;
import org.outcome.api.plugin.LenientLoad;
import org.slf4j.Logger;

/**
 * Loads service providers and registers what they contribute by id: shared by the instrument and
 * analysis registries so that both validate plugins alike. Not exported.
 */
public final class ProviderLoading {
  private static final int MAX_LOADING_ERRORS = 1000;

  private ProviderLoading() {}

  /**
   * What happens to a provider that fails (cannot be loaded or instantiated, throws while listing,
   * contributes a blank or taken id): {@link #STRICT} throws, a lenient load records the failure
   * and goes on without that provider and everything it contributes.
   */
  @FunctionalInterface
  public interface Failures {
    /** Throws the failure. */
    Failures STRICT = e -> {
      throw e;
    };

    /** Handles one provider's failure; returns to leave the provider out, or throws to stop. */
    void failed(PluginException failure);
  }

  /**
   * A registry of every provider the loader finds; the first failure is thrown.
   *
   * @param registry makes the registry from the providers, registering with the failure handling given
   */
  public static <P, R> R strict(ServiceLoader<P> loader, String kind,
      BiFunction<List<Named<P>>, Failures, R> registry) {
    return registry.apply(instantiate(loader, kind, Failures.STRICT), Failures.STRICT);
  }

  /**
   * A registry of every provider that loads, with the failures of the others, each logged at WARN.
   *
   * @param registry makes the registry from the providers, registering with the failure handling given
   */
  public static <P, R> LenientLoad<R> lenient(ServiceLoader<P> loader, String kind, Logger log,
      BiFunction<List<Named<P>>, Failures, R> registry) {
    List<PluginException> failures = new ArrayList<>();
    Failures record = failure -> {
      log.warn("left out: {}", failure.getMessage());
      failures.add(failure);
    };
    return new LenientLoad<>(registry.apply(instantiate(loader, kind, record), record), failures);
  }

  /** A provider instance and the name used for it in messages (its class name). */
  public record Named<P>(P provider, String name) {}

  /** A contribution and the provider that made it. */
  public record Registered<T>(T item, String provider) {}

  /**
   * Instantiates every provider the loader finds, giving each failure, as a
   * {@link PluginException} that names the provider, to {@code failures}.
   */
  public static <P> List<Named<P>> instantiate(ServiceLoader<P> loader, String kind, Failures failures) {
    List<Named<P>> providers = new ArrayList<>();
    Iterator<ServiceLoader.Provider<P>> it = loader.stream().iterator();
    // the service loader moves past a provider it could not locate, so a lenient load can go on;
    // the bound only guards against an iterator that keeps failing on the same entry
    for (int errors = 0; errors < MAX_LOADING_ERRORS; ) {
      ServiceLoader.Provider<P> provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        errors++;
        failures.failed(new PluginException("could not load " + kind + ": " + e.getMessage(), e));
        continue;
      }
      String name = provider.type().getName();
      try {
        providers.add(new Named<>(provider.get(), name));
      } catch (ServiceConfigurationError | RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        failures.failed(new PluginException(kind + " " + name + " failed while loading: " + cause, e));
      }
    }
    return providers;
  }

  /** Names providers given directly (not through a service loader) by their class names. */
  public static <P> List<Named<P>> named(Collection<? extends P> providers) {
    List<Named<P>> named = new ArrayList<>();
    for (P p : providers) {
      named.add(new Named<>(p, p.getClass().getName()));
    }
    return named;
  }

  /**
   * Asks each provider for its contributions and registers them by id.
   *
   * @param providers the providers, each with its name
   * @param contributions what a provider contributes
   * @param idOf the id of a contribution ({@code null} or throwing counts as blank)
   * @param kind the kind of provider, for messages: {@code "instrument provider"}
   * @param itemKind the kind of contribution, for messages: {@code "instrument"}
   * @param log the registry's logger: each id registered, with the provider class and the module
   *     or jar it came from, is logged at DEBUG
   * @param failures given each failing provider (a provider that throws, a blank id, an id
   *     contributed twice), whose contributions are then all left out
   */
  public static <P, T, K extends Comparable<K>> Map<K, Registered<T>> register(
      List<Named<P>> providers,
      Function<P, ? extends Collection<? extends T>> contributions,
      Function<T, K> idOf,
      String kind,
      String itemKind,
      Logger log,
      Failures failures) {
    Map<K, Registered<T>> registered = new TreeMap<>();
    for (Named<P> named : providers) {
      try {
        Map<K, Registered<T>> own = contributed(named, registered, contributions, idOf, kind, itemKind);
        registered.putAll(own);
        if (log.isDebugEnabled()) {
          own.keySet().forEach(id -> log.debug("{} '{}' from {} ({})", itemKind, id, named.name(),
              origin(named.provider().getClass())));
        }
      } catch (PluginException e) {
        failures.failed(e);
      }
    }
    log.debug("{} registry: {} ids from {} providers", itemKind, registered.size(), providers.size());
    return registered;
  }

  /** One provider's contributions by id, checked against each other and those registered before. */
  private static <P, T, K extends Comparable<K>> Map<K, Registered<T>> contributed(Named<P> named,
      Map<K, Registered<T>> registered, Function<P, ? extends Collection<? extends T>> contributions,
      Function<T, K> idOf, String kind, String itemKind) {
    Collection<? extends T> items;
    try {
      items = contributions.apply(named.provider());
    } catch (RuntimeException e) {
      throw new PluginException(kind + " " + named.name() + " failed while listing its "
          + itemKind + "s: " + e, e);
    }
    if (items == null) {
      throw new PluginException(kind + " " + named.name() + " returned null instead of a list");
    }
    Map<K, Registered<T>> own = new TreeMap<>();
    for (T item : items) {
      K id = idOf(item, idOf, named.name(), itemKind);
      Registered<T> previous = registered.containsKey(id) ? registered.get(id) : own.get(id);
      if (previous != null) {
        String by = previous.provider().equals(named.name())
            ? "twice by " + named.name()
            : "by both " + previous.provider() + " and " + named.name();
        throw new PluginException(itemKind + " id '" + id + "' is contributed " + by
            + "; each id must be unique (remove one plugin jar or rename the id)");
      }
      own.put(id, new Registered<>(item, named.name()));
    }
    return own;
  }

  /**
   * Where a provider class was loaded from, for the DEBUG log: its named module or the class
   * path, and the jar or directory holding it when the JDK tells.
   */
  static String origin(Class<?> type) {
    Module module = type.getModule();
    String where = module.isNamed() ? "module " + module.getName() : "class path";
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      return location == null ? where : where + ", " + location;
    } catch (RuntimeException e) { // a SecurityException under a security manager
      return where;
    }
  }

  private static <T, K> K idOf(T item, Function<T, K> idOf, String provider, String itemKind) {
    K id;
    try {
      id = item == null ? null : idOf.apply(item);
    } catch (RuntimeException e) {
      throw new PluginException(itemKind + " from " + provider + " has an invalid id: " + e.getMessage(), e);
    }
    if (id == null || id.toString().isBlank()) {
      throw new PluginException(provider + " contributed " + (item == null ? "a null " + itemKind
          : "an " + itemKind + " with a blank id"));
    }
    return id;
  }
}
