package io.cncfdemo.bootstrap;

import io.cncfdemo.support.Yaml;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * For the providers' create tests, which play the first master: Ready nodes in fabric8's mock API
 * server, and an admin kubeconfig pointing at it, as kubeadm init would leave one.
 */
public final class MockApiServer {
  private MockApiServer() {}

  /** Creates these nodes, each Ready. */
  public static void readyNodes(KubernetesClient mock, String... names) {
    for (var node : names) {
      mock.nodes()
          .resource(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName(node)
                  .endMetadata()
                  .withNewStatus()
                  .addNewCondition()
                  .withType("Ready")
                  .withStatus("True")
                  .endCondition()
                  .endStatus()
                  .build())
          .create();
    }
  }

  /** A kubeconfig of the mock server for the user {@code admin} with this (fake) token. */
  public static String kubeconfig(KubernetesClient mock, String cluster, String token) {
    return Yaml.serialization()
        .asYaml(
            new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .addNewCluster()
                .withName(cluster)
                .withNewCluster()
                .withServer(mock.getMasterUrl().toString())
                .withInsecureSkipTlsVerify(true)
                .endCluster()
                .endCluster()
                .addNewUser()
                .withName("admin")
                .withNewUser()
                .withToken(token)
                .endUser()
                .endUser()
                .addNewContext()
                .withName(cluster)
                .withNewContext()
                .withCluster(cluster)
                .withUser("admin")
                .endContext()
                .endContext()
                .withCurrentContext(cluster)
                .build());
  }
}
