package dev.sgreach.cli;

import dev.sgreach.model.Traffic;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --port SPEC} with {@link Traffic#parse(String)}, so a bad spec is bad input (exit status 2). */
final class TrafficConverter implements ITypeConverter<Traffic> {
  @Override
  public Traffic convert(String value) {
    try {
      return Traffic.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
