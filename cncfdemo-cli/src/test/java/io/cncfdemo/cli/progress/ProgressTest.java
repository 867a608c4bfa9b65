package io.cncfdemo.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.common.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress is redrawn in place on a terminal, plain lines elsewhere, nothing for JSON. */
class ProgressTest {

  @Test
  void onATerminal_theLineIsRedrawnWithCarriageReturns_andFinishedPhasesStay() {
    var out = new StringWriter();
    try (var progress = Progress.on(console(out, true), false)) {
      progress.phase("stage datastore: 3 objects");
      progress.advance(1, 3, "StatefulSet mongo-config created");
      progress.advance(3, 3, "Job init created");
      progress.finish("demo ready");
    }
    assertThat(out.toString())
        .contains("\r\033[K", "[", "] 1/3", "] 3/3", "done stage datastore: 3 objects 3/3")
        .endsWith("demo ready\n");
  }

  @Test
  void elsewhere_plainLines_withoutCarriageReturns() {
    var out = new StringWriter();
    try (var progress = Progress.on(console(out, false), false)) {
      progress.phase("stage datastore: 3 objects");
      progress.advance(1, 3, "StatefulSet mongo-config created");
      progress.advance(1, 3, "waiting");
      progress.note("ready: StatefulSet mongo-config");
      progress.finish("demo ready");
    }
    assertThat(out.toString())
        .doesNotContain("\r", "\033")
        .startsWith("stage datastore: 3 objects\n  1/3 StatefulSet mongo-config created (")
        .contains("  ready: StatefulSet mongo-config (")
        .endsWith("demo ready\n");
    assertThat(out.toString().lines()).hasSize(4);
  }

  @Test
  void forJson_nothing() {
    var out = new StringWriter();
    try (var progress = Progress.on(console(out, true), true)) {
      progress.phase("x");
      progress.finish("y");
    }
    assertThat(out.toString()).isEmpty();
  }

  private static Console console(StringWriter out, boolean terminal) {
    return new Console(
        new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), terminal);
  }
}
