package io.cncfdemo.aws.dns;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The private IPv4 addresses of running EC2 instances, from one signed {@code DescribeInstances}
 * query. The Lambda package would grow by 26 MB with the SDK's EC2 client for this one call, so it
 * is a {@link SignedQuery} whose XML answer is read here.
 */
final class Ec2Addresses {
  static final String API_VERSION = "2016-11-15";

  private final SignedQuery ec2;

  Ec2Addresses(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Region region,
      Optional<URI> endpoint) {
    this.ec2 = new SignedQuery(http, credentials, region, "ec2", API_VERSION, endpoint);
  }

  /**
   * Instance id to private address, for those of {@code instanceIds} that are pending or running.
   */
  Map<String, String> of(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return Map.of();
    }
    var parameters = new LinkedHashMap<String, String>();
    int index = 1;
    for (var id : instanceIds) {
      parameters.put("InstanceId." + index++, id);
    }
    return addresses(ec2.call("DescribeInstances", parameters));
  }

  private static Map<String, String> addresses(Document document) {
    var addresses = new LinkedHashMap<String, String>();
    var instanceSets = document.getElementsByTagName("instancesSet");
    for (int i = 0; i < instanceSets.getLength(); i++) {
      for (var item : SignedQuery.children((Element) instanceSets.item(i), "item")) {
        var id = SignedQuery.text(item, "instanceId");
        var address = SignedQuery.text(item, "privateIpAddress");
        var state =
            SignedQuery.child(item, "instanceState")
                .map(s -> SignedQuery.text(s, "name"))
                .orElse("");
        if (!id.isEmpty()
            && !address.isEmpty()
            && (state.equals("pending") || state.equals("running"))) {
          addresses.put(id, address);
        }
      }
    }
    return addresses;
  }
}
