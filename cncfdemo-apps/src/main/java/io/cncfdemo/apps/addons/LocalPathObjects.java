package io.cncfdemo.apps.addons;

import io.cncfdemo.apps.internal.ConfigFiles;
import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Rbac;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects of {@link LocalPathStorage}, after upstream's {@code local-path-storage.yaml} of
 * v0.0.31: namespace, service account, RBAC, ConfigMap (paths, setup and teardown scripts, helper
 * pod), Deployment and StorageClass.
 */
final class LocalPathObjects {
  /** Any unprivileged user: the provisioner only talks to the API server. */
  static final long USER = 65534;

  static final String ACCOUNT = "local-path-provisioner-service-account";
  static final String CONFIG = "local-path-config";
  static final String CONFIG_PATH = "/etc/config/";
  private static final String NS = LocalPathStorage.NAMESPACE;

  private LocalPathObjects() {}

  static List<HasMetadata> all(LocalPathStorage storage, DemoContext context) {
    var labels = context.labels(storage, "provisioner");
    var selector = context.selector(storage, "provisioner");
    var namespace =
        new NamespaceBuilder()
            .withMetadata(KubeObjects.meta(NS, labels))
            .editMetadata()
            // The named exception to restricted: the helper pods that create and delete a volume's
            // directory mount it
            // from the node (hostPath), which only the privileged level admits. The provisioner
            // itself is restricted.
            .addToLabels("pod-security.kubernetes.io/enforce", "privileged")
            .addToLabels("pod-security.kubernetes.io/warn", "privileged")
            .endMetadata()
            .build();
    var files =
        Map.of(
            "config.json", ConfigFiles.json(Map.of("nodePathMap", List.of(nodePaths(storage)))),
            "setup", Texts.resource(LocalPathStorage.class, "local-path-setup.sh"),
            "teardown", Texts.resource(LocalPathStorage.class, "local-path-teardown.sh"),
            "helperPod.yaml", ConfigFiles.yaml(helperPod(storage)));
    var config = KubeObjects.configMap(CONFIG, labels, files);
    config.getMetadata().setNamespace(NS);
    var container =
        Containers.hardened(
                "provisioner", storage.image(), storage.resources(), RootFilesystem.READ_ONLY)
            .withCommand(
                "local-path-provisioner",
                "--debug",
                "start",
                "--config",
                CONFIG_PATH + "config.json")
            .withEnv(
                new EnvVarBuilder()
                    .withName("POD_NAMESPACE")
                    .withNewValueFrom()
                    .withNewFieldRef()
                    .withFieldPath("metadata.namespace")
                    .endFieldRef()
                    .endValueFrom()
                    .build(),
                Containers.env("CONFIG_MOUNT_PATH", CONFIG_PATH))
            .withVolumeMounts(Volumes.mount("config-volume", "/etc/config", true))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), USER)
            // It watches claims and creates volumes and its helper pods.
            .withServiceAccountName(ACCOUNT)
            .withAutomountServiceAccountToken(true)
            .withContainers(container)
            .withVolumes(Volumes.configMap("config-volume", CONFIG))
            .build();
    var deployment =
        KubeObjects.deployment(
            LocalPathStorage.NAME,
            labels,
            selector,
            1,
            PodSpecs.template(labels, Map.of("checksum/config", Texts.checksum(files)), spec));
    deployment.getMetadata().setNamespace(NS);
    var storageClass =
        new StorageClassBuilder()
            .withMetadata(KubeObjects.meta(LocalPathStorage.CLASS_NAME, labels))
            .editMetadata()
            .withAnnotations(
                storage.defaultClass()
                    ? Map.of("storageclass.kubernetes.io/is-default-class", "true")
                    : null)
            .endMetadata()
            .withProvisioner(LocalPathStorage.PROVISIONER)
            // The volume is made on the node the pod is scheduled to, so binding waits for the pod.
            .withVolumeBindingMode("WaitForFirstConsumer")
            .withReclaimPolicy("Delete")
            .build();
    var role = "local-path-provisioner-role";
    var bind = "local-path-provisioner-bind";
    return List.of(
        namespace,
        Rbac.account(ACCOUNT, NS, labels),
        Rbac.role(
            role,
            NS,
            labels,
            Rbac.rule(
                "",
                List.of("pods"),
                "get",
                "list",
                "watch",
                "create",
                "patch",
                "update",
                "delete")),
        Rbac.clusterRole(
            role,
            labels,
            Rbac.rule(
                "",
                List.of("nodes", "persistentvolumeclaims", "configmaps", "pods", "pods/log"),
                "get",
                "list",
                "watch"),
            Rbac.rule(
                "",
                List.of("persistentvolumes"),
                "get",
                "list",
                "watch",
                "create",
                "patch",
                "update",
                "delete"),
            Rbac.rule("", List.of("events"), "create", "patch"),
            Rbac.rule("storage.k8s.io", List.of("storageclasses"), "get", "list", "watch")),
        Rbac.binding(bind, NS, labels, "Role", role, ACCOUNT, NS),
        Rbac.clusterBinding(bind, labels, role, ACCOUNT, NS),
        config,
        deployment,
        storageClass);
  }

  /** Every node's volumes under {@link LocalPathStorage#path()}, in upstream's key order. */
  private static Map<String, Object> nodePaths(LocalPathStorage storage) {
    var paths = new LinkedHashMap<String, Object>();
    paths.put("node", "DEFAULT_PATH_FOR_NON_LISTED_NODES");
    paths.put("paths", List.of(storage.path()));
    return paths;
  }

  /**
   * The pod the provisioner runs on a volume's node to create or delete its directory (it fills in
   * the rest).
   */
  private static Pod helperPod(LocalPathStorage storage) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("helper-pod")
        .endMetadata()
        .withNewSpec()
        .withPriorityClassName("system-node-critical")
        .addNewToleration()
        .withKey("node.kubernetes.io/disk-pressure")
        .withOperator("Exists")
        .withEffect("NoSchedule")
        .endToleration()
        .addNewContainer()
        .withName("helper-pod")
        .withImage(storage.helperImage())
        .withImagePullPolicy("IfNotPresent")
        .endContainer()
        .endSpec()
        .build();
  }
}
