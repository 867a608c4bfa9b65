package io.cncfdemo.apps.boinc;

import io.cncfdemo.apps.internal.Containers;
import io.cncfdemo.apps.internal.Hardening.RootFilesystem;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.DemoContext;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;

/** The BOINC Deployment of one demo. */
final class BoincObjects {
  /**
   * uid 1000 of the image's Ubuntu base; BOINC itself needs no particular user, only its writable
   * data directory.
   */
  static final long BOINC_USER = 1000;

  static final String DATA = "/var/lib/boinc";

  private BoincObjects() {}

  static Deployment deployment(Boinc boinc, DemoContext context) {
    var labels = context.labels(boinc, "client");
    var selector = context.selector(boinc, "client");
    var client =
        Containers.hardened("boinc", boinc.image(), boinc.resources(), RootFilesystem.READ_ONLY)
            // Bypasses the image's entrypoint, which would write a GUI RPC password that nothing
            // here uses.
            .withCommand("/usr/bin/boinc")
            .withArgs(
                "--dir",
                DATA,
                "--attach_project",
                boinc.projectUrl(),
                "$(BOINC_ACCOUNT_KEY)",
                // A preempted client loses its work; telling the project lets it hand the work
                // units to others at once.
                "--abort_jobs_on_exit",
                "--no_gpus")
            .withEnv(
                Containers.fromSecret(
                    "BOINC_ACCOUNT_KEY", boinc.accountKeySecret(), boinc.accountKeyKey()))
            .withVolumeMounts(
                Volumes.mount("data", DATA, false), Volumes.mount("tmp", "/tmp", false))
            .build();
    var spec =
        PodSpecs.base(context.backgroundPriorityClass(), BOINC_USER)
            .withTerminationGracePeriodSeconds(30L)
            .withTopologySpreadConstraints(
                new TopologySpreadConstraintBuilder()
                    .withMaxSkew(1)
                    .withTopologyKey("kubernetes.io/hostname")
                    .withWhenUnsatisfiable("ScheduleAnyway")
                    .withNewLabelSelector()
                    .withMatchLabels(selector)
                    .endLabelSelector()
                    .build())
            .withContainers(client)
            .withVolumes(Volumes.emptyDir("data", "4Gi"), Volumes.emptyDir("tmp", "256Mi"))
            .build();
    var deployment =
        KubeObjects.deployment(
            Boinc.NAME,
            labels,
            selector,
            boinc.replicas().orElse(context.minions()),
            PodSpecs.template(labels, Map.of(), spec));
    deployment
        .getMetadata()
        .setAnnotations(
            Map.of("cncfdemo.io/requires-secret", boinc.secretCommand(context.namespace())));
    return deployment;
  }

  /**
   * The client reaches its project's servers on the internet (HTTP and HTTPS); nothing reaches it.
   */
  static NetworkPolicy networkPolicy(Boinc boinc, DemoContext context) {
    return NetworkRules.forPods(
            Boinc.NAME, context.labels(boinc, "client"), context.selector(boinc, "client"))
        .to(NetworkRules.outside(), 80, 443)
        .build();
  }
}
