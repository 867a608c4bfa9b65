package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KubernetesClientsTest {

  @Test
  void create_turnsFabric8sOwnRequestRetryOff() {
    var config = new ConfigBuilder().withMasterUrl("https://127.0.0.1:6443").build();
    assertThat(config.getRequestRetryBackoffLimit()).as("fabric8's default").isPositive();

    try (var client = KubernetesClients.create(config)) {
      assertThat(client.getConfiguration().getRequestRetryBackoffLimit()).isZero();
    }
  }

  @Test
  void retry_pausesFrom100msDoublingUpTo5s_withJitter_forTheGivenAttempts() {
    assertThat(KubernetesClients.retry(7).backoff())
        .isEqualTo(
            Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5))
                .jitter(0.2)
                .attempts(7));
  }

  @Test
  void transient_areTheAnswersThatMayChange() {
    assertThat(KubernetesClients.isTransient(new KubernetesClientException("busy", 503, null)))
        .isTrue();
    assertThat(KubernetesClients.isTransient(new KubernetesClientException("throttled", 429, null)))
        .isTrue();
    assertThat(KubernetesClients.isTransient(new KubernetesClientException("conflict", 409, null)))
        .isTrue();
    assertThat(
            KubernetesClients.isTransient(
                new KubernetesClientException("refused", new ConnectException("refused"))))
        .as("no answer at all")
        .isTrue();
    assertThat(KubernetesClients.isTransient(new KubernetesClientException("not found", 404, null)))
        .isFalse();
    assertThat(KubernetesClients.isTransient(new KubernetesClientException("invalid", 422, null)))
        .isFalse();
    assertThat(
            KubernetesClients.isTransient(
                new KubernetesClientException("bad", new IllegalStateException())))
        .isFalse();
    assertThat(KubernetesClients.isTransient(new IllegalStateException(new IOException())))
        .isFalse();
  }

  @Test
  void describe_namesTheStatus_orTheRootCauseWhenNoAnswerCame() {
    assertThat(KubernetesClients.describe(new KubernetesClientException("busy", 503, null)))
        .isEqualTo("HTTP 503");
    assertThat(
            KubernetesClients.describe(
                new KubernetesClientException(
                    "failed",
                    new IOException("wrapped", new ConnectException("Connection refused")))))
        .isEqualTo("Connection refused");
  }
}
