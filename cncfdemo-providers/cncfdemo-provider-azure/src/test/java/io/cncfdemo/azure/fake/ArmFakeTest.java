package io.cncfdemo.azure.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake's ARM semantics on the wire, with a plain HTTP client: what the SDK relies on and the
 * provider's tests take for granted.
 */
class ArmFakeTest {
  static final String SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000001";
  static final String GROUP = SUBSCRIPTION + "/resourceGroups/fake-test";
  static final String NSG = GROUP + "/providers/Microsoft.Network/networkSecurityGroups/nsg";
  static ArmFake fake;
  static HttpClient http;

  @BeforeAll
  static void start(@TempDir Path directory) throws Exception {
    fake = ArmFake.start(directory);
    http = HttpClient.newBuilder().sslContext(fake.clientContext()).build();
    call("PUT", GROUP, "{\"location\":\"westus2\"}");
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  record Answer(int status, JsonNode body, HttpResponse<String> response) {}

  static Answer call(String method, String path, String body) throws Exception {
    var uri =
        path.startsWith("https://")
            ? URI.create(path)
            : fake.endpoint().resolve(path + (path.contains("?") ? "" : "?api-version=2024-05-01"));
    var request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer test")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    var json = response.body().isEmpty() ? null : ArmFake.JSON.readTree(response.body());
    return new Answer(response.statusCode(), json, response);
  }

  @Test
  void put_isCreateOrUpdate_201Then200_theSameResource_withALongRunningOperation()
      throws Exception {
    var body =
        "{\"location\":\"westus2\",\"properties\":{\"securityRules\":[{\"name\":\"ssh\",\"properties\":{}}]}}";

    var created = call("PUT", NSG, body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("properties").path("provisioningState").asText())
        .isEqualTo("Creating");
    var operation = created.response().headers().firstValue("Azure-AsyncOperation").orElseThrow();
    assertThat(call("GET", operation, null).body().path("status").asText()).isEqualTo("InProgress");
    assertThat(call("GET", operation, null).body().path("status").asText()).isEqualTo("Succeeded");
    var resource = call("GET", NSG, null).body();
    assertThat(resource.path("properties").path("provisioningState").asText())
        .isEqualTo("Succeeded");
    assertThat(resource.path("properties").path("securityRules").path(0).path("id").asText())
        .isEqualTo(NSG + "/securityRules/ssh");

    var again = call("PUT", NSG, body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().path("properties").path("provisioningState").asText())
        .isEqualTo("Updating");
    assertThat(again.body().path("id").asText()).isEqualTo(resource.path("id").asText());
  }

  @Test
  void get_ofWhatIsNotThere_is404_withTheArmErrorBody() throws Exception {
    var missing = call("GET", GROUP + "/providers/Microsoft.Network/virtualNetworks/nothing", null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().path("error").path("code").asText()).isEqualTo("ResourceNotFound");
    assertThat(missing.body().path("error").path("message").asText())
        .isEqualTo(
            "The Resource 'Microsoft.Network/virtualNetworks/nothing' under resource group"
                + " 'fake-test' was not found. For more details please go to"
                + " https://aka.ms/ARMResourceNotFoundFix");
    assertThat(
            call("GET", SUBSCRIPTION + "/resourceGroups/none", null)
                .body()
                .path("error")
                .path("code")
                .asText())
        .isEqualTo("ResourceGroupNotFound");
  }

  @Test
  void aFailedOperation_endsFailed_andLeavesTheResourceFailed() throws Exception {
    var lb = GROUP + "/providers/Microsoft.Network/loadBalancers/failing";
    fake.failNextPut(path -> path.endsWith("/failing"), "InternalServerError", "boom");

    var operation =
        call("PUT", lb, "{\"location\":\"westus2\"}")
            .response()
            .headers()
            .firstValue("Azure-AsyncOperation")
            .orElseThrow();
    call("GET", operation, null);
    var status = call("GET", operation, null).body();

    assertThat(status.path("status").asText()).isEqualTo("Failed");
    assertThat(status.path("error").path("code").asText()).isEqualTo("InternalServerError");
    assertThat(call("GET", lb, null).body().path("properties").path("provisioningState").asText())
        .isEqualTo("Failed");
  }

  @Test
  void lists_comeInPagesOfTwo_linkedByNextLink() throws Exception {
    for (var name : List.of("a", "b", "c", "d", "e")) {
      call(
          "PUT",
          GROUP + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name,
          "{\"location\":\"westus2\"}");
    }
    var names = new ArrayList<String>();
    String next = GROUP + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities";
    int pages = 0;
    while (next != null) {
      var page = call("GET", next, null).body();
      page.path("value").forEach(item -> names.add(item.path("name").asText()));
      next = page.hasNonNull("nextLink") ? page.get("nextLink").asText() : null;
      pages++;
    }

    assertThat(names).containsExactly("a", "b", "c", "d", "e");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void throttling_is429_withRetryAfter() throws Exception {
    fake.throttle(1);

    var throttled = call("GET", GROUP, null);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.response().headers().firstValue("Retry-After")).contains("1");
    assertThat(throttled.body().path("error").path("code").asText()).isEqualTo("TooManyRequests");
    assertThat(call("GET", GROUP, null).status()).isEqualTo(200);
  }

  @Test
  void deletingAResourceGroup_isAccepted_thenRemovesEverythingInIt() throws Exception {
    var group = SUBSCRIPTION + "/resourceGroups/doomed";
    call("PUT", group, "{\"location\":\"westus2\"}");
    call(
        "PUT",
        group + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/x",
        "{\"location\":\"westus2\"}");

    var accepted = call("DELETE", group, null);
    assertThat(accepted.status()).isEqualTo(202);
    var location = accepted.response().headers().firstValue("Location").orElseThrow();
    assertThat(call("GET", location, null).status()).isEqualTo(202);
    assertThat(call("GET", location, null).status()).isEqualTo(204);

    assertThat(call("GET", group, null).status()).isEqualTo(404);
    assertThat(fake.state().all().keySet()).noneMatch(id -> id.contains("/doomed"));
    assertThat(
            call("DELETE", GROUP + "/providers/Microsoft.Network/loadBalancers/never", null)
                .status())
        .isEqualTo(204);
  }

  @Test
  void roleAssignments_areSynchronous_oncePerPrincipalRoleAndScope_andDeletedWith200()
      throws Exception {
    var assignments = GROUP + "/providers/Microsoft.Authorization/roleAssignments/";
    var first = assignments + "11111111-1111-1111-1111-111111111111";
    var body =
        "{\"properties\":{\"roleDefinitionId\":\""
            + SUBSCRIPTION
            + "/providers/Microsoft.Authorization/roleDefinitions/"
            + "b24988ac-6180-42a0-ab88-20f7382dd24c\",\"principalId\":\"p-1\"}}";

    var created = call("PUT", first + "?api-version=2022-04-01", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.response().headers().firstValue("Azure-AsyncOperation")).isEmpty();
    assertThat(call("PUT", first + "?api-version=2022-04-01", body).status()).isEqualTo(200);
    var again =
        call(
            "PUT",
            assignments + "22222222-2222-2222-2222-222222222222?api-version=2022-04-01",
            body);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("error").path("code").asText()).isEqualTo("RoleAssignmentExists");

    var deleted = call("DELETE", first + "?api-version=2022-04-01", null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().path("properties").path("principalId").asText()).isEqualTo("p-1");
    assertThat(call("GET", first + "?api-version=2022-04-01", null).status()).isEqualTo(404);
    assertThat(call("DELETE", first + "?api-version=2022-04-01", null).status()).isEqualTo(204);
  }

  @Test
  void requestsWithoutABearerToken_areRefused() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(fake.endpoint().resolve(GROUP + "?api-version=2021-04-01"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }
}
