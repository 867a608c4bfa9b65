package io.cncfdemo.aws.internal;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;
import java.util.function.Consumer;

/** Waits for the first master to publish the admin kubeconfig as a SecureString parameter, and reads it. */
public final class AdminKubeconfig {
  private AdminKubeconfig() {}

  public static String await(AwsClients aws, ClusterNames names, Duration timeout, Duration poll, Consumer<String> progress) {
    var parameters = new BootstrapParameters(aws.ssm(), names);
    var deadline = System.nanoTime() + timeout.toNanos();
    progress.accept("waiting for the first master to run kubeadm init and publish "
        + names.parameter(BootstrapParameters.ADMIN_KUBECONFIG));
    while (true) {
      var found = parameters.read(BootstrapParameters.ADMIN_KUBECONFIG);
      if (found.isPresent()) {
        progress.accept("the first master published the admin kubeconfig");
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new CncfDemoException("the first master did not publish its kubeconfig ("
            + names.parameter(BootstrapParameters.ADMIN_KUBECONFIG) + ") within " + timeout.toSeconds() + " s."
            + " The infrastructure is in place: see the masters' /var/log/cloud-init-output.log (EC2 console, \"Get"
            + " system log\"), then run create() again to go on waiting, or destroy() to remove everything");
      }
      Sleeper.sleep(poll);
    }
  }
}
