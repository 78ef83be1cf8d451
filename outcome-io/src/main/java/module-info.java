/**
 * Reading tables: the one strict CSV path that every command and the evaluation use. Depends on
 * the api and Jackson's CSV parser only, so reading a table never pulls in a validation stack.
 */
module org.outcome.io {
  requires transitive org.outcome.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;

  exports org.outcome.io;
}
