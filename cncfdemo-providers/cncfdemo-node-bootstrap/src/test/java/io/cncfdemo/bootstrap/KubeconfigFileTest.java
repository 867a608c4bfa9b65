package io.cncfdemo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigFileTest {
  @TempDir Path dir;

  @Test
  void isWrittenReadableByItsOwnerOnly_inANewDirectory() throws Exception {
    var file =
        KubeconfigFile.writePrivate(
            dir.resolve("cloud/demo.region.kubeconfig"), "apiVersion: v1\n");

    assertThat(file).hasContent("apiVersion: v1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void replacesAWiderFile_withAPrivateOne() throws Exception {
    var file = dir.resolve("demo.kubeconfig");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    KubeconfigFile.writePrivate(file, "new");

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
