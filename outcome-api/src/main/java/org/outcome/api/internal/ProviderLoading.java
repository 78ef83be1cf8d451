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
import java.util.function.Function;
import org.outcome.api.PluginException;
import org.slf4j.Logger;

/**
 * Loads service providers and registers what they contribute by id: shared by the instrument and
 * analysis registries so that both validate plugins alike. Not exported.
 */
public final class ProviderLoading {
  private ProviderLoading() {}

  /** A provider instance and the name used for it in messages (its class name). */
  public record Named<P>(P provider, String name) {}

  /** A contribution and the provider that made it. */
  public record Registered<T>(T item, String provider) {}

  /**
   * Instantiates every provider the loader finds, wrapping any failure in a
   * {@link PluginException} that names the provider.
   */
  public static <P> List<Named<P>> instantiate(ServiceLoader<P> loader, String kind) {
    List<Named<P>> providers = new ArrayList<>();
    Iterator<ServiceLoader.Provider<P>> it = loader.stream().iterator();
    while (true) {
      ServiceLoader.Provider<P> provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        throw new PluginException("could not load " + kind + ": " + e.getMessage(), e);
      }
      String name = provider.type().getName();
      try {
        providers.add(new Named<>(provider.get(), name));
      } catch (ServiceConfigurationError | RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new PluginException(kind + " " + name + " failed while loading: " + cause, e);
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
   * @throws PluginException on a failing provider, a blank id, or an id contributed twice,
   *     naming the provider or providers involved
   */
  public static <P, T, K extends Comparable<K>> Map<K, Registered<T>> register(
      List<Named<P>> providers,
      Function<P, ? extends Collection<? extends T>> contributions,
      Function<T, K> idOf,
      String kind,
      String itemKind,
      Logger log) {
    Map<K, Registered<T>> registered = new TreeMap<>();
    for (Named<P> named : providers) {
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
      for (T item : items) {
        K id = idOf(item, idOf, named.name(), itemKind);
        Registered<T> previous = registered.putIfAbsent(id, new Registered<>(item, named.name()));
        if (previous != null) {
          String by = previous.provider().equals(named.name())
              ? "twice by " + named.name()
              : "by both " + previous.provider() + " and " + named.name();
          throw new PluginException(itemKind + " id '" + id + "' is contributed " + by
              + "; each id must be unique (remove one plugin jar or rename the id)");
        }
        if (log.isDebugEnabled()) {
          log.debug("{} '{}' from {} ({})", itemKind, id, named.name(), origin(named.provider().getClass()));
        }
      }
    }
    log.debug("{} registry: {} ids from {} providers", itemKind, registered.size(), providers.size());
    return registered;
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
