/**
 * The scoring service ({@link org.outcome.service.ScoringService}), started with {@link
 * org.outcome.service.ServiceSettings}. Its routes, their bodies and errors are described in the
 * OpenAPI document it serves at {@code /openapi.json} (and in {@code docs/service.md}).
 */
package org.outcome.service;
