package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ConnectedCluster;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * {@code aws().publicZone(..)} end to end on moto: the demo's hosts become a CNAME to the ingress
 * controller's load balancer and an owner TXT record in the user's public hosted zone when it is
 * deployed (to fabric8's mock API server, with this test acting as the ingress controller), and its
 * teardown leaves the zone as it found it; a zone the account lacks stops {@code create()} before
 * it makes anything.
 */
@WithMoto
@EnableKubernetesMockClient(crud = true)
class AwsPublicNamesMotoTest {
  static final String ZONE = "names-" + MotoServer.RUN + ".example";
  static final String LB = "a1b2c3-1234567890.us-west-2.elb.amazonaws.com";
  static KubernetesClient client;
  static MotoServer moto;
  static AwsClients aws;

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void zone(MotoServer server) {
    moto = server;
    aws =
        new AwsClients(
            Region.of(MotoServer.REGION), MotoServer.CREDENTIALS, Optional.of(server.endpoint()));
    var unused =
        aws.route53()
            .createHostedZone(r -> r.name(ZONE).callerReference(UUID.randomUUID().toString()));
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Test
  void deployTo_publishesTheHostsInTheZone_andTeardownLeavesTheZoneAsItWas() {
    var provider = moto.provider(kubeconfigs).build();
    var spec = ClusterSpec.on(aws().region(MotoServer.REGION).publicZone(ZONE)).name("names");
    var cluster = new ConnectedCluster(provider, spec, client, kubeconfigs.resolve("kubeconfig"));
    var before = records(cluster);
    var demo = Demo.with(site()).named("names").domain("demo." + ZONE);
    var controller = controller("names", "countly");

    var deployed =
        demo.deployTo(
            cluster,
            DeployOptions.defaults().withoutWaiting().stageTimeout(Duration.ofSeconds(10)));
    controller.join();

    assertThat(records(cluster))
        .contains(
            DnsRecord.of("countly.demo." + ZONE, DnsRecord.CNAME, 60, LB),
            DnsRecord.of(
                "_cncfdemo.countly.demo." + ZONE,
                DnsRecord.TXT,
                60,
                "heritage=cncfdemo,cluster=names,demo=names/names"))
        .hasSize(before.size() + 2);

    deployed.teardown();

    assertThat(records(cluster)).isEqualTo(before);
  }

  @Test
  void destroy_ofTheCluster_deletesWhatItsDemosPublished_andNothingElse() {
    var provider = moto.provider(kubeconfigs).build();
    var spec = ClusterSpec.on(aws().region(MotoServer.REGION).publicZone(ZONE)).name("left");
    var cluster = new ConnectedCluster(provider, spec, client, kubeconfigs.resolve("kubeconfig"));
    var before = records(cluster);
    var controller = controller("left", "countly");
    Demo.with(site())
        .named("left")
        .domain("left." + ZONE)
        .deployTo(
            cluster,
            DeployOptions.defaults().withoutWaiting().stageTimeout(Duration.ofSeconds(10)));
    controller.join();
    assertThat(records(cluster)).hasSize(before.size() + 2);

    provider.destroy(spec);

    assertThat(records(cluster)).isEqualTo(before);
  }

  @Test
  void create_withAZoneTheAccountLacks_failsBeforeMakingAnything() {
    var name = "nozone-" + MotoServer.RUN;
    var missing = "absent-" + MotoServer.RUN + ".example";

    assertThatThrownBy(
            () ->
                Cluster.on(
                        aws()
                            .region(MotoServer.REGION)
                            .apiAccessCidr("203.0.113.7/32")
                            .publicZone(missing))
                    .named(name)
                    .using(moto.provider(kubeconfigs).build())
                    .create())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "publicZone must be a public Route53 hosted zone of this AWS account")
        .hasMessageEndingWith(", was \"" + missing + "\"");
    assertThat(TaggedResources.counts(TaggedResources.of(aws, name)))
        .allSatisfy((kind, count) -> assertThat(count).isZero());
  }

  private static List<DnsRecord> records(ConnectedCluster cluster) {
    try (var zone = cluster.openPublicZone().orElseThrow()) {
      return zone.records();
    }
  }

  /** Acts as ingress-nginx: once the Ingress exists, writes the load balancer's host name. */
  private static CompletableFuture<Void> controller(String namespace, String name) {
    return CompletableFuture.runAsync(
        () -> {
          var ingress = client.network().v1().ingresses().inNamespace(namespace).withName(name);
          ingress.waitUntilCondition(Objects::nonNull, 10, TimeUnit.SECONDS);
          ingress.editStatus(
              found -> {
                found.setStatus(
                    new IngressStatusBuilder()
                        .withNewLoadBalancer()
                        .withIngress(
                            new IngressLoadBalancerIngressBuilder().withHostname(LB).build())
                        .endLoadBalancer()
                        .build());
                return found;
              });
        });
  }

  /** An Ingress for {@code countly.<domain>}, as Countly's. */
  private static Component site() {
    return new Component() {
      @Override
      public String name() {
        return "site";
      }

      @Override
      public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
        return Map.of(
            Stage.APPLICATION,
            List.of(
                new IngressBuilder()
                    .withNewMetadata()
                    .withName("countly")
                    .withNamespace(context.namespace())
                    .endMetadata()
                    .withNewSpec()
                    .addNewRule()
                    .withHost("countly." + context.domain())
                    .endRule()
                    .endSpec()
                    .build()));
      }
    };
  }
}
