package io.cncfdemo.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instance roles reach their cluster's parameters only; minions only the two they need. */
class PoliciesTest {
  final Policies policies =
      new Policies(new ClusterNames("demo", "us-west-2"), "aws", "123456789012");

  @Test
  void masters_readTheClustersParameters_andPublishOnlyTheirOwn() {
    var json = IamRoles.json(policies.master());

    assertThat(json)
        .contains(
            "\"ssm:GetParameter\"",
            "arn:aws:ssm:us-west-2:123456789012:parameter/cncfdemo/demo/*",
            "parameter/cncfdemo/demo/admin-kubeconfig",
            "parameter/cncfdemo/demo/ca-cert-hash")
        .doesNotContain("ssm:*", "DeleteParameter");
    assertThat(statements(policies.master()))
        .filteredOn(statement -> !"CloudControllerManager".equals(statement.get("Sid")))
        .flatExtracting(statement -> (List<?>) statement.get("Resource"))
        .allMatch(
            arn ->
                ((String) arn)
                    .startsWith("arn:aws:ssm:us-west-2:123456789012:parameter/cncfdemo/demo/"));
  }

  @Test
  void masters_mayDoWhatTheCloudControllerManagerDocumentsForTheControlPlane_andNoMore() {
    var statement =
        statements(policies.master()).stream()
            .filter(s -> "CloudControllerManager".equals(s.get("Sid")))
            .findFirst()
            .orElseThrow();

    @SuppressWarnings("unchecked")
    var actions = (List<String>) statement.get("Action");

    assertThat(statement.get("Resource")).isEqualTo(List.of("*"));
    assertThat(actions)
        .hasSize(56)
        .doesNotHaveDuplicates()
        .contains(
            "ec2:DescribeInstances",
            "ec2:CreateSecurityGroup",
            "ec2:AuthorizeSecurityGroupIngress",
            "elasticloadbalancing:CreateLoadBalancer",
            "elasticloadbalancing:CreateTargetGroup",
            "elasticloadbalancing:AddTags",
            "iam:CreateServiceLinkedRole")
        .allMatch(
            action ->
                List.of("autoscaling:", "ec2:", "elasticloadbalancing:", "iam:", "kms:").stream()
                    .anyMatch(action::startsWith))
        .doesNotContain("ec2:*", "elasticloadbalancing:*", "iam:PassRole", "ec2:RunInstances");
    assertThat(IamRoles.json(policies.minion())).doesNotContain("ec2:", "elasticloadbalancing:");
  }

  @Test
  void minions_readOnlyTheJoinTokenAndTheCaHash() {
    assertThat(resources(policies.minion()))
        .containsExactly(
            "arn:aws:ssm:us-west-2:123456789012:parameter/cncfdemo/demo/join-token",
            "arn:aws:ssm:us-west-2:123456789012:parameter/cncfdemo/demo/ca-cert-hash");
    assertThat(IamRoles.json(policies.minion())).doesNotContain("PutParameter");
  }

  @Test
  void ebsCsiDriver_isTheAwsManagedPolicy_inTheRegionsPartition() {
    assertThat(policies.ebsCsiDriver())
        .isEqualTo("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
    assertThat(
            new Policies(new ClusterNames("demo", "cn-north-1"), "aws-cn", "123456789012")
                .ebsCsiDriver())
        .isEqualTo("arn:aws-cn:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
  }

  @Test
  void dnsUpdater_writesOnlyItsZone_andItsLogGroup() {
    assertThat(resources(policies.dnsUpdater("Z123")))
        .containsExactly(
            "arn:aws:logs:us-west-2:123456789012:log-group:/aws/lambda/demo-dns-updater:*",
            "*",
            "arn:aws:route53:::hostedzone/Z123");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(Map<String, Object> policy) {
    return (List<Map<String, Object>>) policy.get("Statement");
  }

  @SuppressWarnings("unchecked")
  private static List<String> resources(Map<String, Object> policy) {
    return ((List<Map<String, Object>>) policy.get("Statement"))
        .stream()
            .flatMap(statement -> ((List<String>) statement.get("Resource")).stream())
            .toList();
  }
}
