package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeBootstrap;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;

/**
 * The user data of the nodes: the shared {@link NodeBootstrap} for Amazon Linux 2023 (dnf) with the
 * AWS part of it, {@code platform.sh}: the join secrets are read from SSM SecureString parameters
 * (see {@link BootstrapParameters}), the first master is the one that writes the {@code init-lock}
 * parameter first, and it publishes its results as parameters; the masters also get the files of
 * {@link ClusterAddons}, which the first one applies. Kubelet runs with {@code
 * --cloud-provider=external} (the {@link CloudControllerManager} initializes the nodes), each node
 * named by its private DNS name and identified as {@code aws:///<zone>/<instance id>}, both read
 * from the instance metadata. It holds no secret.
 */
public final class CloudInit {
  private CloudInit() {}

  /** The user data of a node of this role, as text. */
  public static String render(ClusterSpec spec, ClusterNames names, NodeRole role) {
    return bootstrap(spec, names, role).render();
  }

  /** The user data as EC2 wants it in a launch template: base64. */
  static String base64(ClusterSpec spec, ClusterNames names, NodeRole role) {
    return bootstrap(spec, names, role).base64();
  }

  private static NodeBootstrap bootstrap(ClusterSpec spec, ClusterNames names, NodeRole role) {
    var bootstrap =
        NodeBootstrap.builder()
            .spec(spec)
            .mastersRecord(names.mastersRecord())
            .role(role)
            .packageManager(NodeBootstrap.PackageManager.DNF)
            .platformScript(NodeBootstrap.resource(CloudInit.class, "platform.sh"))
            .setting("REGION", names.region())
            .setting("PARAMETER_PATH", names.parameterPath())
            .setting("EBS_CSI_DRIVER_VERSION", ClusterAddons.EBS_CSI_DRIVER_VERSION)
            .setting(
                "CLOUD_CONTROLLER_MANAGER_VERSION",
                CloudControllerManager.release(spec.kubernetesVersion()))
            .setting("ADDONS_DIRECTORY", ClusterAddons.DIRECTORY)
            .externalCloudProvider();
    if (role == NodeRole.MASTER) {
      ClusterAddons.files(spec, names)
          .forEach((path, content) -> bootstrap.file(path, "0644", content));
    }
    return bootstrap.build();
  }
}
