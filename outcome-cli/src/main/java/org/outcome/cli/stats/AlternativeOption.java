package org.outcome.cli.stats;

import java.util.Locale;
import org.outcome.stats.common.Alternative;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The {@code --alternative} option of the statistics commands whose tests have a direction. */
public final class AlternativeOption {
  @Option(names = "--alternative", paramLabel = "two-sided|less|greater", defaultValue = "two-sided",
      converter = AlternativeConverter.class,
      description = "Alternative hypothesis of the tests, as R's alternative (default: ${DEFAULT-VALUE}).")
  Alternative alternative;

  /** The alternative. */
  public Alternative value() {
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
