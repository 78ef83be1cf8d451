package org.outcome.service.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code rate} requests a second sustained, bursts up to one
 * second's worth. Buckets of clients idle for a minute are dropped when the table grows, so the
 * table holds at most the clients of the last minute.
 */
final class RateLimiter {
  private static final long IDLE_NANOS = 60_000_000_000L;
  private static final int SWEEP_AT = 10_000;

  private final int rate;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int rate) {
    this.rate = rate;
  }

  /** Takes a token for the client; false when its bucket is empty. */
  boolean allow(String client) {
    if (rate == 0) {
      return true;
    }
    long now = System.nanoTime();
    if (buckets.size() > SWEEP_AT) {
      buckets.values().removeIf(b -> now - b.last > IDLE_NANOS);
    }
    return buckets.computeIfAbsent(client, c -> new Bucket(rate, now)).take(rate, now);
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(int rate, long now) {
      this.tokens = rate;
      this.last = now;
    }

    synchronized boolean take(int rate, long now) {
      tokens = Math.min(rate, tokens + (now - last) * 1e-9 * rate);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
