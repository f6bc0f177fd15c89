package dev.resltj.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The snippet in docs/embedding.md is the consumer example that CI builds, word for word. */
class EmbeddingDocTest {
  @Test
  void docSnippetIsTheBuiltExample() throws IOException {
    Path root = Path.of(System.getProperty("reslt.repo.dir", "../.."));
    String doc = Files.readString(root.resolve("docs/embedding.md"));
    String example =
        Files.readString(Path.of("src/it/embed-example/src/main/java/example/ClassifyDigit.java"));
    int start = doc.indexOf("```java\npackage example;");
    assertThat(start).as("java block with the example in docs/embedding.md").isNotNegative();
    String snippet = doc.substring(start + "```java\n".length(), doc.indexOf("```", start + 7));
    assertThat(snippet).isEqualTo(example);
    assertThat(example.lines().count()).isLessThan(20);
  }
}
