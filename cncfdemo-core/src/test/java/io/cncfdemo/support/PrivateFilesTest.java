package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
  @TempDir Path dir;

  @Test
  void isWrittenReadableByItsOwnerOnly_inANewDirectory() throws Exception {
    var file = PrivateFiles.write(dir.resolve("cloud/demo.region.kubeconfig"), "apiVersion: v1\n");

    assertThat(file).hasContent("apiVersion: v1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void replacesAWiderFile_withAPrivateOne() throws Exception {
    var file = dir.resolve("demo.kubeconfig");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    PrivateFiles.write(file, "new");

    assertThat(file).hasContent("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void leavesNoTemporaryFileBehind() throws Exception {
    PrivateFiles.write(dir.resolve("a.kubeconfig"), "a");
    PrivateFiles.write(dir.resolve("a.kubeconfig"), "b");

    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("a.kubeconfig"));
    }
  }
}
