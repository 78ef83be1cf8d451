/** Runnable service evaluations and sample third-party plugins. */
module org.outcome.examples {
  requires org.outcome.instruments;
  requires org.outcome.stats;
}
