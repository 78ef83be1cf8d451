package org.outcome.cli.survival;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.outcome.stats.survival.ConfType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --conf-type} by R's names: {@code log}, {@code log-log}, {@code plain}. */
public final class ConfTypeConverter implements ITypeConverter<ConfType>, Iterable<String> {
  @Override
  public ConfType convert(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (ConfType t : ConfType.values()) {
      if (t.rName().equals(v)) {
        return t;
      }
    }
    throw new TypeConversionException("'" + value + "' is not one of log, log-log, plain");
  }

  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>();
    for (ConfType t : ConfType.values()) {
      names.add(t.rName());
    }
    return names.iterator();
  }
}
