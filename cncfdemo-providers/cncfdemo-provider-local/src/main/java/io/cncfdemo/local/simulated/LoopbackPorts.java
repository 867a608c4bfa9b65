package io.cncfdemo.local.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for the control plane's processes to listen on, chosen below the
 * kernel's ephemeral range: a port the kernel hands out for port 0 lies inside that range, where an
 * outgoing connection (the processes connect to each other as they start, all at once) can take it
 * between the check and the process binding it. A port is handed out once per JVM.
 */
final class LoopbackPorts {
  private static final int LOWEST = 10_000;
  private static final int DEFAULT_EPHEMERAL_START = 32_768;
  private static final int ATTEMPTS = 500;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private LoopbackPorts() {}

  static int free() {
    int highest = ephemeralStart() - 1;
    if (highest - LOWEST < ATTEMPTS) {
      return askTheKernel();
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
      if (HANDED_OUT.add(port) && bindable(port)) {
        return port;
      }
    }
    throw new UncheckedIOException(
        new IOException(
            "no free port on 127.0.0.1 between "
                + LOWEST
                + " and "
                + highest
                + " after "
                + ATTEMPTS
                + " tries"));
  }

  /** The first port of the kernel's ephemeral range, 32768 where it does not say. */
  static int ephemeralStart() {
    try {
      // line by line: procfs reports a size of 0, which Files.readString takes at its word
      var range = String.join(" ", Files.readAllLines(EPHEMERAL_RANGE)).trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_START;
    }
  }

  private static boolean bindable(int port) {
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int askTheKernel() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
