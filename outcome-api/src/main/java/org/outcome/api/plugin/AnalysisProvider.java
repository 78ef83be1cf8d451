package org.outcome.api.plugin;

import java.util.List;

/**
 * Contributes analyses. Registered as a {@link java.util.ServiceLoader} service; the
 * {@link AnalysisRegistry} calls {@link #analyses()} once.
 */
public interface AnalysisProvider {
  /** The analyses this provider contributes; ids must be unique across all providers. */
  List<Analysis<?>> analyses();
}
