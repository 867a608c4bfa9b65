package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.aws.internal.ClusterNames;
import io.cncfdemo.aws.internal.Tags;
import io.cncfdemo.bootstrap.NodeRole;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The identity the EBS CSI driver and the cloud controller manager need, against moto: {@code
 * create()} attaches AmazonEBSCSIDriverPolicy to the masters' role (where the controller runs) and
 * to no other, the masters' inline policy lets the cloud controller manager manage load balancers
 * and the minions' does not, the launch templates name the instance profiles holding the roles, a
 * second create attaches nothing twice, and {@code destroy()} leaves no role, no instance profile
 * and no volume a claim made.
 */
@WithMoto
class NodeIdentityMotoTest {
  static final String CLUSTER = "identity-" + MotoServer.RUN;
  static final String EBS_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy";
  static MotoServer moto;
  static AwsClients aws;
  static ClusterNames names = new ClusterNames(CLUSTER, MotoServer.REGION);

  @TempDir Path kubeconfigs;

  @BeforeAll
  static void clients(MotoServer server) {
    moto = server;
    aws = server.clients();
  }

  @AfterAll
  static void close() {
    aws.close();
  }

  @Test
  void create_givesTheMastersTheDriversPolicy_andDestroy_removesEveryRoleProfileAndClaimVolume() {
    createInfrastructure();
    createInfrastructure();

    assertThat(attached(names.iam(NodeRole.MASTER.tag()))).containsExactly(EBS_POLICY);
    assertThat(attached(names.iam(NodeRole.MINION.tag()))).isEmpty();
    assertThat(inlinePolicy(names.iam(NodeRole.MASTER.tag())))
        .contains(
            "\"Sid\":\"CloudControllerManager\"",
            "\"elasticloadbalancing:CreateLoadBalancer\"",
            "\"elasticloadbalancing:CreateTargetGroup\"",
            "\"ec2:CreateSecurityGroup\"",
            "\"ec2:AuthorizeSecurityGroupIngress\"");
    assertThat(inlinePolicy(names.iam(NodeRole.MINION.tag())))
        .contains("ssm:GetParameter")
        .doesNotContain("elasticloadbalancing:", "ec2:");
    for (var role : NodeRole.values()) {
      var profile =
          aws.iam()
              .getInstanceProfile(r -> r.instanceProfileName(names.iam(role.tag())))
              .instanceProfile();
      assertThat(profile.roles()).extracting(Role::roleName).containsExactly(names.iam(role.tag()));
      var template =
          aws.ec2()
              .describeLaunchTemplateVersions(
                  r -> r.launchTemplateName(names.launchTemplate(role)).versions("$Latest"))
              .launchTemplateVersions()
              .get(0);
      assertThat(template.launchTemplateData().iamInstanceProfile().name())
          .isEqualTo(names.iam(role.tag()));
    }
    // a volume the EBS CSI driver made for a claim, tagged by the StorageClass
    var claimVolume =
        aws.ec2()
            .createVolume(
                r ->
                    r.availabilityZone(MotoServer.REGION + "a")
                        .size(8)
                        .volumeType(VolumeType.GP3)
                        .tagSpecifications(
                            t ->
                                t.resourceType(ResourceType.VOLUME)
                                    .tags(x -> x.key(Tags.CLUSTER).value(CLUSTER))))
            .volumeId();

    cluster().using(moto.provider(kubeconfigs).build()).destroy();

    assertThat(aws.iam().listRoles(r -> r.pathPrefix(names.iamPath())).roles()).isEmpty();
    assertThat(
            aws.iam().listInstanceProfiles(r -> r.pathPrefix(names.iamPath())).instanceProfiles())
        .isEmpty();
    assertThat(
            aws.ec2()
                .describeVolumes(
                    r -> r.filters(Filter.builder().name("volume-id").values(claimVolume).build()))
                .volumes())
        .isEmpty();
  }

  private static Cluster cluster() {
    return Cluster.on(aws().region(MotoServer.REGION).apiAccessCidr("203.0.113.7/32"))
        .named(CLUSTER)
        .masters(1)
        .minions(1);
  }

  private void createInfrastructure() {
    moto.createInfrastructure(cluster(), kubeconfigs);
  }

  /** The role's one inline policy, as IAM lists it. */
  private static String inlinePolicy(String role) {
    assertThat(aws.iam().listRolePolicies(r -> r.roleName(role)).policyNames())
        .containsExactly("cncfdemo");
    var document =
        aws.iam().getRolePolicy(r -> r.roleName(role).policyName("cncfdemo")).policyDocument();
    return java.net.URLDecoder.decode(document, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<String> attached(String role) {
    return aws.iam().listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn)
        .toList();
  }
}
