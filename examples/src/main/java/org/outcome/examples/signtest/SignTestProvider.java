package org.outcome.examples.signtest;

import java.util.List;
import org.outcome.api.AnalysisId;
import org.outcome.api.plugin.Analysis;
import org.outcome.api.plugin.AnalysisProvider;
import org.outcome.api.plugin.AnalysisSettings;
import org.outcome.api.plugin.Design;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.sample.PairedSample;

/** Registers the {@code sign-test} analysis with the {@link org.outcome.api.plugin.AnalysisRegistry}. */
public final class SignTestProvider implements AnalysisProvider {
  /** The id an evaluation config uses to name this analysis. */
  public static final AnalysisId ID = AnalysisId.of("sign-test");

  /** Called by {@link java.util.ServiceLoader}. */
  public SignTestProvider() {
    // nothing to set up
  }

  @Override
  public List<Analysis<?>> analyses() {
    return List.of(new Analysis<PairedSample>() {
      @Override
      public AnalysisId id() {
        return ID;
      }

      @Override
      public String name() {
        return "Sign test";
      }

      @Override
      public Design design() {
        return Design.BEFORE_AND_AFTER;
      }

      @Override
      public Class<PairedSample> sampleType() {
        return PairedSample.class;
      }

      @Override
      public String assumptions() {
        return "Pairs independent of one another; tests whether a non-zero difference is as likely positive as "
            + "negative (median difference zero), with no assumption about the shape of the differences; "
            + "zero differences are dropped.";
      }

      @Override
      public AnalysisResult run(PairedSample sample, AnalysisSettings settings) {
        return SignTest.withDefaults().withConfLevel(settings.confLevel()).test(sample);
      }
    });
  }
}
