package io.cncfdemo.baremetal;

import static io.cncfdemo.Providers.bareMetal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.PlannedResource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportingTo(listener)} returns a provider with every setting of the builder, telling the
 * listener besides the builder's: its plan names the builder's kubeconfig directory, a destroy
 * tells both listeners. The settings it cannot show follow from the one constructor build() and
 * reportingTo share.
 */
class BareMetalReportingToTest {
  @TempDir Path directory;

  @Test
  void reportingTo_plansAndDestroys_withTheBuildersSettings_andTellsBothListeners()
      throws Exception {
    int closed;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    var knownHosts = Files.createFile(directory.resolve("known_hosts"));
    var spec =
        Cluster.on(bareMetal("127.0.0.1", "127.0.0.2").sshPort(closed).knownHosts(knownHosts))
            .named("kept")
            .spec();
    var builders = new ArrayList<String>();
    var listeners = new ArrayList<String>();
    var provider =
        BareMetalClusterProvider.builder()
            .kubeconfigDirectory(directory)
            .progress(builders::add)
            .build()
            .reportingTo(listeners::add);

    assertThat(provider.plan(spec).resources())
        .extracting(PlannedResource::name)
        .contains("this machine:" + directory.resolve("kept.kubeconfig"));
    assertThatThrownBy(() -> provider.destroy(spec)).hasMessageContaining("127.0.0.1");
    assertThat(listeners).isEqualTo(builders).startsWith("removing cluster kept from 2 host(s)");
  }
}
