package dev.resltj.trainer.evaluation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/**
 * JSON has no NaN; a value that was not measured (a skipped test pass, a diverged loss) is written
 * as {@code null} and read back as NaN, so files stay standard JSON and the records stay primitive.
 */
final class NanAsNull {
  private NanAsNull() {}

  static final class Serializer extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      if (value == null || value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  static final class Deserializer extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return p.getValueAsDouble(Double.NaN);
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) {
      return Double.NaN;
    }
  }
}
