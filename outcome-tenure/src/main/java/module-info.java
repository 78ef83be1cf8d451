/**
 * Community tenure derived from hospital episodes: validated episode timelines turned into time to
 * readmission, days in the community, readmissions, bed-days and 30/90-day readmission.
 */
module org.outcome.tenure {
  requires transitive org.outcome.api;
  requires org.outcome.io;
  requires org.slf4j;

  exports org.outcome.tenure;
}
