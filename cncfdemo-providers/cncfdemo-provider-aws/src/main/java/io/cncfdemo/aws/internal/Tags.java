package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * The tags every resource carries: {@code KubernetesCluster=<cluster>}, {@code Role=master|minion}
 * where it applies, and {@code Name}. {@link Teardown} finds resources by them. What the {@link
 * CloudControllerManager} must find also carries {@code kubernetes.io/cluster/<cluster>=owned}
 * ({@link #discoverable}): the subnets (public ones also {@code kubernetes.io/role/elb=1}), the
 * nodes' security group, the instances.
 */
public final class Tags {
  public static final String CLUSTER = "KubernetesCluster";
  public static final String ROLE = "Role";
  public static final String NAME = "Name";

  /** The AWS cloud controller manager's cluster tag key is this prefix and the cluster's name. */
  public static final String KUBERNETES_CLUSTER_PREFIX = "kubernetes.io/cluster/";

  /** Its value on what the cluster owns (and deletes with it). */
  public static final String OWNED = "owned";

  /** Marks the subnets where the manager puts internet-facing load balancers. */
  public static final String PUBLIC_LOAD_BALANCERS = "kubernetes.io/role/elb";

  private Tags() {}

  /** The tags of a resource of the cluster named {@code name}, for the given role or none. */
  public static Map<String, String> of(String cluster, String name, NodeRole role) {
    var tags = new LinkedHashMap<String, String>();
    tags.put(CLUSTER, cluster);
    if (role != null) {
      tags.put(ROLE, role.tag());
    }
    tags.put(NAME, name);
    return tags;
  }

  /** The cloud controller manager's tag key of the cluster. */
  public static String kubernetesCluster(String cluster) {
    return KUBERNETES_CLUSTER_PREFIX + cluster;
  }

  /** {@code tags} and the cluster tag of the cloud controller manager. */
  static Map<String, String> discoverable(Map<String, String> tags, String cluster) {
    var all = new LinkedHashMap<String, String>(tags);
    all.put(kubernetesCluster(cluster), OWNED);
    return all;
  }

  /** {@code tags} of a public subnet: discoverable, and where internet-facing balancers go. */
  static Map<String, String> publicSubnet(Map<String, String> tags, String cluster) {
    var all = discoverable(tags, cluster);
    all.put(PUBLIC_LOAD_BALANCERS, "1");
    return all;
  }

  /**
   * The tags as one service's tag type, e.g. {@code as(tags, (k, v) ->
   * Tag.builder().key(k).value(v).build())}.
   */
  static <T> List<T> as(Map<String, String> tags, BiFunction<String, String, T> tag) {
    return tags.entrySet().stream().map(e -> tag.apply(e.getKey(), e.getValue())).toList();
  }

  static List<Tag> ec2(Map<String, String> tags) {
    return as(tags, (key, value) -> Tag.builder().key(key).value(value).build());
  }

  static TagSpecification ec2Spec(ResourceType type, Map<String, String> tags) {
    return TagSpecification.builder().resourceType(type).tags(ec2(tags)).build();
  }

  /**
   * EC2 filters matching the cluster tag, and the {@code Name} tag when {@code name} is not null.
   */
  static List<Filter> ec2Filters(String cluster, String name) {
    var byCluster = Filter.builder().name("tag:" + CLUSTER).values(cluster).build();
    return name == null
        ? List.of(byCluster)
        : List.of(byCluster, Filter.builder().name("tag:" + NAME).values(name).build());
  }

  static String value(List<Tag> tags, String key) {
    return tags.stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst().orElse(null);
  }
}
