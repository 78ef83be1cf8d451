/**
 * Plugins without Eclipse RCP or OSGi: {@link org.outcome.api.plugin.InstrumentProvider} and
 * {@link org.outcome.api.plugin.AnalysisProvider} are {@link java.util.ServiceLoader} services,
 * found on the class path ({@code META-INF/services}) and on the module path
 * ({@code provides ... with}).
 *
 * <p>{@link org.outcome.api.plugin.InstrumentRegistry} and
 * {@link org.outcome.api.plugin.AnalysisRegistry} load the providers once, as ordinary objects you
 * create and pass around (there is no static singleton), reject a blank or duplicate id with a
 * {@link org.outcome.api.PluginException} that names both providers, and answer look-ups by typed
 * id. A third party adds an instrument or an analysis by putting a jar on the class path.
 *
 * <h2>Writing a provider</h2>
 * A provider is a public class with a public no-argument constructor (or, on the module path, a
 * public static {@code provider()} method). Its constructor should be cheap and must not fail for
 * ordinary reasons: a provider that throws makes the whole registry fail, naming the provider, so
 * that a broken plugin is noticed at start-up rather than when its instrument is first needed.
 */
package org.outcome.api.plugin;
