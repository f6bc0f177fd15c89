package dev.resltj.trainer.cli;

import dev.resltj.trainer.data.Augmentation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --augment}: a bad value is a one-line usage error (exit 2) listing the accepted forms. */
public final class AugmentationConverter implements ITypeConverter<Augmentation> {
  @Override
  public Augmentation convert(String value) {
    try {
      return Augmentation.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
