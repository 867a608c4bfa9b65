package io.cncfdemo.baremetal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Image archives for clusters without a registry, built from Debian's busybox-static by {@code
 * hosts/build-image.sh}.
 */
final class TestImages {
  private TestImages() {}

  /** An image of this name whose command is {@code command}, as a tar in {@code directory}. */
  static Path build(Path directory, String name, String... command)
      throws IOException, InterruptedException {
    Path script;
    try {
      script = Path.of(TestImages.class.getResource("hosts/build-image.sh").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    var out = directory.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".tar");
    var args = new ArrayList<>(List.of(script.toString(), out.toString(), name));
    args.addAll(List.of(command));
    var process = new ProcessBuilder(args).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("build-image.sh failed for " + name);
    }
    return out;
  }
}
