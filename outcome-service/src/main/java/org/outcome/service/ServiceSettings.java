package org.outcome.service;

import java.util.Objects;
import java.util.Optional;
import org.outcome.fhir.FhirOptions;

/**
 * How the scoring service runs. Safe by default: it listens on the loopback interface only, asks
 * every request but {@code /health} and {@code /openapi.json} for the bearer token, and limits
 * request sizes and each client's request rate. TLS is left to the trust's reverse proxy.
 *
 * @param host the interface to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for all
 * @param port the port; 0 for any free one ({@link ScoringService#port()} says which)
 * @param bearerToken the token every request must carry ({@code Authorization: Bearer <token>});
 *     empty only with {@code noAuth}
 * @param noAuth true to accept requests without a token: for local use only, asked for explicitly
 * @param maxRequestBytes the largest body of a single request (default 1 MiB)
 * @param maxBatchBytes the largest body of a streamed batch ({@code POST /score}; default 256 MiB)
 * @param requestsPerSecond each client address's sustained request rate (a token bucket holding a
 *     second's worth); 0 for no limit
 * @param fhir the names of the questionnaires and code systems
 */
public record ServiceSettings(String host, int port, Optional<String> bearerToken, boolean noAuth,
    long maxRequestBytes, long maxBatchBytes, int requestsPerSecond, FhirOptions fhir) {

  /** The shortest token accepted: 32 characters, about 190 bits in base64. */
  public static final int MIN_TOKEN_LENGTH = 32;

  public ServiceSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(bearerToken, "bearerToken");
    Objects.requireNonNull(fhir, "fhir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    if (noAuth == bearerToken.isPresent()) {
      throw new IllegalArgumentException(noAuth
          ? "a bearer token was given with no-auth: choose one"
          : "the service needs a bearer token, or no-auth asked for explicitly");
    }
    if (bearerToken.isPresent() && (bearerToken.get().length() < MIN_TOKEN_LENGTH
        || bearerToken.get().chars().anyMatch(c -> c <= ' ' || c > '~'))) {
      throw new IllegalArgumentException("the bearer token must be at least " + MIN_TOKEN_LENGTH
          + " printable ASCII characters without spaces");
    }
    if (maxRequestBytes < 1 || maxBatchBytes < 1 || requestsPerSecond < 0) {
      throw new IllegalArgumentException("request limits must be positive (a rate of 0 means no limit)");
    }
  }

  /** The defaults with this token: loopback, port 8080, 1 MiB requests, 256 MiB batches, 200 requests/s. */
  public static ServiceSettings withToken(String token) {
    return new ServiceSettings("127.0.0.1", 8080, Optional.of(token), false, 1 << 20, 256L << 20, 200,
        FhirOptions.defaults());
  }

  /** The defaults without authentication, for local use only. */
  public static ServiceSettings withoutAuth() {
    return new ServiceSettings("127.0.0.1", 8080, Optional.empty(), true, 1 << 20, 256L << 20, 200,
        FhirOptions.defaults());
  }

  /** These settings on another interface and port. */
  public ServiceSettings withAddress(String host, int port) {
    return new ServiceSettings(host, port, bearerToken, noAuth, maxRequestBytes, maxBatchBytes, requestsPerSecond, fhir);
  }

  /** These settings with other size limits. */
  public ServiceSettings withLimits(long maxRequestBytes, long maxBatchBytes) {
    return new ServiceSettings(host, port, bearerToken, noAuth, maxRequestBytes, maxBatchBytes, requestsPerSecond, fhir);
  }

  /** These settings with another per-client rate (0: no limit). */
  public ServiceSettings withRequestsPerSecond(int rate) {
    return new ServiceSettings(host, port, bearerToken, noAuth, maxRequestBytes, maxBatchBytes, rate, fhir);
  }

  /** These settings with other FHIR names. */
  public ServiceSettings withFhir(FhirOptions options) {
    return new ServiceSettings(host, port, bearerToken, noAuth, maxRequestBytes, maxBatchBytes, requestsPerSecond, options);
  }

  @Override
  public String toString() {
    // never the token
    return "ServiceSettings[host=" + host + ", port=" + port + ", auth=" + (noAuth ? "none" : "bearer token")
        + ", maxRequestBytes=" + maxRequestBytes + ", maxBatchBytes=" + maxBatchBytes
        + ", requestsPerSecond=" + requestsPerSecond + ", fhir=" + fhir + "]";
  }
}
