package org.outcome.cli.io;

/** Output formats every command accepts (a command may not offer CSV). */
public enum Format {
  /** Aligned tables for a reader; the default. */
  TEXT,
  /** One JSON document, with the field names of the R reference fixtures. */
  JSON,
  /** Comma-separated values with a header row. */
  CSV
}
