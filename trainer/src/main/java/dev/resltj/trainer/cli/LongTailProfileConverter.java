package dev.resltj.trainer.cli;

import dev.resltj.trainer.data.LongTailProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --profile}: a bad value is a one-line usage error (exit 2) listing the accepted forms. */
public final class LongTailProfileConverter implements ITypeConverter<LongTailProfile> {
  @Override
  public LongTailProfile convert(String value) {
    try {
      return LongTailProfile.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
