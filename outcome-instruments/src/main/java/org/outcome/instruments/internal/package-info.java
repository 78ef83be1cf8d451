/**
 * Not exported: the JSON form of a definition ({@link org.outcome.instruments.internal.Dto}) with
 * its field-level validation rules, the reader that maps it to the API's definition after the
 * library's one JSON reader ({@link org.outcome.instruments.internal.json}) has bound and checked
 * it, and the scoring engine.
 */
package org.outcome.instruments.internal;
