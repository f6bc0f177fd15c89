package dev.resltj.server.inference;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/** Writes {@link TensorData} as a flat JSON array, numbers or strings. */
@Singleton
final class TensorDataSerializer implements Serializer<TensorData> {

  @Override
  public void serialize(
      Encoder encoder,
      EncoderContext context,
      Argument<? extends TensorData> type,
      TensorData value)
      throws IOException {
    try (Encoder array = encoder.encodeArray(type)) {
      if (value instanceof TensorData.Floats floats) {
        for (int i = 0; i < floats.size(); i++) {
          array.encodeFloat(floats.get(i));
        }
      } else if (value instanceof TensorData.Strings strings) {
        for (String s : strings.values()) {
          array.encodeString(s);
        }
      }
    }
  }
}
