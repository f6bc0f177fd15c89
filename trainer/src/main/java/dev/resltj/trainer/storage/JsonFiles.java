package dev.resltj.trainer.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The trainer's one JSON configuration: records in and out, pretty-printed, atomic writes. */
public final class JsonFiles {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private JsonFiles() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static void write(Path target, Object value) throws IOException {
    AtomicFiles.write(target, out -> MAPPER.writeValue(new NonClosing(out), value));
  }

  /** Reads {@code type} from {@code file}; a missing or malformed file names the file. */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (JsonProcessingException e) {
      throw new IOException(
          file + " is not a valid " + type.getSimpleName() + " file: " + e.getOriginalMessage(), e);
    } catch (java.io.FileNotFoundException e) {
      throw new NoSuchFileException(file.toString(), null, "file not found");
    }
  }

  /** Compact JSON text of a value (for ONNX metadata). */
  public static String toJson(Object value) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Jackson closes the stream it writes to; the atomic writer must close it itself. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
