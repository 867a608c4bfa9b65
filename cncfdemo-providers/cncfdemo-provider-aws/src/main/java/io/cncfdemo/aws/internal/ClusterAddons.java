package io.cncfdemo.aws.internal;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.support.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What only AWS can give a cluster, written to the masters by cloud-init and applied once by the
 * first master's {@code cluster_addons} (in {@code platform.sh}) right after Calico: the {@link
 * CloudControllerManager} of the cluster's minor, the AWS EBS CSI driver at {@value
 * #EBS_CSI_DRIVER_VERSION} from its upstream kustomize overlay, and the default StorageClass
 * {@value #STORAGE_CLASS} (encrypted gp3, bound where the pod is scheduled).
 *
 * <p>The nodes keep IMDSv2 with one hop (pods cannot borrow an instance role), so the driver runs
 * on the host network: its controller on the masters, whose role holds {@code
 * AmazonEBSCSIDriverPolicy} (see {@link Policies#ebsCsiDriver()}), its node plugin on the minions,
 * which read only their instance metadata. Volumes carry the cluster's tag, so that {@link
 * Teardown} finds the ones claims left behind.
 */
final class ClusterAddons {
  static final String EBS_CSI_DRIVER_VERSION = "v1.49.0";
  static final String EBS_CSI_DRIVER_KUSTOMIZE =
      "github.com/kubernetes-sigs/aws-ebs-csi-driver/deploy/kubernetes/overlays/stable/?ref="
          + EBS_CSI_DRIVER_VERSION;
  static final String STORAGE_CLASS = "gp3";
  static final String DIRECTORY = "/etc/cncfdemo/addons";
  static final String EBS_CSI_DRIVER_DIRECTORY = DIRECTORY + "/aws-ebs-csi-driver";
  static final String KUSTOMIZATION = EBS_CSI_DRIVER_DIRECTORY + "/kustomization.yaml";
  static final String STORAGE_CLASS_FILE = DIRECTORY + "/storage-class-" + STORAGE_CLASS + ".yaml";
  private static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

  private ClusterAddons() {}

  /** The files {@code cluster_addons} applies, as path to content. */
  static Map<String, String> files(ClusterSpec spec, ClusterNames names) {
    var files = new LinkedHashMap<String, String>();
    files.put(
        CloudControllerManager.KUSTOMIZATION,
        CloudControllerManager.kustomization(
            CloudControllerManager.release(spec.kubernetesVersion()), names.cluster()));
    files.put(KUSTOMIZATION, kustomization());
    files.put(STORAGE_CLASS_FILE, storageClass(names));
    return files;
  }

  /**
   * The upstream overlay, with the controller on the masters and the node plugin on the minions,
   * both on the host network.
   */
  static String kustomization() {
    var controller =
        ordered(
            "hostNetwork",
            true,
            "nodeSelector",
            ordered(CONTROL_PLANE, ""),
            "tolerations",
            List.of(ordered("key", CONTROL_PLANE, "operator", "Exists", "effect", "NoSchedule")));
    var node =
        ordered(
            "hostNetwork",
            true,
            "affinity",
            ordered(
                "nodeAffinity",
                ordered(
                    "requiredDuringSchedulingIgnoredDuringExecution",
                    ordered(
                        "nodeSelectorTerms",
                        List.of(
                            ordered(
                                "matchExpressions",
                                List.of(
                                    ordered(
                                        "key", CONTROL_PLANE, "operator", "DoesNotExist"))))))));
    var document = new LinkedHashMap<String, Object>();
    document.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    document.put("kind", "Kustomization");
    document.put("resources", List.of(EBS_CSI_DRIVER_KUSTOMIZE));
    document.put(
        "patches",
        List.of(
            // one replica: on the host network, a second one on the same master would find its
            // ports taken
            patch("Deployment", "ebs-csi-controller", ordered("replicas", 1), controller),
            patch("DaemonSet", "ebs-csi-node", ordered(), node)));
    return Yaml.document(document);
  }

  /** The default StorageClass: encrypted gp3 volumes tagged with the cluster. */
  static String storageClass(ClusterNames names) {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("type", "gp3");
    parameters.put("encrypted", "true");
    parameters.put("tagSpecification_1", Tags.CLUSTER + "=" + names.cluster());
    var document = new LinkedHashMap<String, Object>();
    document.put("apiVersion", "storage.k8s.io/v1");
    document.put("kind", "StorageClass");
    document.put(
        "metadata",
        ordered(
            "name",
            STORAGE_CLASS,
            "annotations",
            ordered("storageclass.kubernetes.io/is-default-class", "true")));
    document.put("provisioner", "ebs.csi.aws.com");
    document.put("parameters", parameters);
    document.put("reclaimPolicy", "Delete");
    document.put("allowVolumeExpansion", true);
    document.put("volumeBindingMode", "WaitForFirstConsumer");
    return Yaml.document(document);
  }

  static Map<String, Object> ordered(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Map<String, Object> patch(
      String kind, String name, Map<String, Object> spec, Map<String, Object> podSpec) {
    var specWithTemplate = new LinkedHashMap<String, Object>(spec);
    specWithTemplate.put("template", ordered("spec", podSpec));
    var patch = new LinkedHashMap<String, Object>();
    patch.put("apiVersion", "apps/v1");
    patch.put("kind", kind);
    patch.put("metadata", ordered("name", name));
    patch.put("spec", specWithTemplate);
    return ordered("target", ordered("kind", kind, "name", name), "patch", Yaml.document(patch));
  }
}
