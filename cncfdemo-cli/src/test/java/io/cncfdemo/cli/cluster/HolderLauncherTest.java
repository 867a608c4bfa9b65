package io.cncfdemo.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.Main;
import org.junit.jupiter.api.Test;

class HolderLauncherTest {
  @Test
  void theHolderRunsTheCliEntryPoint() {
    assertThat(HolderLauncher.MAIN_CLASS).isEqualTo(Main.class.getName());
  }
}
