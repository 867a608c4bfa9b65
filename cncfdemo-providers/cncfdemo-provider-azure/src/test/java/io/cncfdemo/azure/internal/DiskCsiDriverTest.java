package io.cncfdemo.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the first master applies for Azure's storage: the driver's release manifests, pinned; the
 * default StorageClass and the cloud config, each against its golden file; no secret in the cloud
 * config.
 */
class DiskCsiDriverTest {
  static final String RELEASE =
      "https://raw.githubusercontent.com/kubernetes-sigs/azuredisk-csi-driver/v1.33.0/deploy/v1.33.0/";

  static String golden(String name) throws IOException {
    try (InputStream in = DiskCsiDriverTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void manifests_areTheLinuxManifestsOfOnePinnedRelease_inTheInstallScriptsOrder() {
    assertThat(DiskCsiDriver.manifests())
        .containsExactly(
            RELEASE + "crd-csi-snapshot.yaml",
            RELEASE + "csi-azuredisk-driver.yaml",
            RELEASE + "rbac-csi-azuredisk-controller.yaml",
            RELEASE + "rbac-csi-azuredisk-node.yaml",
            RELEASE + "csi-azuredisk-controller.yaml",
            RELEASE + "csi-azuredisk-node.yaml");
  }

  @Test
  void storageClass_isTheDefault_onTheDriver_boundWhenItsFirstPodIsScheduled() throws IOException {
    assertThat(DiskCsiDriver.storageClass()).isEqualTo(golden("storageclass-managed-csi.yaml"));
  }

  @Test
  void cloudConfig_namesTheClusterAndTheCloudsIdentity_andHoldsNoSecret() throws IOException {
    var config =
        new CloudConfig(
            "72f988bf-0000-0000-0000-000000000000",
            "00000000-1111-2222-3333-444444444444",
            new AzureNames("demo", "westeurope"),
            "5a1c1d1e-0000-4000-8000-00000000c10d");

    assertThat(config.json()).isEqualTo(golden("azure.json"));
    var keys = new ArrayList<String>();
    new ObjectMapper().readTree(config.json()).fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .contains("useManagedIdentityExtension", "userAssignedIdentityID")
        .noneMatch(key -> key.matches("(?i).*(secret|password|cert|token).*"));
  }
}
