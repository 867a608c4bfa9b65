package io.cncfdemo.aws.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.aws.MotoServer;
import io.cncfdemo.aws.WithMoto;
import io.cncfdemo.aws.internal.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.VPCRegion;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DNS updater's logic against moto's Auto Scaling, EC2 and Route53, driven by synthetic
 * EventBridge events as Auto Scaling sends them; once through the classes and jars of the Lambda
 * deployment package alone.
 */
@WithMoto
class DnsUpdaterTest {
  static final String CLUSTER = "dnstest-" + MotoServer.RUN;
  static final String MASTERS = CLUSTER + "-masters";
  static final String OTHER = "someone-elses-" + MotoServer.RUN;
  static final String ZONE = CLUSTER + ".k8s";
  static MotoServer moto;
  static AwsClients aws;
  static String zoneId;

  @TempDir Path dir;

  /**
   * Lambda hands the function its role's credentials; here the handler's default chain finds moto's
   * fake keys.
   */
  @BeforeAll
  static void groupsAndZone(MotoServer server) {
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    moto = server;
    aws =
        new AwsClients(
            Region.of(MotoServer.REGION), MotoServer.CREDENTIALS, Optional.of(server.endpoint()));
    var vpc = aws.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    var subnet =
        aws.ec2()
            .createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.0.0/24").availabilityZone("us-west-2a"))
            .subnet()
            .subnetId();
    aws.ec2()
        .createLaunchTemplate(
            r ->
                r.launchTemplateName(CLUSTER)
                    .launchTemplateData(d -> d.imageId("ami-12345678").instanceType("t3.medium")));
    group(MASTERS, subnet, 2, CLUSTER);
    group(OTHER, subnet, 1, "another-cluster");
    var zone =
        aws.route53()
            .createHostedZone(
                r ->
                    r.name(ZONE)
                        .callerReference(CLUSTER)
                        .hostedZoneConfig(c -> c.privateZone(true))
                        .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_WEST_2)))
            .hostedZone()
            .id();
    zoneId = zone.substring(zone.lastIndexOf('/') + 1);
  }

  static void group(String name, String subnet, int size, String cluster) {
    aws.autoScaling()
        .createAutoScalingGroup(
            r ->
                r.autoScalingGroupName(name)
                    .launchTemplate(t -> t.launchTemplateName(CLUSTER).version("$Latest"))
                    .minSize(0)
                    .maxSize(size)
                    .desiredCapacity(size)
                    .vpcZoneIdentifier(subnet)
                    .tags(
                        Tag.builder()
                            .key("KubernetesCluster")
                            .value(cluster)
                            .propagateAtLaunch(true)
                            .build(),
                        Tag.builder().key("Role").value("master").propagateAtLaunch(true).build()));
  }

  @AfterAll
  static void close() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    aws.close();
  }

  @Test
  void launchEvent_setsTheMastersRecord_toTheGroupsHealthyInstances() throws Exception {
    var result = handler().handleRequest(event("instance-launch-successful.json", MASTERS));

    assertThat(result).containsEntry("record", "masters." + ZONE + ".");
    assertThat(record("masters." + ZONE + ".")).isEqualTo(addressesOf(MASTERS)).hasSize(2);
    assertThat(result.get("addresses")).isEqualTo(List.copyOf(addressesOf(MASTERS)));
  }

  @Test
  void terminateEvent_dropsTheGoneInstance_andAnEmptyGroupRemovesTheRecord() throws Exception {
    var handler = handler();
    handler.handleRequest(event("instance-launch-successful.json", MASTERS));

    aws.autoScaling()
        .updateAutoScalingGroup(r -> r.autoScalingGroupName(MASTERS).desiredCapacity(1));
    handler.handleRequest(event("instance-terminate-successful.json", MASTERS));
    assertThat(record("masters." + ZONE + ".")).hasSize(1).isEqualTo(addressesOf(MASTERS));

    aws.autoScaling()
        .updateAutoScalingGroup(r -> r.autoScalingGroupName(MASTERS).desiredCapacity(0));
    handler.handleRequest(event("instance-terminate-successful.json", MASTERS));
    assertThat(record("masters." + ZONE + ".")).isEmpty();

    aws.autoScaling()
        .updateAutoScalingGroup(r -> r.autoScalingGroupName(MASTERS).desiredCapacity(2));
  }

  @Test
  void eventOfAnotherClustersGroup_orWithoutGroup_changesNothing() throws Exception {
    var handler = handler();
    assertThat(handler.handleRequest(event("instance-launch-successful.json", OTHER))).isEmpty();
    assertThat(handler.handleRequest(Map.of("detail-type", "Scheduled Event", "detail", Map.of())))
        .isEmpty();
    assertThat(handler.handleRequest(event("instance-launch-successful.json", "no-such-group")))
        .isEmpty();
  }

  /**
   * The deployment package holds every class the handler needs: it runs from its own jars, not the
   * test's.
   */
  @Test
  void deploymentPackage_runsOnItsOwn() throws Exception {
    var unpacked =
        unzip(
            DnsUpdaterTest.class.getResourceAsStream(
                "/io/cncfdemo/aws/internal/lambda/dns-updater.zip"));
    var jars = new ArrayList<URL>();
    jars.add(unpacked.toUri().toURL());
    try (var lib = Files.list(unpacked.resolve("lib"))) {
      lib.sorted().forEach(jar -> jars.add(toUrl(jar)));
    }
    assertThat(jars)
        .extracting(URL::getPath)
        .anyMatch(p -> p.contains("autoscaling-"))
        .noneMatch(p -> p.matches(".*/ec2-[0-9.]+\\.jar"));
    var bytes =
        Files.walk(unpacked).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    assertThat(bytes).as("unzipped package size").isLessThan(250L * 1024 * 1024);

    try (var loader =
        new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      var type = loader.loadClass(DnsUpdaterHandler.class.getName());
      assertThat(type.getClassLoader()).isSameAs(loader);
      var constructor = type.getDeclaredConstructor(Map.class);
      constructor.setAccessible(true);
      var handler = constructor.newInstance(environment());
      @SuppressWarnings("unchecked")
      var result =
          (Map<String, Object>)
              type.getMethod("handleRequest", Map.class)
                  .invoke(handler, event("instance-launch-successful.json", MASTERS));
      assertThat(result).containsEntry("record", "masters." + ZONE + ".");
    }
  }

  private DnsUpdaterHandler handler() {
    return new DnsUpdaterHandler(environment());
  }

  private static Map<String, String> environment() {
    return Map.of(
        "AWS_REGION",
        MotoServer.REGION,
        "AWS_ENDPOINT_URL",
        moto.endpoint().toString(),
        DnsUpdaterHandler.CLUSTER,
        CLUSTER,
        DnsUpdaterHandler.ZONE_ID,
        zoneId,
        DnsUpdaterHandler.ZONE_NAME,
        ZONE);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> event(String resource, String group) throws IOException {
    try (InputStream in = DnsUpdaterTest.class.getResourceAsStream(resource)) {
      var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("GROUP", group);
      return JsonMapper.builder().build().readValue(text, Map.class);
    }
  }

  static TreeSet<String> addressesOf(String group) {
    var ids =
        aws
            .autoScaling()
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames(group))
            .autoScalingGroups()
            .get(0)
            .instances()
            .stream()
            .map(i -> i.instanceId())
            .toList();
    var ips = new TreeSet<String>();
    if (!ids.isEmpty()) {
      aws.ec2().describeInstances(r -> r.instanceIds(ids)).reservations().stream()
          .flatMap(res -> res.instances().stream())
          .forEach(i -> ips.add(i.privateIpAddress()));
    }
    return ips;
  }

  static TreeSet<String> record(String name) {
    var values = new TreeSet<String>();
    aws.route53().listResourceRecordSets(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
        .filter(set -> set.name().equals(name) && set.type() == RRType.A)
        .forEach(set -> set.resourceRecords().forEach(rr -> values.add(rr.value())));
    return values;
  }

  private Path unzip(InputStream zip) throws IOException {
    var target = dir.resolve("package");
    try (var in = new ZipInputStream(zip)) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        var file = target.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(in, file);
        }
      }
    }
    return target;
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
