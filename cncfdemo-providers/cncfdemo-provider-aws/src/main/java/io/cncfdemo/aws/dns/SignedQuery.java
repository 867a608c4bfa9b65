package io.cncfdemo.aws.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
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
 * One AWS Query API (form-encoded POST, XML answer), called with the SDK's SigV4 signer and HTTP
 * client, for the services whose SDK client this module does without: EC2 in the DNS updater's
 * Lambda package (26 MB for one call), classic ELB (its SDK client is not one the build can use).
 * The answer is read namespace-unaware, with {@link #children} and {@link #text}.
 */
public final class SignedQuery {
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Region region;
  private final String service;
  private final String apiVersion;
  private final URI endpoint;

  /**
   * @param service the signing name and endpoint prefix, e.g. {@code ec2}
   * @param apiVersion the API's version, e.g. {@code 2016-11-15}
   * @param endpoint an emulator's endpoint, else {@code https://<service>.<region>.amazonaws.com/}
   */
  public SignedQuery(
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      Region region,
      String service,
      String apiVersion,
      Optional<URI> endpoint) {
    this.http = http;
    this.credentials = credentials;
    this.region = region;
    this.service = service;
    this.apiVersion = apiVersion;
    this.endpoint =
        endpoint.orElseGet(
            () -> URI.create("https://" + service + "." + region.id() + ".amazonaws.com/"));
  }

  /** Calls {@code action} with these parameters (in their order); its XML answer. */
  public Document call(String action, Map<String, String> parameters) {
    var form =
        "Action="
            + action
            + "&Version="
            + apiVersion
            + parameters.entrySet().stream()
                .map(p -> "&" + encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining());
    return parse(action, post(action, form.getBytes(StandardCharsets.UTF_8)));
  }

  private byte[] post(String action, byte[] body) {
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
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    var what = service + " " + action;
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
            what
                + " answered HTTP "
                + response.httpResponse().statusCode()
                + ": "
                + new String(answer, StandardCharsets.UTF_8));
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(what + " at " + endpoint + " failed", e);
    }
  }

  private static Document parse(String action, byte[] xml) {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException(
          action + " answered what is not its XML: " + e.getMessage(), e);
    }
  }

  /** The child elements of {@code parent} named {@code name}, in order. */
  public static List<Element> children(Element parent, String name) {
    var found = new ArrayList<Element>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  /** The first child element named {@code name}. */
  public static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  /** The trimmed text of the first child element named {@code name}, or empty. */
  public static String text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim()).orElse("");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
