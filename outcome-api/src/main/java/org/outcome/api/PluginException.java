package org.outcome.api;

/**
 * A plugin could not be loaded, or its contribution is invalid: a provider whose constructor
 * throws, a blank id, or an id already taken by another provider. The message names the provider
 * classes involved. Its {@link #summary()} is always {@code "a plugin could not be used"}.
 */
public final class PluginException extends OutcomeException {
  private static final long serialVersionUID = 1L;

  private static final String SUMMARY = "a plugin could not be used";

  /** @param message what went wrong, naming the provider classes involved */
  public PluginException(String message) {
    super(SUMMARY, message);
  }

  /**
   * @param message what went wrong, naming the provider classes involved
   * @param cause the underlying failure
   */
  public PluginException(String message, Throwable cause) {
    super(SUMMARY, message, cause);
  }
}
