package io.cncfdemo.baremetal.internal;

/**
 * Where the bootstrap puts things on a host. Everything it installs lives under these directories,
 * so that {@code destroy()} can remove it all and nothing else; what it must change outside them (a
 * block of {@code /etc/hosts}, routes, iptables chains, sysctls) it records first and restores.
 */
public final class Layout {
  public static final String BIN = "/opt/cncfdemo/bin";
  public static final String CNI_BIN = "/opt/cncfdemo/cni/bin";
  public static final String ETC = "/etc/cncfdemo";
  public static final String PKI = "/etc/cncfdemo/pki";
  public static final String STATE = "/var/lib/cncfdemo";
  public static final String ETCD_DATA = "/var/lib/cncfdemo/etcd";
  public static final String RUN = "/run/cncfdemo";
  public static final String LOG = "/var/log/cncfdemo";
  public static final String CONTAINERD_SOCKET = "/run/cncfdemo/containerd/containerd.sock";

  /** The Linux bridge the pods of a minion hang on. */
  public static final String BRIDGE = "cncfdemo0";

  private Layout() {}
}
