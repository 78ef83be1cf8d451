/**
 * Not exported: the JSON form of a definition ({@link org.outcome.instruments.internal.Dto}) with
 * its field-level validation rules, the reader that parses, validates and maps it, and the
 * scoring engine.
 */
package org.outcome.instruments.internal;
