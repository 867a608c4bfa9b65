package io.cncfdemo.live;

import io.cncfdemo.event.EventStream;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.internal.live.LiveServer;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * A live page of an {@link EventStream} in the browser, served on 127.0.0.1 at a random port with
 * an unguessable token in its address (requests without it get 403): a timeline of the steps with
 * their durations, the deploy's stages and objects with what each waits for, and the benchmark's
 * charts growing as the samples come, updated by Server-Sent Events. A reload shows the whole run
 * so far; each browser has a bounded queue, so a slow one drops events (and says so) rather than
 * slow the run. From JShell:
 *
 * <pre>{@code
 * var view = LiveView.open();
 * view.url();                 // http://127.0.0.1:40123/3f9c…/ — open it in a browser
 * demo.deployTo(cluster, DeployOptions.defaults().listener(view.events().deployListener()));
 * view.close();
 * }</pre>
 */
public final class LiveView implements AutoCloseable {
  /** Events queued per browser before the slowest drops some: {@value}. */
  public static final int DEFAULT_QUEUE_CAPACITY = 4_096;

  private final EventStream events;
  private final LiveServer server;

  private LiveView(EventStream events, LiveServer server) {
    this.events = events;
    this.server = server;
  }

  /** A live view of a new event stream ({@link #events()}). */
  public static LiveView open() {
    return open(EventStream.create());
  }

  /** A live view of {@code events}, e.g. a replayed run ({@link EventStream#replay}). */
  public static LiveView open(EventStream events) {
    return open(events, DEFAULT_QUEUE_CAPACITY);
  }

  /**
   * A live view of {@code events} queueing up to {@code queueCapacity} events per browser.
   *
   * @throws io.cncfdemo.exception.InvalidInputException when {@code queueCapacity} is below 1
   */
  public static LiveView open(EventStream events, int queueCapacity) {
    Objects.requireNonNull(events, "events");
    if (queueCapacity < 1) {
      throw new io.cncfdemo.exception.InvalidInputException(
          "queueCapacity", queueCapacity, "at least 1");
    }
    try {
      return new LiveView(events, new LiveServer(events, queueCapacity));
    } catch (IOException e) {
      throw new CncfDemoException("cannot serve the live view on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** The stream shown; publish to it through its listeners. */
  public EventStream events() {
    return events;
  }

  /** The page's address with its token, e.g. {@code http://127.0.0.1:40123/3f9c…/}. */
  public URI url() {
    return server.url();
  }

  /** How many browsers follow the events now. */
  public int browsers() {
    return server.clients();
  }

  /** Stops serving; the stream stays as it is. */
  @Override
  public void close() {
    server.close();
  }
}
