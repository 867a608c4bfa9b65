package io.cncfdemo.apps;

import static io.cncfdemo.apps.Apps.mongo;
import static io.cncfdemo.apps.Apps.wrk;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.Workloads.ContainerOf;
import io.cncfdemo.apps.internal.Images;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every container of every demo must be, checked over all of them (init containers and Jobs
 * included), so that a new component cannot quietly break it: pinned image, requests and limits,
 * the restricted security context, probes where it serves a port, the recommended labels, a
 * PriorityClass.
 */
class ContainerInvariantsTest {
  static final Set<String> LABELS =
      Set.of(
          "app.kubernetes.io/name",
          "app.kubernetes.io/instance",
          "app.kubernetes.io/component",
          "app.kubernetes.io/part-of",
          "app.kubernetes.io/managed-by");

  /**
   * Containers whose image writes into its own file system, with the reason; each is commented
   * where it is built. Keep this list short: a new entry needs the same justification.
   */
  static final Map<String, String> WRITABLE_ROOT =
      Map.of(
          "Deployment/countly-api container api",
              "Countly's postinstall.sh writes plugins.json and built assets into /opt/countly",
          "Deployment/countly-frontend container frontend", "the same image start as the API",
          "Deployment/ingress-nginx-controller container controller",
              "the controller renders /etc/nginx/nginx.conf; nginx writes its temp files in the"
                  + " image");

  /**
   * Containers that add a capability back, with the reason; restricted allows only
   * NET_BIND_SERVICE. Each is commented where it is built.
   */
  static final Map<String, String> ADDED_CAPABILITIES =
      Map.of(
          "Deployment/ingress-nginx-controller container controller",
          "the image's binaries carry the file capability cap_net_bind_service; without it in the"
              + " bounding set they do not start");

  static Stream<Demo> demos() {
    return Stream.of(
        FullDemo.demo(),
        FullDemo.withAddons(),
        FullDemo.demo().and(wrk("http://countly-api:3001/o/ping")),
        Demo.with(Apps.countly(), mongo("mongodb://db.example.com:27017/countly"))
            .and(wrk("http://x:80/").withoutResultPush().named("wrk-plain")));
  }

  static List<ContainerOf> containers(Demo demo) {
    return Workloads.containers(demo.compile().objects());
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName("every image is pinned to a tag or digest, never latest")
  void images_arePinned(Demo demo) {
    assertThat(containers(demo))
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(Images.isPinned(c.container().getImage()))
                    .as("%s image %s", c, c.container().getImage())
                    .isTrue());
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName(
      "every container requests and limits CPU, memory and ephemeral storage, requests at most the"
          + " limits")
  void containers_haveRequestsAndLimits(Demo demo) {
    assertThat(containers(demo))
        .allSatisfy(
            c -> {
              var resources = c.container().getResources();
              assertThat(resources.getRequests())
                  .as("%s requests", c)
                  .containsKeys("cpu", "memory", "ephemeral-storage");
              assertThat(resources.getLimits())
                  .as("%s limits", c)
                  .containsKeys("cpu", "memory", "ephemeral-storage");
              for (var resource : List.of("cpu", "memory", "ephemeral-storage")) {
                assertThat(resources.getRequests().get(resource).getNumericalAmount())
                    .as("%s %s request", c, resource)
                    .isLessThanOrEqualTo(resources.getLimits().get(resource).getNumericalAmount());
              }
            });
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName(
      "every container runs as non-root without privileges, capabilities or escalation, under"
          + " RuntimeDefault seccomp")
  void containers_areRestricted(Demo demo) {
    assertThat(containers(demo))
        .allSatisfy(
            c -> {
              var context = c.container().getSecurityContext();
              var pod = c.template().getSpec().getSecurityContext();
              assertThat(context).as("%s securityContext", c).isNotNull();
              assertThat(context.getRunAsNonRoot()).as("%s runAsNonRoot", c).isTrue();
              assertThat(context.getAllowPrivilegeEscalation())
                  .as("%s allowPrivilegeEscalation", c)
                  .isFalse();
              assertThat(context.getPrivileged()).as("%s privileged", c).isNotEqualTo(Boolean.TRUE);
              assertThat(context.getCapabilities().getDrop()).as("%s drops", c).contains("ALL");
              if (ADDED_CAPABILITIES.containsKey(c.toString())) {
                assertThat(context.getCapabilities().getAdd())
                    .as("%s is on the allow-list; still adds?", c)
                    .containsExactly("NET_BIND_SERVICE");
              } else {
                assertThat(context.getCapabilities().getAdd())
                    .as("%s adds (or add it, with a reason, to ADDED_CAPABILITIES)", c)
                    .isNullOrEmpty();
              }
              assertThat(
                      context.getRunAsUser() == null ? pod.getRunAsUser() : context.getRunAsUser())
                  .as("%s user", c)
                  .isNotNull()
                  .isNotZero();
              var seccomp =
                  context.getSeccompProfile() != null
                      ? context.getSeccompProfile()
                      : pod.getSeccompProfile();
              assertThat(seccomp.getType()).as("%s seccomp", c).isEqualTo("RuntimeDefault");
              if (WRITABLE_ROOT.containsKey(c.toString())) {
                assertThat(context.getReadOnlyRootFilesystem())
                    .as("%s is on the allow-list; still writable?", c)
                    .isFalse();
              } else {
                assertThat(context.getReadOnlyRootFilesystem())
                    .as("%s readOnlyRootFilesystem (or add it, with a reason, to WRITABLE_ROOT)", c)
                    .isTrue();
              }
            });
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName(
      "every pod stays within Pod Security restricted: no host namespaces, ports or paths, allowed"
          + " volume types")
  void pods_useNoHostResources(Demo demo) {
    for (var workload : Workloads.workloads(demo.compile().objects())) {
      PodSpec spec = Workloads.template(workload).orElseThrow().getSpec();
      var name = workload.getKind() + "/" + workload.getMetadata().getName();
      assertThat(spec.getHostNetwork()).as(name).isNotEqualTo(Boolean.TRUE);
      assertThat(spec.getHostPID()).as(name).isNotEqualTo(Boolean.TRUE);
      assertThat(spec.getHostIPC()).as(name).isNotEqualTo(Boolean.TRUE);
      assertThat(spec.getSecurityContext().getRunAsNonRoot())
          .as(name + " pod runAsNonRoot")
          .isTrue();
      assertThat(spec.getVolumes())
          .as(name + " volumes")
          .allSatisfy(ContainerInvariantsTest::restrictedVolume);
      assertThat(
              Stream.concat(spec.getContainers().stream(), spec.getInitContainers().stream())
                  .flatMap(container -> container.getPorts().stream()))
          .as(name + " host ports")
          .allSatisfy(port -> assertThat(port.getHostPort()).isNull());
    }
  }

  private static void restrictedVolume(Volume volume) {
    assertThat(
            volume.getConfigMap() != null
                || volume.getSecret() != null
                || volume.getEmptyDir() != null
                || volume.getPersistentVolumeClaim() != null
                || volume.getProjected() != null
                || volume.getDownwardAPI() != null)
        .as("volume %s is of a type Pod Security restricted allows", volume.getName())
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName("every long-running container that serves a port has readiness and liveness probes")
  void servingContainers_haveProbes(Demo demo) {
    assertThat(containers(demo))
        .filteredOn(c -> !c.init() && !c.inJob() && !c.container().getPorts().isEmpty())
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.container().getReadinessProbe()).as("%s readinessProbe", c).isNotNull();
              assertThat(c.container().getLivenessProbe()).as("%s livenessProbe", c).isNotNull();
            });
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName(
      "liveness differs from readiness: it checks the process, readiness may check dependencies")
  void livenessProbes_differFromReadinessProbes(Demo demo) {
    assertThat(containers(demo))
        .filteredOn(c -> c.container().getLivenessProbe() != null)
        .isNotEmpty()
        .allSatisfy(
            c -> {
              var liveness = c.container().getLivenessProbe();
              var readiness = c.container().getReadinessProbe();
              assertThat(readiness).as("%s readinessProbe", c).isNotNull();
              assertThat(liveness.getExec())
                  .as("%s liveness runs no command (a command may reach a dependency)", c)
                  .isNull();
              assertThat(
                      List.of(
                          liveness.getHttpGet() == null ? "" : liveness.getHttpGet().getPath(),
                          String.valueOf(liveness.getTcpSocket())))
                  .as("%s liveness and readiness check the same", c)
                  .isNotEqualTo(
                      List.of(
                          readiness.getHttpGet() == null ? "" : readiness.getHttpGet().getPath(),
                          String.valueOf(readiness.getTcpSocket())));
            });
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName("every StatefulSet names a headless Service of the demo that selects its pods")
  void statefulSets_areGovernedByAHeadlessService(Demo demo) {
    var compiled = demo.compile();
    var statefulSets =
        compiled.objects().stream()
            .filter(StatefulSet.class::isInstance)
            .map(StatefulSet.class::cast)
            .toList();
    assertThat(statefulSets)
        .isNotEmpty()
        .allSatisfy(
            set -> {
              var service = compiled.find(Service.class, set.getSpec().getServiceName());
              assertThat(service)
                  .as(
                      "StatefulSet/%s serviceName %s",
                      set.getMetadata().getName(), set.getSpec().getServiceName())
                  .isPresent();
              assertThat(service.orElseThrow().getSpec().getClusterIP())
                  .as("Service/%s clusterIP", set.getSpec().getServiceName())
                  .isEqualTo("None");
              assertThat(set.getSpec().getTemplate().getMetadata().getLabels())
                  .as(
                      "StatefulSet/%s pods carry Service/%s's selector",
                      set.getMetadata().getName(), set.getSpec().getServiceName())
                  .containsAllEntriesOf(service.orElseThrow().getSpec().getSelector());
            });
  }

  @ParameterizedTest
  @MethodSource("demos")
  @DisplayName(
      "every workload and its pod template carry the five app.kubernetes.io labels, and a"
          + " PriorityClass")
  void workloads_areLabelledAndPrioritised(Demo demo) {
    var compiled = demo.compile();
    for (HasMetadata workload : Workloads.workloads(compiled.objects())) {
      var template = Workloads.template(workload).orElseThrow();
      var name = workload.getKind() + "/" + workload.getMetadata().getName();
      assertThat(workload.getMetadata().getLabels().keySet()).as(name).containsAll(LABELS);
      assertThat(template.getMetadata().getLabels().keySet())
          .as(name + " pod template")
          .containsAll(LABELS);
      var expected =
          workload.getMetadata().getName().equals("boinc")
              ? "cncfdemo-background"
              : "cncfdemo-foreground";
      assertThat(template.getSpec().getPriorityClassName())
          .as(name + " priorityClassName")
          .isEqualTo(expected);
    }
  }
}
