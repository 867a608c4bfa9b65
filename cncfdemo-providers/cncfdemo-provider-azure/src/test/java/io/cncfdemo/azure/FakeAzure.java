package io.cncfdemo.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import io.cncfdemo.azure.fake.ArmFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** One ARM fake for a test class, and providers pointed at it with a fake token. */
final class FakeAzure implements AutoCloseable {
  static final String SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";
  static final String SSH_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTestsOnlyNotARealKeyAtAll00000 test";
  static final TokenCredential TOKEN =
      request -> Mono.just(new AccessToken("not-a-real-token", OffsetDateTime.now().plusHours(1)));

  final ArmFake arm;
  final FakeNodes nodes;
  private final Path directory;

  FakeAzure() throws Exception {
    // the SDK's poller waits 30 s between polls unless ARM says otherwise; the fake answers at once
    ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(suggested -> Duration.ofMillis(5));
    this.directory = Files.createTempDirectory("arm-fake");
    this.arm = ArmFake.start(directory);
    this.nodes = new FakeNodes(arm);
  }

  AzureClusterProvider.Builder provider(Path kubeconfigs) {
    return AzureClusterProvider.builder()
        .endpoint(arm.endpoint())
        .httpClient(arm.httpClient())
        .credential(TOKEN)
        .subscription(SUBSCRIPTION)
        .sshPublicKey(SSH_KEY)
        .kubeconfigDirectory(kubeconfigs)
        .kubeconfigTimeout(Duration.ofMillis(300))
        .readyTimeout(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50));
  }

  @Override
  public void close() throws java.io.IOException {
    arm.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
