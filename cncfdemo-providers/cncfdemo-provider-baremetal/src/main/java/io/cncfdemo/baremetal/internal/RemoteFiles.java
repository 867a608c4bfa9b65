package io.cncfdemo.baremetal.internal;

import io.cncfdemo.baremetal.internal.ssh.Shell;
import io.cncfdemo.baremetal.internal.ssh.SshException;
import io.cncfdemo.baremetal.internal.ssh.SshSession;
import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes files on a host what they should be, and only those that are not: their SHA-256 on the host
 * is compared with the wanted content's first, so a second run writes nothing.
 */
public final class RemoteFiles {
  /** A wanted file: text or a local file's bytes, and its mode. */
  public record Content(String text, Path local, String mode) {
    public static Content text(String text, String mode) {
      return new Content(text, null, mode);
    }

    public static Content file(Path local, String mode) {
      return new Content(null, local, mode);
    }
  }

  private static final Map<String, String> LOCAL_DIGESTS = new ConcurrentHashMap<>();
  private final Map<String, Content> files = new LinkedHashMap<>();

  public RemoteFiles put(String path, Content content) {
    files.put(path, content);
    return this;
  }

  public RemoteFiles text(String path, String text, String mode) {
    return put(path, Content.text(text, mode));
  }

  /** Writes the files that differ; returns their paths. */
  public List<String> ensure(SshSession session) {
    if (files.isEmpty()) {
      return List.of();
    }
    var script = "for f in \"$@\"; do if [ -f \"$f\" ]; then sha256sum \"$f\"; fi; done";
    var result =
        session.exec(
            session.asRoot(
                "sh -c "
                    + Shell.quote(script)
                    + " sums "
                    + Shell.words(List.copyOf(files.keySet()))),
            SshSession.DEFAULT_TIMEOUT);
    if (!result.ok()) {
      throw new SshException(
          session.target().describe() + ": could not read checksums: " + result.output());
    }
    var remote = new HashMap<String, String>();
    for (var line : result.stdout().split("\n")) {
      int space = line.indexOf("  ");
      if (space > 0) {
        remote.put(line.substring(space + 2), line.substring(0, space));
      }
    }
    var changed = new ArrayList<String>();
    files.forEach(
        (path, content) -> {
          if (!digest(content).equals(remote.get(path))) {
            if (content.local() != null) {
              session.upload(content.local(), path, content.mode());
            } else {
              session.write(content.text(), path, content.mode());
            }
            changed.add(path);
          }
        });
    return changed;
  }

  static String digest(Content content) {
    if (content.local() == null) {
      return sha256(content.text().getBytes(StandardCharsets.UTF_8));
    }
    var file = content.local();
    try {
      var key =
          file.toAbsolutePath()
              + ":"
              + Files.size(file)
              + ":"
              + Files.getLastModifiedTime(file).toMillis();
      return LOCAL_DIGESTS.computeIfAbsent(
          key,
          unused -> {
            try (var in = Files.newInputStream(file)) {
              var digest = MessageDigest.getInstance("SHA-256");
              var buffer = new byte[1 << 20];
              for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
              }
              return HexFormat.of().formatHex(digest.digest());
            } catch (IOException | NoSuchAlgorithmException e) {
              throw new CncfDemoException("could not read " + file + ": " + e.getMessage(), e);
            }
          });
    } catch (IOException e) {
      throw new CncfDemoException("could not read " + file + ": " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
