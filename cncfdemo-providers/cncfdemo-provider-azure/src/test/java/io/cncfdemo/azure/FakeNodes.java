package io.cncfdemo.azure;

import io.cncfdemo.azure.fake.ArmFake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Plays the part of the VMs for Run Command, which the fake cannot run: a node has the files
 * cloud-init wrote from its scale set's custom data (so {@code cat /etc/cncfdemo/join.env} prints
 * what the library gave it), and the first master has {@code /etc/cncfdemo/admin.conf} once the
 * test says kubeadm init is done.
 */
final class FakeNodes {
  private static final Pattern CUT = Pattern.compile("cut -c (\\d+)-(\\d+)");

  private final ArmFake fake;
  private volatile String adminKubeconfig;

  FakeNodes(ArmFake fake) {
    this.fake = fake;
    fake.onRunCommand(this::run);
  }

  /** From now on the masters have this admin kubeconfig, as kubeadm init writes it. */
  void kubeadmInitDone(String kubeconfig) {
    this.adminKubeconfig = kubeconfig;
  }

  private String run(String vm, List<String> script) {
    var text = String.join("\n", script);
    var scaleSet = vm.substring(0, vm.lastIndexOf('_'));
    if (text.startsWith("cat ")) {
      return file(scaleSet, text.substring(4).strip()).orElse("cat: no such file");
    }
    if (text.contains("/etc/cncfdemo/admin.conf")) {
      if (adminKubeconfig == null || !scaleSet.endsWith("-masters")) {
        return "cncfdemo: not yet";
      }
      var encoded = Base64.getEncoder().encodeToString(gzip(adminKubeconfig));
      var cut = CUT.matcher(text);
      if (!cut.find()) {
        return encoded;
      }
      int from = Integer.parseInt(cut.group(1)) - 1;
      int to = Integer.parseInt(cut.group(2));
      return from >= encoded.length()
          ? ""
          : encoded.substring(from, Math.min(to, encoded.length()));
    }
    return "";
  }

  /** A file cloud-init wrote on the nodes of this scale set, from its custom data. */
  Optional<String> file(String scaleSet, String path) {
    return fake.customData(scaleSet)
        .flatMap(
            data -> {
              @SuppressWarnings("unchecked")
              var config =
                  (Map<String, Object>)
                      new Load(LoadSettings.builder().build()).loadFromString(data);
              @SuppressWarnings("unchecked")
              var files = (List<Map<String, Object>>) config.get("write_files");
              return files.stream()
                  .filter(f -> path.equals(f.get("path")))
                  .map(f -> (String) f.get("content"))
                  .findFirst();
            });
  }

  private static byte[] gzip(String text) {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
