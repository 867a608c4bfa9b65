package io.cncfdemo.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.cncfdemo.Cluster;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.exception.CncfDemoException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS emulator of the tests: the one {@code AWS_ENDPOINT_URL} names when it is set, else a moto
 * server (PyPI {@code moto[server]}, installed by {@code scripts/install-moto}) started on
 * 127.0.0.1 at a free port once per test run and stopped at its end, with AWS managed IAM policies
 * loaded (an emulator named by {@code AWS_ENDPOINT_URL} needs {@code
 * MOTO_IAM_LOAD_MANAGED_POLICIES=true} too). Tests use fake credentials.
 */
public final class MotoServer implements AutoCloseable {
  public static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
  public static final String REGION = "us-west-2";

  /**
   * Tells this run's resources from those of earlier runs when the emulator is a long-lived one.
   */
  public static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

  private final URI endpoint;
  private final Process process;

  private MotoServer(URI endpoint, Process process) {
    this.endpoint = endpoint;
    this.process = process;
  }

  /** The emulator of this test run, started on first use. */
  public static MotoServer of(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(MotoServer.class, key -> start(), MotoServer.class);
  }

  public URI endpoint() {
    return endpoint;
  }

  /**
   * A provider pointed at the emulator with fake credentials, waiting briefly for what moto cannot
   * make.
   */
  public AwsClusterProvider.Builder provider(Path kubeconfigDirectory) {
    return AwsClusterProvider.builder()
        .endpoint(endpoint)
        .credentials(CREDENTIALS)
        .kubeconfigDirectory(kubeconfigDirectory)
        .kubeconfigTimeout(Duration.ofMillis(300))
        .readyTimeout(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));
  }

  /**
   * Clients of the emulator in {@link #REGION} with the fake credentials; the caller closes them.
   */
  public AwsClients clients() {
    return new AwsClients(Region.of(REGION), CREDENTIALS, Optional.of(endpoint));
  }

  /**
   * Runs {@code create()} of {@code cluster} up to where it waits for the first master's
   * kubeconfig, which moto cannot make (it runs no instance).
   */
  public void createInfrastructure(Cluster cluster, Path kubeconfigDirectory) {
    assertThatThrownBy(() -> cluster.using(provider(kubeconfigDirectory).build()).create())
        .isInstanceOf(CncfDemoException.class)
        .hasMessageContaining("the first master did not publish its kubeconfig");
  }

  private static MotoServer start() {
    var given = System.getenv("AWS_ENDPOINT_URL");
    if (given != null && !given.isBlank()) {
      return new MotoServer(URI.create(given), null);
    }
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    var command =
        onPath("moto_server")
            ? List.of("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
            : List.of(
                "python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port));
    Process process;
    try {
      var log = Path.of("target", "moto-" + port + ".log");
      Files.createDirectories(log.getParent());
      var builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      // AWS managed policies (AmazonEBSCSIDriverPolicy) exist only when moto is told to load them
      builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
      process = builder.start();
    } catch (IOException e) {
      return fail(
          "could not start moto (" + String.join(" ", command) + "): run scripts/install-moto", e);
    }
    var endpoint = URI.create("http://127.0.0.1:" + port);
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return fail(
            "moto exited with "
                + process.exitValue()
                + " (see target/moto-"
                + port
                + ".log):"
                + " install it with scripts/install-moto");
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() < 500) {
          return new MotoServer(endpoint, process);
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    process.destroyForcibly();
    return fail("moto did not answer at " + endpoint + " within 60 s");
  }

  private static boolean onPath(String program) {
    var path = System.getenv("PATH");
    return path != null
        && List.of(path.split(File.pathSeparator)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process
          .descendants()
          .forEach(ProcessHandle::destroy); // moto_server may be a wrapper script (pyenv shim)
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
