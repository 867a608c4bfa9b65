package io.cncfdemo.support;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files only their owner may read, such as kubeconfigs and private keys: mode 0600 from the
 * moment the file exists, never wider, and whole at once (a private temporary file moved in place),
 * so no reader sees half of one and a wider file already there is replaced.
 */
public final class PrivateFiles {
  private PrivateFiles() {}

  /** Writes {@code text} to {@code file}, creating its directory; returns {@code file}. */
  public static Path write(Path file, String text) {
    var directory = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      var temporary =
          Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly(directory));
      try {
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      return file;
    } catch (IOException e) {
      throw new CncfDemoException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Owner read/write where the file system has POSIX modes; elsewhere (Windows) the user's profile
   * directory protects the file.
   */
  private static FileAttribute<?>[] ownerOnly(Path directory) throws IOException {
    return Files.getFileStore(directory).supportsFileAttributeView("posix")
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }
}
