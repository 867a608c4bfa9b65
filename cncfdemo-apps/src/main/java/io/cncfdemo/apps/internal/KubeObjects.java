package io.cncfdemo.apps.internal;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The small objects every component builds alike: metadata, Services, Secrets, ConfigMaps, PDBs,
 * Ingresses.
 */
public final class KubeObjects {
  private KubeObjects() {}

  public static ObjectMeta meta(String name, Map<String, String> labels) {
    return new ObjectMetaBuilder().withName(name).withLabels(new LinkedHashMap<>(labels)).build();
  }

  /** Metadata of an object in a namespace other than the demo's (a cluster add-on's). */
  public static ObjectMeta meta(String name, String namespace, Map<String, String> labels) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(new LinkedHashMap<>(labels))
        .build();
  }

  /** A named TCP port, the Service port equal to the container port. */
  public static ServicePort port(String name, int port) {
    return new ServicePortBuilder()
        .withName(name)
        .withProtocol("TCP")
        .withPort(port)
        .withTargetPort(new IntOrString(name))
        .build();
  }

  /** A ClusterIP Service in front of the pods of {@code selector}. */
  public static Service service(
      String name, Map<String, String> labels, Map<String, String> selector, ServicePort... ports) {
    return new ServiceBuilder()
        .withMetadata(meta(name, labels))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(selector)
        .withPorts(ports)
        .endSpec()
        .build();
  }

  /**
   * A headless Service that gives each member of a StatefulSet a stable DNS name, published before
   * the member is ready so that replica-set members can find each other while they start.
   */
  public static Service headless(
      String name, Map<String, String> labels, Map<String, String> selector, ServicePort... ports) {
    return new ServiceBuilder()
        .withMetadata(meta(name, labels))
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(selector)
        .withPorts(ports)
        .endSpec()
        .build();
  }

  /** An Opaque Secret of these values, Base64-encoded as the API stores them, in key order. */
  public static Secret secret(String name, Map<String, String> labels, Map<String, String> values) {
    var data = new TreeMap<String, String>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return new SecretBuilder()
        .withMetadata(meta(name, labels))
        .withType("Opaque")
        .withData(data)
        .build();
  }

  /**
   * A ConfigMap of these files, in name order (as kubectl shows them, and stable from one run to
   * the next).
   */
  public static ConfigMap configMap(
      String name, Map<String, String> labels, Map<String, String> files) {
    return new ConfigMapBuilder()
        .withMetadata(meta(name, labels))
        .withData(new TreeMap<>(files))
        .build();
  }

  /**
   * A PodDisruptionBudget that lets voluntary disruptions (drains, upgrades) take one pod at a
   * time.
   */
  public static PodDisruptionBudget oneAtATime(
      String name, Map<String, String> labels, Map<String, String> selector) {
    return new PodDisruptionBudgetBuilder()
        .withMetadata(meta(name, labels))
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .endSpec()
        .build();
  }

  /**
   * A Deployment of {@code replicas} pods of {@code template} that rolls out without dropping below
   * the replica count (one extra pod at a time).
   */
  public static Deployment deployment(
      String name,
      Map<String, String> labels,
      Map<String, String> selector,
      int replicas,
      PodTemplateSpec template) {
    return deployment(name, labels, selector, Integer.valueOf(replicas), template);
  }

  /**
   * A Deployment like {@link #deployment} whose replica count a HorizontalPodAutoscaler owns:
   * {@code spec.replicas} is left out, so a redeploy never resets what the HPA decided (the
   * deployer starts a new one at the HPA's minimum).
   */
  public static Deployment autoscaledDeployment(
      String name,
      Map<String, String> labels,
      Map<String, String> selector,
      PodTemplateSpec template) {
    return deployment(name, labels, selector, (Integer) null, template);
  }

  /** {@code replicas} null: left out of the object. */
  private static Deployment deployment(
      String name,
      Map<String, String> labels,
      Map<String, String> selector,
      Integer replicas,
      PodTemplateSpec template) {
    var deployment =
        new DeploymentBuilder()
            .withMetadata(meta(name, labels))
            .withNewSpec()
            .withReplicas(replicas)
            .withRevisionHistoryLimit(5)
            .withNewSelector()
            .withMatchLabels(selector)
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
            .withMaxSurge(new IntOrString(1))
            .withMaxUnavailable(new IntOrString(0))
            .endRollingUpdate()
            .endStrategy()
            .endSpec()
            .build();
    // set on the built object: a builder would copy the whole pod template twice
    deployment.getSpec().setTemplate(template);
    return deployment;
  }

  /** The volume claim template of a StatefulSet: one ReadWriteOnce volume per pod. */
  public static PersistentVolumeClaim claimTemplate(
      String name, Map<String, String> labels, String size, Optional<String> storageClass) {
    return new PersistentVolumeClaimBuilder()
        .withMetadata(meta(name, labels))
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withStorageClassName(storageClass.orElse(null))
        .withNewResources()
        .addToRequests("storage", new Quantity(size))
        .endResources()
        .endSpec()
        .build();
  }

  /** A path of an Ingress rule that routes a prefix to a Service port. */
  public static HTTPIngressPath route(String prefix, String service, int port) {
    return new HTTPIngressPathBuilder()
        .withPath(prefix)
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(service)
        .withNewPort()
        .withNumber(port)
        .endPort()
        .endService()
        .endBackend()
        .build();
  }

  /** An Ingress for one host, of the given class or the cluster's default class. */
  public static Ingress ingress(
      String name,
      Map<String, String> labels,
      String host,
      Optional<String> ingressClass,
      List<HTTPIngressPath> paths) {
    return new IngressBuilder()
        .withMetadata(meta(name, labels))
        .withNewSpec()
        .withIngressClassName(ingressClass.orElse(null))
        .addNewRule()
        .withHost(host)
        .withNewHttp()
        .withPaths(paths)
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
