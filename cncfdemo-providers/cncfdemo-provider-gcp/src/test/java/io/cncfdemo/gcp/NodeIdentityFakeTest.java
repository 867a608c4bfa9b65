package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.cncfdemo.Cluster;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.gcp.fake.IamState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes' service account on the fake's IAM and Resource Manager APIs: create() makes it, binds
 * its roles on the project without touching anyone else's, and sets it on both templates; destroy()
 * takes it out of the policy and deletes it.
 */
class NodeIdentityFakeTest {
  static final String EMAIL = "cncfdemo-eps-nodes@cncfdemo-test.iam.gserviceaccount.com";
  static final String MEMBER = "serviceAccount:" + EMAIL;
  static final List<String> ROLES =
      List.of(
          "roles/compute.instanceAdmin.v1",
          "roles/compute.storageAdmin",
          "roles/iam.serviceAccountUser");

  FakeGcp gcp;

  @TempDir Path kubeconfigs;

  @BeforeEach
  void start() throws Exception {
    gcp = new FakeGcp();
  }

  @AfterEach
  void stop() {
    gcp.close();
  }

  private Cluster cluster() {
    return GcpClusterProviderFakeTest.cluster("eps");
  }

  private void create(Cluster cluster) {
    assertThatThrownBy(() -> cluster.using(gcp.provider(kubeconfigs).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining("no master published the admin kubeconfig");
  }

  @Test
  void create_makesTheServiceAccount_bindsItsRoles_andTheTemplatesRunAsIt() {
    create(cluster());

    assertThat(gcp.fake.iam().accounts()).containsExactly(EMAIL);
    var members = gcp.fake.iam().members();
    assertThat(members).containsEntry("roles/owner", List.of(IamState.OWNER));
    for (var role : ROLES) {
      assertThat(members.get(role)).as(role).containsExactly(MEMBER);
    }
    var templates = gcp.fake.compute().resources().get("global/instanceTemplates");
    assertThat(templates)
        .hasSize(2)
        .allSatisfy(
            template -> {
              var account =
                  template
                      .getAsJsonObject("properties")
                      .getAsJsonArray("serviceAccounts")
                      .get(0)
                      .getAsJsonObject();
              assertThat(account.get("email").getAsString()).isEqualTo(EMAIL);
              assertThat(account.getAsJsonArray("scopes").get(0).getAsString())
                  .isEqualTo("https://www.googleapis.com/auth/cloud-platform");
            });
  }

  @Test
  void policyWrites_thatMeetAnotherWritersChange_readAgain_andKeepTheirChange() {
    gcp.fake.iam().interleaveWriters(2);

    create(cluster());

    var members = gcp.fake.iam().members();
    assertThat(members.get("roles/viewer")).hasSize(2);
    assertThat(members).containsEntry("roles/owner", List.of(IamState.OWNER));
    ROLES.forEach(role -> assertThat(members.get(role)).as(role).containsExactly(MEMBER));
    assertThat(gcp.fake.requests().stream().filter(r -> r.path().endsWith(":setIamPolicy")).count())
        .isEqualTo(3);
    assertThat(gcp.fake.requests().stream().filter(r -> r.path().endsWith(":getIamPolicy")).count())
        .as("a fresh read before each write")
        .isEqualTo(3);
  }

  @Test
  void identityCalls_thatGoogleThrottles_areSentAgain_andTheCreateGoesOn() {
    gcp.fake.iam().throttle(2);

    create(cluster());

    assertThat(gcp.fake.iam().accounts()).containsExactly(EMAIL);
    ROLES.forEach(
        role -> assertThat(gcp.fake.iam().members().get(role)).as(role).containsExactly(MEMBER));
    assertThat(
            gcp.fake.requests().stream()
                .filter(r -> r.path().equals("/v1/projects/cncfdemo-test/serviceAccounts/" + EMAIL))
                .count())
        .as("the first read of the account, throttled twice")
        .isEqualTo(3);
  }

  @Test
  void aServiceAccountIamDoesNotKnowYet_isBoundOnceItDoes() {
    gcp.fake.iam().delayVisibility(1);

    create(cluster());

    ROLES.forEach(
        role -> assertThat(gcp.fake.iam().members().get(role)).as(role).containsExactly(MEMBER));
    assertThat(gcp.fake.requests().stream().filter(r -> r.path().endsWith(":setIamPolicy")).count())
        .isEqualTo(2);
  }

  @Test
  void aPolicyThatKeepsChanging_failsTheCreate_sayingSo() {
    gcp.fake.iam().interleaveWriters(5);

    assertThatThrownBy(() -> cluster().using(gcp.provider(kubeconfigs).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith(
            "the IAM policy of project cncfdemo-test kept changing while it was written (5 etag"
                + " conflicts) (at the first step). What was made so far is kept");
    assertThat(gcp.fake.iam().accounts()).containsExactly(EMAIL);
  }

  @Test
  void destroy_unbindsAndDeletesTheServiceAccount_leavingOthersBindingsAlone() {
    create(cluster());
    gcp.fake.clearRequests();

    var removed = gcp.provider(kubeconfigs).build().destroyAndReport(cluster().spec());

    assertThat(gcp.fake.iam().accounts()).isEmpty();
    assertThat(gcp.fake.iam().members())
        .containsOnly(entry("roles/owner", List.of(IamState.OWNER)));
    assertThat(gcp.inventory()).isEmpty();
    assertThat(removed)
        .containsSubsequence(
            "IamBinding roles/compute.instanceAdmin.v1 " + EMAIL,
            "IamBinding roles/compute.storageAdmin " + EMAIL,
            "IamBinding roles/iam.serviceAccountUser " + EMAIL,
            "ServiceAccount " + EMAIL);
  }

  @Test
  void aServiceAccountTheTargetNames_isUsedAsIs_nothingIsMadeOrBound() {
    var given = "my-nodes@cncfdemo-test.iam.gserviceaccount.com";
    create(
        Cluster.on(
                gcp()
                    .project(FakeGcp.PROJECT)
                    .apiAccessCidr("203.0.113.7/32")
                    .serviceAccount(given))
            .named("eps")
            .masters(1)
            .minions(1));

    assertThat(gcp.fake.iam().accounts()).isEmpty();
    assertThat(gcp.fake.requests()).noneMatch(r -> r.path().endsWith(":setIamPolicy"));
    assertThat(gcp.fake.compute().resources().get("global/instanceTemplates"))
        .allSatisfy(
            template ->
                assertThat(
                        template
                            .getAsJsonObject("properties")
                            .getAsJsonArray("serviceAccounts")
                            .get(0)
                            .getAsJsonObject()
                            .get("email")
                            .getAsString())
                    .isEqualTo(given));
  }
}
