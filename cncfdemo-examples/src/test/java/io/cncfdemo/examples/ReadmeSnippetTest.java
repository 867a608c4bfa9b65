package io.cncfdemo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the QuickStart's code as it is compiled, so the documentation cannot rot. */
class ReadmeSnippetTest {

  @Test
  void readmeQuickStart_isTheCompiledQuickStart() throws Exception {
    var root = Path.of("").toAbsolutePath().getParent();
    var readme = Files.readString(root.resolve("README.md"));
    var source = Files.readString(Path.of("src/main/java/io/cncfdemo/examples/QuickStart.java"));

    assertThat(tagged(readme)).isNotBlank().isEqualTo(tagged(source));
  }

  private static String tagged(String text) {
    int start = text.indexOf("// tag::quickstart[]");
    int end = text.indexOf("// end::quickstart[]");
    assertThat(start).as("tag::quickstart").isNotNegative();
    assertThat(end).as("end::quickstart").isGreaterThan(start);
    return text.substring(text.indexOf('\n', start) + 1, text.lastIndexOf('\n', end));
  }
}
