package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * One launch template per role: Amazon Linux 2023, the role's instance type, instance profile and
 * security groups, an encrypted gp3 root volume of {@value #ROOT_VOLUME_GIB} GiB, IMDSv2 only with
 * one hop (pods cannot borrow the node's role), and the user data of {@link CloudInit}.
 */
final class LaunchTemplates {
  static final int ROOT_VOLUME_GIB = 20;
  private static final Logger LOG = LoggerFactory.getLogger(LaunchTemplates.class);

  private final AwsClients aws;
  private final ClusterNames names;

  LaunchTemplates(AwsClients aws, ClusterNames names) {
    this.aws = aws;
    this.names = names;
  }

  /** The id of the role's template, created when missing. */
  String ensure(
      ClusterSpec spec,
      NodeRole role,
      String instanceType,
      String instanceProfile,
      List<String> securityGroups) {
    var name = names.launchTemplate(role);
    Ec2Client ec2 = aws.ec2();
    var found =
        ec2.describeLaunchTemplates(r -> r.filters(Tags.ec2Filters(names.cluster(), name)))
            .launchTemplates();
    if (!found.isEmpty()) {
      return found.get(0).launchTemplateId();
    }
    var image = MachineImage.imageId(aws.ssm(), instanceType);
    var userData = CloudInit.base64(spec, names, role);
    var tags = Tags.of(names.cluster(), name, role);
    var volumeTags = Tags.of(names.cluster(), names.autoScalingGroup(role), role);
    var instanceTags = Tags.ec2(Tags.discoverable(volumeTags, names.cluster()));
    var id =
        ec2.createLaunchTemplate(
                r ->
                    r.launchTemplateName(name)
                        .versionDescription(
                            "cncfdemo "
                                + names.cluster()
                                + " "
                                + role.plural()
                                + ", Kubernetes "
                                + spec.kubernetesVersion())
                        .tagSpecifications(Tags.ec2Spec(ResourceType.LAUNCH_TEMPLATE, tags))
                        .launchTemplateData(
                            d ->
                                d.imageId(image)
                                    .instanceType(instanceType)
                                    .iamInstanceProfile(p -> p.name(instanceProfile))
                                    .securityGroupIds(securityGroups)
                                    .userData(userData)
                                    .metadataOptions(
                                        m ->
                                            m.httpTokens(LaunchTemplateHttpTokensState.REQUIRED)
                                                .httpPutResponseHopLimit(1))
                                    .blockDeviceMappings(
                                        b ->
                                            b.deviceName("/dev/xvda")
                                                .ebs(
                                                    e ->
                                                        e.volumeSize(ROOT_VOLUME_GIB)
                                                            .volumeType(VolumeType.GP3)
                                                            .encrypted(true)
                                                            .deleteOnTermination(true)))
                                    .tagSpecifications(
                                        t ->
                                            t.resourceType(ResourceType.INSTANCE)
                                                .tags(instanceTags),
                                        t ->
                                            t.resourceType(ResourceType.VOLUME)
                                                .tags(Tags.ec2(volumeTags)))))
            .launchTemplate()
            .launchTemplateId();
    LOG.info("created launch template {} ({}, {})", name, instanceType, image);
    return id;
  }
}
