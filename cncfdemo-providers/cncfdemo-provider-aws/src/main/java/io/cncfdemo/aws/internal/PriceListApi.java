package io.cncfdemo.aws.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.FilterType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Today's on-demand price of an instance type from the AWS Price List API, for {@code plan()} when
 * the user asked for it and credentials allow; any failure falls back to the shipped {@link
 * PriceTable}. Read-only, and never used by the tests.
 */
public final class PriceListApi {
  private static final Logger LOG = LoggerFactory.getLogger(PriceListApi.class);

  private final AwsCredentialsProvider credentials;
  private final Optional<URI> endpoint;

  public PriceListApi(AwsCredentialsProvider credentials, Optional<URI> endpoint) {
    this.credentials = credentials;
    this.endpoint = endpoint;
  }

  /**
   * The Linux, shared-tenancy on-demand price per hour in USD, or empty when the API gives none.
   */
  public Optional<BigDecimal> instancePerHour(String region, String instanceType) {
    var builder =
        PricingClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create());
    endpoint.ifPresent(builder::endpointOverride);
    try (var pricing = builder.build()) {
      var products =
          pricing
              .getProducts(
                  r ->
                      r.serviceCode("AmazonEC2")
                          .maxResults(1)
                          .filters(
                              f -> f.type(FilterType.TERM_MATCH).field("regionCode").value(region),
                              f ->
                                  f.type(FilterType.TERM_MATCH)
                                      .field("instanceType")
                                      .value(instanceType),
                              f ->
                                  f.type(FilterType.TERM_MATCH)
                                      .field("operatingSystem")
                                      .value("Linux"),
                              f -> f.type(FilterType.TERM_MATCH).field("tenancy").value("Shared"),
                              f ->
                                  f.type(FilterType.TERM_MATCH).field("preInstalledSw").value("NA"),
                              f ->
                                  f.type(FilterType.TERM_MATCH)
                                      .field("capacitystatus")
                                      .value("Used")))
              .priceList();
      return products.stream().findFirst().flatMap(PriceListApi::onDemandUsd);
    } catch (SdkException e) {
      LOG.info(
          "the AWS Price List API gave no price for {} in {} ({}); using the shipped table",
          instanceType,
          region,
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  static Optional<BigDecimal> onDemandUsd(String product) {
    JsonNode terms = JsonMapper.builder().build().readTree(product).path("terms").path("OnDemand");
    for (var term : terms) {
      for (var dimension : term.path("priceDimensions")) {
        var usd = dimension.path("pricePerUnit").path("USD");
        if (usd.isString() && !usd.asString().isBlank()) {
          return Optional.of(new BigDecimal(usd.asString()));
        }
      }
    }
    return Optional.empty();
  }
}
