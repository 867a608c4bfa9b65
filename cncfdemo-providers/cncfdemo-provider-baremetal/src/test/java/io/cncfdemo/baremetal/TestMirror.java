package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;

import com.sun.net.httpserver.HttpServer;
import io.cncfdemo.baremetal.internal.Binaries;
import io.cncfdemo.baremetal.internal.Downloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A mirror of the release files the hosts download, in kubespray's files_repo layout, made of this
 * machine's binaries (the same files the air-gapped install uploads, packed as upstream packs them)
 * and served over HTTP on a bridge address of the test hosts.
 */
final class TestMirror implements AutoCloseable {
  private final Path root;
  private final HttpServer server;

  private TestMirror(Path root, HttpServer server) {
    this.root = root;
    this.server = server;
  }

  /**
   * Builds the mirror in {@code directory} and serves it on {@code address} (one of this
   * machine's).
   */
  static TestMirror serve(Path directory, String address) throws Exception {
    var binaries = Binaries.locate(bareMetal("x"));
    var version = binaries.kubernetesVersion();
    for (var download : Downloads.of(true, "x86_64", version, java.util.Optional.empty())) {
      add(directory, download, binaries);
    }
    for (var download : Downloads.of(false, "x86_64", version, java.util.Optional.empty())) {
      add(directory, download, binaries);
    }
    var server = HttpServer.create(new InetSocketAddress(address, 0), 16);
    server.createContext(
        "/files/",
        exchange -> {
          var file =
              directory
                  .resolve(exchange.getRequestURI().getPath().substring("/files/".length()))
                  .normalize();
          if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, Files.size(file));
            try (var out = exchange.getResponseBody()) {
              Files.copy(file, out);
            }
          }
          exchange.close();
        });
    server.start();
    return new TestMirror(directory, server);
  }

  /** The URL to pass to {@code fromMirror(..)}. */
  String url() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort()
        + "/files";
  }

  /** The mirror's copy of an upstream URL's file. */
  Path file(String upstreamUrl) {
    return root.resolve(upstreamUrl.substring("https://".length()));
  }

  private static void add(Path root, Downloads.Download download, Binaries binaries)
      throws Exception {
    var file = root.resolve(download.url().substring("https://".length()));
    Files.createDirectories(file.getParent());
    var name = file.getFileName().toString();
    if (download.files().containsKey(".")) {
      var binary = Path.of(download.files().get(".")).getFileName().toString();
      Files.copy(binaries.file(binary), file);
    } else {
      var staging = Files.createTempDirectory(root, "pack");
      var members = new ArrayList<String>();
      for (var entry : download.files().entrySet()) {
        var target = Path.of(entry.getValue());
        var local =
            target.getParent().getFileName().toString().equals("bin")
                    && target.getParent().getParent().getFileName().toString().equals("cni")
                ? "cni/" + target.getFileName()
                : target.getFileName().toString();
        var member = staging.resolve(entry.getKey());
        Files.createDirectories(member.getParent());
        Files.copy(binaries.file(local), member);
        members.add(entry.getKey());
      }
      var command =
          new ArrayList<>(List.of("tar", "-czf", file.toString(), "-C", staging.toString()));
      command.addAll(members);
      if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
        throw new IllegalStateException("tar failed for " + name);
      }
    }
    var sum = sha256(file);
    var sums = root.resolve(download.sums().substring("https://".length()));
    var line =
        download.sums().endsWith(".sha256") && !name.endsWith(".tgz")
            ? sum + "\n"
            : sum + "  " + name + "\n";
    Files.writeString(
        sums,
        line,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
