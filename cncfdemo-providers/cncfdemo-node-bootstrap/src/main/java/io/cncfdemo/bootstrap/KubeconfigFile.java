package io.cncfdemo.bootstrap;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the admin kubeconfig readable by its owner only: mode 0600 from its creation on, never
 * wider.
 */
public final class KubeconfigFile {
  private KubeconfigFile() {}

  public static Path writePrivate(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(
            file); // not a POSIX file system (Windows): the user's profile directory protects it
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (FileAlreadyExistsException e) {
      throw new CncfDemoException(
          "could not write " + file + ": another process created it meanwhile", e);
    } catch (IOException e) {
      throw new CncfDemoException("could not write " + file + ": " + e.getMessage(), e);
    }
  }
}
