package io.cncfdemo.local.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {
  @Test
  void ports_lieBelowTheEphemeralRange_areNeverHandedOutTwice_andCanBeListenedOn()
      throws Exception {
    var ports = new HashSet<Integer>();
    for (int i = 0; i < 50; i++) {
      int port = LoopbackPorts.free();
      assertThat(port).isBetween(10_000, LoopbackPorts.ephemeralStart() - 1);
      assertThat(ports.add(port)).as("port %d handed out once", port).isTrue();
    }
    int port = LoopbackPorts.free();
    try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
