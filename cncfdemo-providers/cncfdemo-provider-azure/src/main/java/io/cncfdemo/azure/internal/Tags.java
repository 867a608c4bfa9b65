package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags every resource carries: {@code KubernetesCluster=<cluster>} and, where it applies,
 * {@code Role=master|minion}. {@link Teardown} finds what is outside the cluster's resource group
 * by them.
 */
public final class Tags {
  public static final String CLUSTER = "KubernetesCluster";
  public static final String ROLE = "Role";

  /**
   * The tag on a master's VM through which the first master publishes the cluster CA's hash (not a
   * secret).
   */
  public static final String CA_CERT_HASH = "cncfdemo-ca-cert-hash";

  private Tags() {}

  /** The tags of a resource of {@code cluster}, for the given role or none. */
  public static Map<String, String> of(String cluster, NodeRole role) {
    var tags = new LinkedHashMap<String, String>();
    tags.put(CLUSTER, cluster);
    if (role != null) {
      tags.put(ROLE, role.tag());
    }
    return tags;
  }
}
