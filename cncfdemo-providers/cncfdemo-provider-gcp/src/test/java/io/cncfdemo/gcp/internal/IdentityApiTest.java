package io.cncfdemo.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.http.javanet.NetHttpTransport;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.gcp.fake.GcpFake;
import io.cncfdemo.support.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IAM and Resource Manager calls against the fake while it throttles them as Google does (429
 * RESOURCE_EXHAUSTED, 503 UNAVAILABLE, with a google.rpc.Status body): each call is sent again,
 * pausing as a quick backoff of 4 attempts says, and fails naming the request and the status once
 * they are spent; other refusals are answered at once.
 */
class IdentityApiTest {
  static final String PROJECT = "cncfdemo-test";
  static final String ACCOUNT = "cncfdemo-t-nodes";
  static final String EMAIL = ACCOUNT + "@" + PROJECT + ".iam.gserviceaccount.com";
  static final Backoff QUICK =
      Backoff.exponential(Duration.ofMillis(1), Duration.ofMillis(4)).attempts(4);

  GcpFake fake;
  IdentityApi api;

  @BeforeEach
  void start() throws Exception {
    fake = GcpFake.start(PROJECT);
    var root = fake.identityRootUrl().toString();
    api = new IdentityApi(new NetHttpTransport().createRequestFactory(), root, root, QUICK);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private long requests(String method, String path) {
    return fake.requests().stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .count();
  }

  @Test
  void aPolicyRead_throttledThreeTimes_isAnsweredByTheFourthRequest() {
    fake.iam().throttle(3);

    assertThat(api.policy(PROJECT).get("etag")).isNotNull();
    assertThat(requests("POST", "/v1/projects/cncfdemo-test:getIamPolicy")).isEqualTo(4);
  }

  @Test
  void everyCall_throttledOrUnavailable_isSentAgain_untilItIsDone() throws Exception {
    fake.iam().throttle(1);
    fake.iam().unavailable(1);
    api.createServiceAccount(PROJECT, ACCOUNT, "cncfdemo t nodes");
    assertThat(fake.iam().accounts()).containsExactly(EMAIL);
    assertThat(requests("POST", "/v1/projects/cncfdemo-test/serviceAccounts")).isEqualTo(3);

    fake.iam().unavailable(2);
    assertThat(api.serviceAccount(PROJECT, EMAIL)).isPresent();
    assertThat(requests("GET", "/v1/projects/cncfdemo-test/serviceAccounts/" + EMAIL)).isEqualTo(3);

    var policy = api.policy(PROJECT);
    fake.iam().throttle(2);
    api.setPolicy(PROJECT, policy);
    assertThat(requests("POST", "/v1/projects/cncfdemo-test:setIamPolicy")).isEqualTo(3);

    fake.iam().throttle(1);
    assertThat(api.deleteServiceAccount(PROJECT, EMAIL)).isTrue();
    assertThat(fake.iam().accounts()).isEmpty();
    assertThat(requests("DELETE", "/v1/projects/cncfdemo-test/serviceAccounts/" + EMAIL))
        .isEqualTo(2);
  }

  @Test
  void aCallThrottledBeyondTheBound_fails_namingTheRequestAndTheStatus() {
    fake.iam().throttle(5);

    assertThatThrownBy(() -> api.policy(PROJECT))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "Google Cloud kept answering POST /v1/projects/cncfdemo-test:getIamPolicy with 429"
                + " RESOURCE_EXHAUSTED (Quota exceeded for quota metric 'Requests' and limit"
                + " 'Requests per minute' of service 'cloudresourcemanager.googleapis.com'.):"
                + " gave up after 4 attempts; try again in a few minutes");
    assertThat(requests("POST", "/v1/projects/cncfdemo-test:getIamPolicy")).isEqualTo(4);
  }

  @Test
  void aServiceThatStaysUnavailable_fails_namingTheRequestAndTheStatus() {
    fake.iam().unavailable(4);

    assertThatThrownBy(() -> api.serviceAccount(PROJECT, EMAIL))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage(
            "Google Cloud kept answering GET /v1/projects/cncfdemo-test/serviceAccounts/"
                + EMAIL
                + " with 503 UNAVAILABLE (The service is currently unavailable.): gave up after 4"
                + " attempts; try again in a few minutes");
  }

  @Test
  void otherRefusals_areAnsweredAtOnce() {
    assertThatThrownBy(() -> api.createServiceAccount(PROJECT, "X", "bad"))
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith("Google Cloud refused to create service account X (400: ");
    assertThat(requests("POST", "/v1/projects/cncfdemo-test/serviceAccounts")).isEqualTo(1);
    assertThat(api.serviceAccount(PROJECT, EMAIL)).isEmpty();
    assertThat(requests("GET", "/v1/projects/cncfdemo-test/serviceAccounts/" + EMAIL)).isEqualTo(1);
  }
}
