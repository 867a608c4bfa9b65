package io.cncfdemo.aws.internal;

import java.util.regex.Pattern;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The image of every node: the latest Amazon Linux 2023, found through the public SSM parameter AWS
 * keeps per region and architecture. Amazon Linux brings cloud-init, the AWS CLI (to read the
 * bootstrap parameters) and containerd in its own repository. Graviton instance types (a {@code g}
 * after the generation, e.g. {@code t4g}, {@code m7gd}) get the arm64 image.
 */
final class MachineImage {
  static final String PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-";
  private static final Pattern GRAVITON = Pattern.compile("[a-z]+\\d+[a-z]*g[a-z]*\\..+");

  private MachineImage() {}

  static String architecture(String instanceType) {
    return GRAVITON.matcher(instanceType).matches() ? "arm64" : "x86_64";
  }

  static String imageId(SsmClient ssm, String instanceType) {
    return ssm.getParameter(r -> r.name(PARAMETER + architecture(instanceType)))
        .parameter()
        .value();
  }
}
