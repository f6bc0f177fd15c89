package dev.resltj.server.connection;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resltj.server.fixtures.FixtureModels;
import dev.resltj.server.fixtures.FixtureServerTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client that ignores {@code Expect: 100-continue} and writes its whole body before reading (as
 * Python's urllib does, with {@code Connection: close}) gets to write it all and then reads the
 * early error, instead of a broken pipe.
 */
@MicronautTest
class EarlyErrorIsReadableTest extends FixtureServerTest {
  private static final int SIX_MB = 6 * 1024 * 1024;

  EarlyErrorIsReadableTest() {
    super(Map.of("probe.onnx", FixtureModels.probe()));
  }

  @ParameterizedTest
  @CsvSource({
    "/v2/models/probe/infer, application/json, 413, exceeds the maximum allowed content length",
    "/v1/models/probe/classify, text/plain, 415, Content Type [text/plain] not allowed",
    "/v2/nowhere, application/json, 404, Page Not Found"
  })
  void clientWritingAWholeOversizedBodyReadsTheJsonError(
      String path, String contentType, int status, String message) {
    String answer =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> sendWholeBodyThenRead(path, contentType, SIX_MB));

    assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertTrue(body.startsWith("{\"error\":\""), body);
    assertTrue(body.contains(message), body);
  }

  /**
   * Writes headers and every body byte, as a client that does not wait for an answer, then reads.
   */
  private String sendWholeBodyThenRead(String path, String contentType, int length)
      throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) ' ');
      for (int sent = 0; sent < length; sent += chunk.length) {
        // an IOException here (broken pipe, reset) is the failure this test is about
        out.write(chunk, 0, Math.min(chunk.length, length - sent));
      }
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
