package org.outcome.cli.stats;

import java.util.Locale;
import org.outcome.stats.common.Alternative;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every statistics command shares: the confidence level and the alternative. */
public final class StatsOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Confidence level of the intervals, between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confLevel;

  @Option(names = "--alternative", paramLabel = "two-sided|less|greater", defaultValue = "two-sided",
      converter = AlternativeConverter.class,
      description = "Alternative hypothesis of the tests, as R's alternative (default: ${DEFAULT-VALUE}).")
  Alternative alternative;

  /** The confidence level, checked. */
  public double confLevel() {
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--conf-level must be between 0 and 1, got " + confLevel);
    }
    return confLevel;
  }

  /** The alternative. */
  public Alternative alternative() {
    return alternative;
  }

  /** Reads {@code two-sided}, {@code two.sided}, {@code less}, {@code greater}. */
  static final class AlternativeConverter implements CommandLine.ITypeConverter<Alternative> {
    @Override
    public Alternative convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "two-sided", "two.sided", "two_sided" -> Alternative.TWO_SIDED;
        case "less" -> Alternative.LESS;
        case "greater" -> Alternative.GREATER;
        default -> throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an alternative; use two-sided, less or greater");
      };
    }
  }
}
