package io.cncfdemo.event;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one run, numbered from 1 and kept in order: what adapters on the listeners publish,
 * what a {@link io.cncfdemo.live.LiveView} shows and what {@link #saveTo} writes as JSON lines.
 * Thread-safe; publishing never waits for a reader (followers must not block, see {@link #follow}).
 */
public final class EventStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final Clock clock;
  private final List<Event> history = new ArrayList<>();
  private final List<Consumer<Event>> followers = new CopyOnWriteArrayList<>();
  private @Nullable EventFile file;
  private boolean closed;

  private EventStream(Clock clock) {
    this.clock = clock;
  }

  /** An empty stream that stamps events with the system clock. */
  public static EventStream create() {
    return create(Clock.systemUTC());
  }

  /** An empty stream that stamps events with {@code clock}. */
  public static EventStream create(Clock clock) {
    return new EventStream(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The events of a file written by {@link #saveTo}, in order.
   *
   * @throws io.cncfdemo.exception.InvalidInputException naming the line that is not an event
   */
  public static List<Event> read(Path file) {
    return EventFile.read(file);
  }

  /**
   * A closed stream holding the events of a file written by {@link #saveTo}, with their numbers and
   * times: a past run, to show in a {@link io.cncfdemo.live.LiveView}.
   */
  public static EventStream replay(Path file) {
    var stream = create();
    synchronized (stream) {
      stream.history.addAll(read(file));
      stream.closed = true;
    }
    return stream;
  }

  /**
   * Publishes one event, stamped now and numbered after the last; ignored once the stream is
   * closed.
   */
  @CanIgnoreReturnValue
  public synchronized @Nullable Event publish(Payload payload) {
    Objects.requireNonNull(payload, "payload");
    if (closed) {
      return null;
    }
    var event = new Event(history.size() + 1L, clock.instant(), payload);
    history.add(event);
    if (file != null && !file.append(event)) {
      file = null;
    }
    for (var follower : followers) {
      try {
        follower.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("an event follower failed on event {}; it hears no more", event.id(), e);
        followers.remove(follower);
      }
    }
    return event;
  }

  /** Publishes that {@code operation} failed with {@code failure}. */
  public void failed(String operation, Throwable failure) {
    var message = failure.getMessage();
    publish(
        new Payload.Failed(operation, message == null ? failure.getClass().getName() : message));
  }

  /** Every event so far, oldest first. */
  public synchronized List<Event> history() {
    return List.copyOf(history);
  }

  /** Whether {@link #close()} was called (or the stream is a replay): no event follows. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Calls {@code next} with every event published from now on, on the publishing thread (so it must
   * not block), and returns the events after {@code afterId} published before: together, every
   * event after {@code afterId} once, in order. {@code next} hears nothing after {@link #close()};
   * {@link #unfollow} ends it earlier.
   */
  public synchronized List<Event> follow(long afterId, Consumer<Event> next) {
    followers.add(Objects.requireNonNull(next, "next"));
    int from = (int) Math.max(0, Math.min(afterId, history.size()));
    return List.copyOf(history.subList(from, history.size()));
  }

  /** {@code next} hears no more events. */
  public void unfollow(Consumer<Event> next) {
    followers.remove(next);
  }

  /**
   * Writes every event so far and every later one to {@code file}, one JSON line each, flushed as
   * it comes; a failing disk ends the writing with a warning, never the operation.
   *
   * @throws CncfDemoException when the file cannot be created
   */
  @CanIgnoreReturnValue
  public synchronized EventStream saveTo(Path file) {
    if (this.file != null) {
      this.file.close();
    }
    try {
      this.file = EventFile.create(file, history);
    } catch (IOException e) {
      throw new CncfDemoException("cannot write the events to " + file + ": " + e.getMessage(), e);
    }
    if (closed) {
      this.file.close();
      this.file = null;
    }
    return this;
  }

  /** A deploy listener publishing stages, objects, waits and the end to this stream. */
  public DeployListener deployListener() {
    return new DeployEvents(this);
  }

  /** A benchmark listener publishing phases, samples, chaos, preemption and the end. */
  public BenchmarkListener benchmarkListener() {
    return new BenchmarkEvents(this);
  }

  /**
   * A progress consumer as the providers take ({@code AwsClusterProvider.builder().progress(..)}),
   * publishing each message as a step of {@code operation} ({@code create} or {@code destroy}) on
   * {@code cluster}.
   */
  public Consumer<String> clusterSteps(String operation, String cluster) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(cluster, "cluster");
    return step -> publish(new Payload.ClusterStep(operation, cluster, step));
  }

  /** Ends the stream: no more events, the file (if any) closed, followers let go. */
  @Override
  public synchronized void close() {
    closed = true;
    if (file != null) {
      file.close();
      file = null;
    }
    followers.clear();
  }
}
