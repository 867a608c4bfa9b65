package io.cncfdemo.local.simulated;

import java.nio.file.Path;

/**
 * The files of one simulated control plane inside its working directory: certificates, keys,
 * kubeconfigs, logs and etcd's data.
 *
 * @param directory the working directory
 */
record ControlPlaneFiles(Path directory) {
  Path etcdData() {
    return directory.resolve("etcd");
  }

  Path pki(String name) {
    return directory.resolve("pki").resolve(name);
  }

  Path kubeconfig(String user) {
    return directory.resolve(user + ".kubeconfig");
  }

  Path log(String process) {
    return directory.resolve("logs").resolve(process + ".log");
  }

  Path kwokConfig() {
    return directory.resolve("kwok-stages.yaml");
  }

  Path schedulerConfig() {
    return directory.resolve("kube-scheduler.yaml");
  }
}
