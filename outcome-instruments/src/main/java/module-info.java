/**
 * Instruments as data and the scoring engine, batch scoring, tabular input, and community tenure
 * derived from hospital episodes.
 */
module org.outcome.instruments {
  requires transitive org.outcome.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires jakarta.validation;
  requires org.slf4j;

  exports org.outcome.instruments.io;
  exports org.outcome.instruments.tenure;
}
