package io.cncfdemo.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The full demo's YAML against the checked-in golden file. When a change to the output is intended,
 * regenerate it with {@code mvn -pl cncfdemo-apps test -Dtest=GoldenYamlTest -Dgolden.update=true}
 * and review the diff.
 */
class GoldenYamlTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/countly-mongo3-boinc.yaml");
  static final Path ADDONS = Path.of("src/test/resources/golden/addons.yaml");

  @Test
  @DisplayName("Demo.with(countly(), mongoSharded(3), boinc()) renders exactly as the golden YAML")
  void fullDemo_rendersAsTheGoldenFile() throws IOException {
    var yaml = FullDemo.stableYaml();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, yaml);
    }
    assertThat(GOLDEN).as("golden file %s; regenerate with -Dgolden.update=true", GOLDEN).exists();
    assertThat(yaml)
        .as(
            "the demo's YAML changed; if intended, regenerate %s with -Dgolden.update=true and"
                + " review the diff",
            GOLDEN)
        .isEqualTo(Files.readString(GOLDEN));
  }

  @Test
  @DisplayName("the cluster add-ons render exactly as their golden YAML")
  void addons_renderAsTheirGoldenFile() throws IOException {
    var yaml = FullDemo.stableYaml(FullDemo.addonsOnly());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(ADDONS, yaml);
    }
    assertThat(yaml)
        .as(
            "the add-ons' YAML changed; if intended, regenerate %s with -Dgolden.update=true",
            ADDONS)
        .isEqualTo(Files.readString(ADDONS));
  }

  @Test
  void compilingTwice_givesTheSameYaml_secretsIncluded() {
    var demo = FullDemo.demo();
    assertThat(demo.toYaml()).isEqualTo(demo.toYaml());
  }
}
