package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Fetches the admin kubeconfig from the first master with Run Command once kubeadm init has written
 * it: gzipped and base64-encoded, in chunks of {@value #CHUNK} characters (Run Command keeps only
 * the last 4096 bytes of output). The master wrote it pointed at its public address. Never logged.
 */
final class AdminKubeconfig {
  static final String FILE = AzureBootstrap.ADMIN_KUBECONFIG;
  static final String NOT_YET = "cncfdemo: not yet";
  static final int CHUNK = 3000;

  private final RunCommand runCommand;
  private final ClusterVms vms;

  AdminKubeconfig(RunCommand runCommand, ClusterVms vms) {
    this.runCommand = runCommand;
    this.vms = vms;
  }

  String await(Duration timeout, Duration poll, Consumer<String> progress) {
    progress.accept("waiting for the first master to run kubeadm init and write " + FILE);
    try {
      return Poll.with(Backoff.fixed(poll).deadline(timeout))
          .untilDone(
              "the admin kubeconfig",
              () -> {
                var masters = vms.of(NodeRole.MASTER);
                if (masters.isEmpty()) {
                  return Poll.notYet("no master yet");
                }
                var first = masters.get(0);
                var text = read(first.name());
                if (text == null) {
                  return Poll.notYet(FILE + " not written yet");
                }
                progress.accept("the first master (" + first.name() + ") has the admin kubeconfig");
                return Poll.done(text);
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "the first master did not write "
              + FILE
              + " within "
              + timeout.toSeconds()
              + " s. The infrastructure is in place: see the master's"
              + " /var/log/cloud-init-output.log (Azure portal, Serial console or Boot"
              + " diagnostics), then run create() again to go on waiting, or destroy() to remove"
              + " everything",
          e);
    }
  }

  /** The file's text, or null while kubeadm init has not written it. */
  private String read(String vm) {
    var encoded = new StringBuilder();
    for (int from = 1; ; from += CHUNK) {
      var chunk =
          runCommand
              .run(
                  vm,
                  List.of(
                      "if [ ! -s " + FILE + " ]; then echo '" + NOT_YET + "'; exit 0; fi",
                      "gzip -9c "
                          + FILE
                          + " | base64 -w0 | cut -c "
                          + from
                          + "-"
                          + (from + CHUNK - 1)))
              .strip();
      if (chunk.equals(NOT_YET)) {
        return null;
      }
      encoded.append(chunk);
      if (chunk.length() < CHUNK) {
        break;
      }
    }
    try (var in =
        new GZIPInputStream(
            new ByteArrayInputStream(Base64.getDecoder().decode(encoded.toString())))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | IllegalArgumentException e) {
      throw new CncfDemoException(
          "the admin kubeconfig read from " + vm + " is not gzip and base64: " + e.getMessage(), e);
    }
  }
}
