package io.cncfdemo.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.aws.MotoServer;
import io.cncfdemo.aws.WithMoto;
import io.cncfdemo.cluster.DnsRecord;
import io.cncfdemo.exception.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * A user's public hosted zone on moto: found by name (a private zone of the same name is not it),
 * never created, record sets upserted and deleted in change batches and read across pages.
 */
@WithMoto
class Route53PublicZoneMotoTest {
  static final String ZONE = "dns-" + MotoServer.RUN + ".example";
  static MotoServer moto;
  static AwsClients aws;
  static String publicId;

  @BeforeAll
  static void zones(MotoServer server) {
    moto = server;
    aws =
        new AwsClients(
            Region.of(MotoServer.REGION), MotoServer.CREDENTIALS, Optional.of(server.endpoint()));
    var vpc = aws.ec2().createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
    aws.route53()
        .createHostedZone(
            r ->
                r.name(ZONE)
                    .callerReference(UUID.randomUUID().toString())
                    .hostedZoneConfig(c -> c.privateZone(true))
                    .vpc(v -> v.vpcId(vpc).vpcRegion(VPCRegion.US_WEST_2)));
    publicId =
        DnsZone.id(
            aws.route53()
                .createHostedZone(r -> r.name(ZONE).callerReference(UUID.randomUUID().toString()))
                .hostedZone());
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Test
  void open_findsThePublicZoneOfThatName_notThePrivateOne() {
    try (var zone =
        Route53PublicZone.open(ZONE, MotoServer.CREDENTIALS, Optional.of(moto.endpoint()))) {
      assertThat(zone.id()).isEqualTo(publicId);
      assertThat(zone.name()).isEqualTo(ZONE);
      assertThat(zone.records())
          .extracting(DnsRecord::name, DnsRecord::type)
          .contains(
              org.assertj.core.groups.Tuple.tuple(ZONE, "SOA"),
              org.assertj.core.groups.Tuple.tuple(ZONE, "NS"));
    }
  }

  @Test
  void open_aZoneTheAccountLacks_failsNamingIt_andCreatesNone() {
    var missing = "missing-" + MotoServer.RUN + ".example";

    assertThatThrownBy(
            () ->
                Route53PublicZone.open(
                    missing, MotoServer.CREDENTIALS, Optional.of(moto.endpoint())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "publicZone must be a public Route53 hosted zone of this AWS account, looked up by name"
                + " (cncfdemo never creates one): create it and delegate the domain to its name"
                + " servers, was \""
                + missing
                + "\"");
    assertThat(aws.route53().listHostedZonesByName(r -> r.dnsName(missing + ".")).hostedZones())
        .noneMatch(zone -> zone.name().equals(missing + "."));
  }

  @Test
  void upsert_records_andDelete_acrossPages_leaveTheZonesOwnRecords() {
    try (var zone = new Route53PublicZone(aws.route53(), Optional.empty(), ZONE, publicId, 2)) {
      var before = zone.records();
      var hosts =
          IntStream.range(0, 5)
              .mapToObj(
                  i -> DnsRecord.of("h" + i + ".pages." + ZONE, DnsRecord.A, 60, "203.0.113." + i))
              .toList();
      var owner =
          DnsRecord.of(
              "_cncfdemo.h0.pages." + ZONE,
              DnsRecord.TXT,
              60,
              "heritage=cncfdemo,say=\"hi there\"");
      var alias =
          DnsRecord.of("countly.pages." + ZONE, DnsRecord.CNAME, 60, "a1-2.elb.amazonaws.com");

      zone.upsert(
          List.of(
              hosts.get(0), hosts.get(1), hosts.get(2), hosts.get(3), hosts.get(4), owner, alias));

      assertThat(zone.records())
          .containsAll(hosts)
          .contains(owner, alias)
          .hasSize(before.size() + 7);

      var moved =
          DnsRecord.of("countly.pages." + ZONE, DnsRecord.CNAME, 60, "b3-4.elb.amazonaws.com");
      zone.upsert(List.of(moved));
      assertThat(zone.records()).contains(moved).doesNotContain(alias);

      var all = new java.util.ArrayList<DnsRecord>(hosts);
      all.add(owner);
      all.add(moved);
      zone.delete(all);
      zone.delete(all);

      assertThat(zone.records()).isEqualTo(before);
    }
  }

  @Test
  void names_readAsDnsPresentsThem() {
    assertThat(Route53PublicZone.unescaped("\\052.example.org.")).isEqualTo("*.example.org.");
  }
}
