package org.outcome.api.plugin;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.outcome.api.AnalysisId;
import org.outcome.api.InstrumentId;
import org.outcome.api.instrument.Aggregation;
import org.outcome.api.instrument.Construct;
import org.outcome.api.instrument.Instrument;
import org.outcome.api.instrument.InstrumentDefinition;
import org.outcome.api.instrument.Item;
import org.outcome.api.instrument.Keying;
import org.outcome.api.instrument.MissingItemRule;
import org.outcome.api.instrument.Polarity;
import org.outcome.api.instrument.ResponseScale;
import org.outcome.api.instrument.ResponseSet;
import org.outcome.api.instrument.Score;
import org.outcome.api.instrument.Subscale;
import org.outcome.api.instrument.SubscaleId;
import org.outcome.api.instrument.SubscaleScore;
import org.outcome.api.result.AnalysisResult;
import org.outcome.api.result.Estimate;
import org.outcome.api.result.HypothesisTest;
import org.outcome.api.result.Warning;
import org.outcome.api.sample.PairedSample;

/** Providers used by the registry tests; listed in service files the tests write themselves. */
final class TestPlugins {
  private TestPlugins() {}

  /** A two-item instrument whose score is the sum of its answers (no validation: test only). */
  static Instrument instrument(String id) {
    SubscaleId total = SubscaleId.of("total");
    InstrumentDefinition definition = new InstrumentDefinition(InstrumentId.of(id), "1", "Test " + id,
        Construct.OTHER, "none", "public domain",
        List.of(new Item(1, "first", Keying.POSITIVE, ResponseScale.of(1, 4)),
            new Item(2, "second", Keying.POSITIVE, ResponseScale.of(1, 4))),
        List.of(new Subscale(total, "Total", List.of(1, 2), Aggregation.SUM, List.of(),
            MissingItemRule.allRequired(2), Polarity.HIGHER_IS_BETTER, Optional.empty())),
        total, OptionalInt.empty(), List.of());
    return new Instrument() {
      @Override
      public InstrumentDefinition definition() {
        return definition;
      }

      @Override
      public Score score(ResponseSet responses) {
        double sum = 0;
        for (int i = 0; i < responses.size(); i++) {
          sum += responses.value(i);
        }
        return new Score(definition.id(), "1", total, List.of(SubscaleScore.scored(total, sum, List.of(), false)));
      }
    };
  }

  /** Contributes {@code alpha} and {@code beta}. */
  public static final class AlphaBeta implements InstrumentProvider {
    @Override
    public List<Instrument> instruments() {
      return List.of(instrument("alpha"), instrument("beta"));
    }
  }

  /** Contributes {@code gamma}. */
  public static final class Gamma implements InstrumentProvider {
    @Override
    public List<Instrument> instruments() {
      return List.of(instrument("gamma"));
    }
  }

  /** Contributes {@code alpha} again: clashes with {@link AlphaBeta}. */
  public static final class AlphaAgain implements InstrumentProvider {
    @Override
    public List<Instrument> instruments() {
      return List.of(instrument("alpha"));
    }
  }

  /** Fails in its constructor, as a plugin with a missing resource would. */
  public static final class Exploding implements InstrumentProvider {
    public Exploding() {
      throw new IllegalStateException("definition resource missing");
    }

    @Override
    public List<Instrument> instruments() {
      return List.of();
    }
  }

  /** Contributes an instrument whose id is null. */
  public static final class BlankId implements InstrumentProvider {
    @Override
    public List<Instrument> instruments() {
      Instrument real = instrument("delta");
      return List.of(new Instrument() {
        @Override
        public InstrumentDefinition definition() {
          return real.definition();
        }

        @Override
        public Score score(ResponseSet responses) {
          return real.score(responses);
        }

        @Override
        public InstrumentId id() {
          return null;
        }
      });
    }
  }

  /** A mean-difference analysis of paired data, for registry look-ups. */
  public static final class MeanDifference implements AnalysisProvider {
    @Override
    public List<Analysis<?>> analyses() {
      return List.of(new Analysis<PairedSample>() {
        @Override
        public AnalysisId id() {
          return AnalysisId.of("mean-difference");
        }

        @Override
        public String name() {
          return "Mean difference";
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
        public AnalysisResult run(PairedSample sample, AnalysisSettings settings) {
          double sum = 0;
          for (int i = 0; i < sample.size(); i++) {
            sum += sample.difference(i);
          }
          double mean = sum / sample.size();
          return new AnalysisResult() {
            @Override
            public String method() {
              return "mean of differences";
            }

            @Override
            public long nUsed() {
              return sample.size();
            }

            @Override
            public Optional<Estimate> estimate() {
              return Optional.of(Estimate.of("mean difference", mean));
            }

            @Override
            public Optional<HypothesisTest> test() {
              return Optional.empty();
            }

            @Override
            public List<Warning> warnings() {
              return List.of();
            }
          };
        }
      });
    }
  }
}
