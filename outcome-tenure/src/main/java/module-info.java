/**
 * Community tenure derived from hospital episodes: validated episode timelines turned into time to
 * readmission, days in the community, readmissions, bed-days and 30/90-day readmission.
 */
module org.outcome.tenure {
  requires transitive org.outcome.api;
  requires org.outcome.io;

  exports org.outcome.tenure;
}
