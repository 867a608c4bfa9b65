package io.cncfdemo.aws.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.IoUtils;

/**
 * The private IPv4 addresses of running EC2 instances, from one signed {@code DescribeInstances}
 * query. The Lambda package would grow by 26 MB with the SDK's EC2 client for this one call, so it
 * signs the query with the SDK's SigV4 signer and reads the XML answer itself.
 */
final class Ec2Addresses {
  static final String API_VERSION = "2016-11-15";

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final URI endpoint;

  Ec2Addresses(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Region region,
      Optional<URI> endpoint) {
    this.http = http;
    this.credentials = credentials;
    this.region = region;
    this.endpoint =
        endpoint.orElseGet(() -> URI.create("https://ec2." + region.id() + ".amazonaws.com/"));
  }

  /**
   * Instance id to private address, for those of {@code instanceIds} that are pending or running.
   */
  Map<String, String> of(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return Map.of();
    }
    var form = new StringBuilder("Action=DescribeInstances&Version=").append(API_VERSION);
    int index = 1;
    for (var id : instanceIds) {
      form.append("&InstanceId.")
          .append(index++)
          .append('=')
          .append(URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
    return parse(post(form.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] post(byte[] body) {
    var request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    var signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials.resolveCredentials())
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    try {
      var response =
          http.prepareRequest(
                  HttpExecuteRequest.builder()
                      .request(signed.request())
                      .contentStreamProvider(signed.payload().orElseThrow())
                      .build())
              .call();
      byte[] answer;
      try (InputStream in =
          response
              .responseBody()
              .map(InputStream.class::cast)
              .orElse(InputStream.nullInputStream())) {
        answer = IoUtils.toByteArray(in);
      }
      if (!response.httpResponse().isSuccessful()) {
        throw new IllegalStateException(
            "EC2 DescribeInstances answered HTTP "
                + response.httpResponse().statusCode()
                + ": "
                + new String(answer, StandardCharsets.UTF_8));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException("EC2 DescribeInstances at " + endpoint + " failed", e);
    }
  }

  static Map<String, String> parse(byte[] xml) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(false);
      var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      var addresses = new LinkedHashMap<String, String>();
      var instanceSets = document.getElementsByTagName("instancesSet");
      for (int i = 0; i < instanceSets.getLength(); i++) {
        for (var item : children((Element) instanceSets.item(i), "item")) {
          var id = text(item, "instanceId");
          var address = text(item, "privateIpAddress");
          var state = child(item, "instanceState").map(s -> text(s, "name")).orElse("");
          if (!id.isEmpty()
              && !address.isEmpty()
              && (state.equals("pending") || state.equals("running"))) {
            addresses.put(id, address);
          }
        }
      }
      return addresses;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException(
          "EC2 DescribeInstances answered what is not its XML: " + e.getMessage(), e);
    }
  }

  private static List<Element> children(Element parent, String name) {
    var found = new ArrayList<Element>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  private static String text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim()).orElse("");
  }
}
