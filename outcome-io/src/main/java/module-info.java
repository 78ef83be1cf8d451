/**
 * Reading tables: the one strict CSV path that every command and the evaluation use. Depends on
 * the api only: its byte tokenizer reads files in parallel chunks, so reading a table pulls in no
 * parser library and no validation stack.
 */
module org.outcome.io {
  requires transitive org.outcome.api;

  exports org.outcome.io;
}
