package dev.resltj.runtime.onnx;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads {@code producer_version} (field 3 of the ONNX {@code ModelProto}), which ONNX Runtime's
 * Java API does not expose, by walking the top-level protobuf fields and skipping the rest (the
 * graph is skipped, not read). Best effort: a file this cannot walk yields empty, and ONNX Runtime
 * reports what is wrong with it.
 */
final class ModelProtoFields {
  private static final int PRODUCER_VERSION = 3;
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_64BIT = 1;
  private static final int WIRE_LENGTH_DELIMITED = 2;
  private static final int WIRE_32BIT = 5;
  private static final int MAX_STRING = 4096;

  private ModelProtoFields() {}

  static Optional<String> producerVersion(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
      return producerVersion(in);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<String> producerVersion(byte[] bytes) {
    try {
      return producerVersion(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Optional<String> producerVersion(InputStream in) throws IOException {
    while (true) {
      long tag = readVarint(in);
      if (tag < 0) {
        return Optional.empty(); // end of message
      }
      int field = (int) (tag >>> 3);
      int wire = (int) (tag & 7);
      switch (wire) {
        case WIRE_VARINT -> {
          if (readVarint(in) < 0) {
            return Optional.empty();
          }
        }
        case WIRE_64BIT -> skip(in, 8);
        case WIRE_32BIT -> skip(in, 4);
        case WIRE_LENGTH_DELIMITED -> {
          long length = readVarint(in);
          if (length < 0) {
            return Optional.empty();
          }
          if (field == PRODUCER_VERSION && length <= MAX_STRING) {
            byte[] value = in.readNBytes((int) length);
            return value.length == length
                ? Optional.of(new String(value, StandardCharsets.UTF_8))
                : Optional.empty();
          }
          skip(in, length);
        }
        default -> {
          return Optional.empty(); // groups or garbage: not a file we can walk
        }
      }
    }
  }

  /** A varint, or -1 at end of stream or when malformed. */
  private static long readVarint(InputStream in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    return -1;
  }

  private static void skip(InputStream in, long n) throws IOException {
    in.skipNBytes(n);
  }
}
