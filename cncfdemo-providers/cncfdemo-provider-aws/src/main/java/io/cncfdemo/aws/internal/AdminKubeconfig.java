package io.cncfdemo.aws.internal;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Waits for the first master to publish the admin kubeconfig as a SecureString parameter, and reads
 * it.
 */
public final class AdminKubeconfig {
  private AdminKubeconfig() {}

  public static String await(
      AwsClients aws,
      ClusterNames names,
      Duration timeout,
      Duration poll,
      Consumer<String> progress) {
    var parameters = new BootstrapParameters(aws.ssm(), names);
    var parameter = names.parameter(BootstrapParameters.ADMIN_KUBECONFIG);
    progress.accept("waiting for the first master to run kubeadm init and publish " + parameter);
    try {
      var found =
          Poll.with(Backoff.fixed(poll).deadline(timeout))
              .untilDone(
                  "parameter " + parameter,
                  () ->
                      parameters
                          .read(BootstrapParameters.ADMIN_KUBECONFIG)
                          .map(Poll::done)
                          .orElseGet(() -> Poll.notYet("not there yet")));
      progress.accept("the first master published the admin kubeconfig");
      return found;
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "the first master did not publish its kubeconfig ("
              + parameter
              + ") within "
              + timeout.toSeconds()
              + " s. The infrastructure is in place: see the masters'"
              + " /var/log/cloud-init-output.log (EC2 console, \"Get system log\"), then run"
              + " create() again to go on waiting, or destroy() to remove everything",
          e);
    }
  }
}
