package io.cncfdemo.cluster;

import static io.cncfdemo.Providers.aws;
import static io.cncfdemo.Providers.azure;
import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code aws()/azure()/gcp().publicZone(..)}: none by default, kept and described, and bad names
 * rejected alike.
 */
class PublicZoneTargetsTest {

  @Test
  void publicZone_isNoneByDefault_andKeptWhenGiven() {
    assertThat(aws().publicZone()).isEmpty();

    var target = aws().region("eu-west-1").publicZone("example.org");

    assertThat(target.publicZone()).contains("example.org");
    assertThat(target.describe())
        .isEqualTo("aws().region(\"eu-west-1\").publicZone(\"example.org\")");
    assertThat(azure().publicZone()).isEmpty();
    assertThat(azure().publicZone("example.org").describe())
        .isEqualTo("azure().location(\"westus2\").publicZone(\"example.org\")");
    assertThat(gcp().publicZone()).isEmpty();
    assertThat(gcp().publicZone("example.org").describe())
        .isEqualTo("gcp().zone(\"us-central1-a\").publicZone(\"example.org\")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"org", "example.org.", "Example.org", "-bad.example.org", "a..b", ""})
  void publicZone_thatIsNotAZoneName_isRejected(String zone) {
    var message =
        "publicZone must be the name of a public DNS zone: a lowercase domain of at least two"
            + " labels of a-z, 0-9 and '-', without the final dot, e.g. example.org, was \""
            + zone
            + "\"";
    assertThatThrownBy(() -> aws().publicZone(zone))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> azure().publicZone(zone)).hasMessage(message);
    assertThatThrownBy(() -> gcp().publicZone(zone)).hasMessage(message);
  }

  @Test
  void dnsRecord_isCanonical_andRejectsANegativeTtl() {
    var record = DnsRecord.of("Countly.Example.ORG.", "cname", 60, "lb.example.net");

    assertThat(record.name()).isEqualTo("countly.example.org");
    assertThat(record.type()).isEqualTo(DnsRecord.CNAME);
    assertThat(record).hasToString("countly.example.org 60 CNAME lb.example.net");
    assertThatThrownBy(() -> DnsRecord.of("a.example.org", "A", -1, "203.0.113.1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("ttl must be at least 0 seconds, was -1");
  }

  @Test
  void txtValues_areQuotedAsDnsPresentsThem_andReadBack() {
    assertThat(DnsRecord.quoted("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    assertThat(DnsRecord.unquoted(DnsRecord.quoted("a \"b\" \\c"))).isEqualTo("a \"b\" \\c");
    assertThat(DnsRecord.unquoted("\"part one \" \"and two\"")).isEqualTo("part one and two");
  }
}
