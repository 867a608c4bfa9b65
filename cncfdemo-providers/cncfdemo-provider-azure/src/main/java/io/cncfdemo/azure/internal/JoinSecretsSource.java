package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.JoinSecrets;
import io.cncfdemo.exception.CncfDemoException;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The join secrets a scale set is created with. ARM never returns custom data, so when the cluster
 * already has nodes (a create that stopped between the two scale sets), the secrets they joined
 * with are read back from one of them with Run Command; otherwise new ones are made. A minion knows
 * the join token only: the certificate key is then new, which is right because no master exists
 * yet.
 */
final class JoinSecretsSource {
  private static final Logger LOG = LoggerFactory.getLogger(JoinSecretsSource.class);
  private static final Pattern LINE =
      Pattern.compile("^(JOIN_TOKEN|CERTIFICATE_KEY)='([^']*)'$", Pattern.MULTILINE);

  private final RunCommand runCommand;
  private final ClusterVms vms;

  JoinSecretsSource(RunCommand runCommand, ClusterVms vms) {
    this.runCommand = runCommand;
    this.vms = vms;
  }

  JoinSecrets get() {
    var nodes = ScaleSets.nodes(vms);
    if (nodes.isEmpty()) {
      return JoinSecrets.generate();
    }
    var node = nodes.get(0);
    LOG.info("reading the join secrets of the cluster from {} with Run Command", node);
    var text = runCommand.run(node, List.of("cat " + AzureBootstrap.SECRETS_FILE));
    String token = null;
    String key = null;
    var matcher = LINE.matcher(text);
    while (matcher.find()) {
      if (matcher.group(1).equals("JOIN_TOKEN")) {
        token = matcher.group(2);
      } else {
        key = matcher.group(2);
      }
    }
    if (token == null) {
      throw new CncfDemoException(
          "node "
              + node
              + " has no join token in "
              + AzureBootstrap.SECRETS_FILE
              + "; destroy() the cluster and create it again");
    }
    return new JoinSecrets(token, key != null ? key : JoinSecrets.generate().certificateKey());
  }
}
