/**
 * A third-party analysis plugin, as an outside developer would write one: the exact sign test for
 * before-and-after data. It depends on {@code outcome-api} only, registers itself through
 * {@code META-INF/services} (class path) and {@code provides} (module path), and is then found by
 * {@link org.outcome.api.plugin.AnalysisRegistry} and can be named in an evaluation config as
 * {@code sign-test}, like a built-in analysis.
 */
package org.outcome.examples.signtest;
