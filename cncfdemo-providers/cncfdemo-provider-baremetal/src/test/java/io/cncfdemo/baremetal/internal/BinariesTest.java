package io.cncfdemo.baremetal.internal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {
  @TempDir Path dir;

  @Test
  void theArchitecture_isReadFromTheElfHeader() throws Exception {
    var elf = new byte[20];
    elf[0] = 0x7f;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    elf[18] = (byte) 0xb7;
    assertThat(Binaries.architecture(Files.write(dir.resolve("arm"), elf))).isEqualTo("aarch64");
    elf[18] = 0x3e;
    assertThat(Binaries.architecture(Files.write(dir.resolve("amd"), elf))).isEqualTo("x86_64");
    assertThatThrownBy(
            () -> Binaries.architecture(Files.writeString(dir.resolve("script"), "#!/bin/sh\n")))
        .hasMessage(dir.resolve("script") + " is not an ELF executable (a Linux binary)");
  }

  @Test
  void missingBinaries_areNamedWithWhereTheyWereLookedFor() throws Exception {
    var given = Files.createDirectories(dir.resolve("bundle"));
    System.setProperty(Binaries.PROPERTY, dir.resolve("no-cache").toString());
    try {
      assertThatThrownBy(() -> Binaries.locate(bareMetal("a").binaries(given)))
          .hasMessageStartingWith(
              "the air-gapped install uploads binaries from this machine, and these are missing:"
                  + " etcd (looked in "
                  + given
                  + ", "
                  + dir.resolve("no-cache")
                  + "); kube-apiserver")
          .hasMessageContaining(
              "; kube-proxy (looked in " + given + ", " + dir.resolve("no-cache") + ")")
          .hasMessageEndingWith(
              "or put them all in one directory and pass it as bareMetal(...).binaries(dir) (CNI"
                  + " plugins in dir/cni)");
    } finally {
      System.clearProperty(Binaries.PROPERTY);
    }
  }

  @Test
  void theVersion_mustBeTheClustersOwn() {
    var binaries =
        new Binaries(Map.of("kubelet", Path.of("/cache/bin/kubelet")), "1.35.4", "x86_64");
    assertThat(binaries.checkVersion("1.35")).isSameAs(binaries);
    assertThat(binaries.checkVersion("1.35.4")).isSameAs(binaries);
    assertThatThrownBy(() -> binaries.checkVersion("1.34"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "kubernetesVersion must be 1.35 or 1.35.4, the version of the binaries uploaded from"
                + " /cache/bin, was \"1.34\"");
  }
}
