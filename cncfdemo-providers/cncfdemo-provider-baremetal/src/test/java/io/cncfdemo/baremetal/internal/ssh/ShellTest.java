package io.cncfdemo.baremetal.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {
  @Test
  void quote_keepsEveryCharacterLiteral() {
    assertThat(Shell.quote("a b")).isEqualTo("'a b'");
    assertThat(Shell.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
    assertThat(Shell.words(List.of("sh", "-c", "echo 'x'")))
        .isEqualTo("'sh' '-c' 'echo '\\''x'\\'''");
  }
}
