package io.cncfdemo.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One {@code GET} of a demo URL, to tell whether something answers there. Names under {@code
 * localhost} go to the loopback address, as RFC 6761 lets applications do and as browsers and curl
 * do (the system resolver may not); other names are resolved by the system. The request carries the
 * URL's host in its {@code Host} header, so the ingress controller routes it as a browser's.
 */
final class HttpProbe {
  private final Duration timeout;

  HttpProbe(Duration timeout) {
    this.timeout = timeout;
  }

  /** What one request to {@code url} found. */
  record Answer(boolean answering, String detail) {}

  /**
   * The status of {@code url}: answering for a status below 500, not answering for a 5xx (the
   * ingress controller answers, the application behind it does not yet) or no connection.
   */
  Answer get(URI url) {
    var host = url.getHost();
    boolean tls = "https".equals(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    int millis = (int) Math.max(1, timeout.toMillis());
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(address(host), port), millis);
      socket.setSoTimeout(millis);
      var stream = tls ? secured(socket, host, port) : socket;
      var path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
      var request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: "
              + url.getRawAuthority()
              + "\r\n"
              + "User-Agent: cncfdemo\r\nConnection: close\r\n\r\n";
      stream.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      stream.getOutputStream().flush();
      var reader =
          new BufferedReader(
              new InputStreamReader(stream.getInputStream(), StandardCharsets.US_ASCII));
      var status = reader.readLine();
      var parts = status == null ? new String[0] : status.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        return new Answer(false, "no HTTP answer");
      }
      int code = Integer.parseInt(parts[1]);
      return new Answer(code < 500, "HTTP " + code);
    } catch (UnknownHostException e) {
      return new Answer(false, host + " does not resolve");
    } catch (ConnectException e) {
      return new Answer(false, "connection refused");
    } catch (SocketTimeoutException e) {
      return new Answer(false, "no answer within " + timeout.toMillis() + " ms");
    } catch (IOException | NumberFormatException e) {
      return new Answer(false, String.valueOf(e.getMessage()));
    }
  }

  private static InetAddress address(String host) throws UnknownHostException {
    var name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return InetAddress.getLoopbackAddress();
    }
    return InetAddress.getByName(host);
  }

  private static Socket secured(Socket socket, String host, int port) throws IOException {
    var ssl =
        (SSLSocket)
            ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, host, port, true);
    var parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }
}
