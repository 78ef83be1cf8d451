/**
 * Where the commands read their rows and run their analyses: in this process by default, or on
 * another engine (Apache Spark, from the {@code outcome-spark} module) when the tool is started as
 * {@code outcome spark <command> ...}. An engine is found by {@link java.util.ServiceLoader} as an
 * {@link org.outcome.cli.engine.EngineProvider}; the commands that can run on it ask
 * {@link org.outcome.cli.engine.Engines#current()} for their data. Not exported: the tool's own
 * seam, implemented by modules of this project on the class path.
 */
package org.outcome.cli.engine;
