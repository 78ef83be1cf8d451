package org.outcome.api;

/**
 * A plugin could not be loaded, or its contribution is invalid: a provider whose constructor
 * throws, a blank id, or an id already taken by another provider. The message names the provider
 * classes involved.
 */
public final class PluginException extends OutcomeException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
