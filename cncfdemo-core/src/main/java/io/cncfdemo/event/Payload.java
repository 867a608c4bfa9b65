package io.cncfdemo.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Event} says happened. Each kind is a record here, named in JSON by {@link
 * #kind()}; a new kind is a new record, a {@code permits} entry and a line in the kinds table of
 * the JSON form. Times are in seconds, objects are named as {@code Kind namespace/name}.
 */
public sealed interface Payload
    permits Payload.ClusterStep,
        Payload.ClusterDone,
        Payload.StageStarted,
        Payload.ObjectApplied,
        Payload.ObjectWaiting,
        Payload.ObjectReady,
        Payload.StageReady,
        Payload.ObjectDeleted,
        Payload.DeployDone,
        Payload.PhaseStarted,
        Payload.Sample,
        Payload.ChaosStruck,
        Payload.Preempted,
        Payload.PhaseDone,
        Payload.Note,
        Payload.ReportSaved,
        Payload.BenchmarkDone,
        Payload.Failed,
        Payload.Unknown {

  /** The kind's name in JSON, e.g. {@code stage-ready}. */
  String kind();

  /**
   * A step of a cluster operation, as the provider reports it, e.g. {@code 2/4 nodes Ready}.
   *
   * @param operation {@code create} or {@code destroy}
   * @param cluster the cluster's name
   * @param step what the provider is doing or has just done
   */
  record ClusterStep(String operation, String cluster, String step) implements Payload {
    public ClusterStep {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(step, "step");
    }

    @Override
    public String kind() {
      return "cluster-step";
    }
  }

  /**
   * A cluster operation finished.
   *
   * @param operation {@code create} or {@code destroy}
   * @param cluster the cluster's name
   * @param seconds how long it took
   */
  record ClusterDone(String operation, String cluster, double seconds) implements Payload {
    @Override
    public String kind() {
      return "cluster-done";
    }
  }

  /**
   * A deploy stage begins with these objects.
   *
   * @param stage the stage, e.g. {@code DATASTORE}
   * @param objects its objects
   */
  record StageStarted(String stage, List<String> objects) implements Payload {
    public StageStarted {
      objects = List.copyOf(objects);
    }

    @Override
    public String kind() {
      return "stage-started";
    }
  }

  /**
   * One object was applied.
   *
   * @param object the object
   * @param stage its stage
   * @param change {@code CREATED}, {@code CONFIGURED} or {@code UNCHANGED}
   */
  record ObjectApplied(String object, String stage, String change) implements Payload {
    @Override
    public String kind() {
      return "object-applied";
    }
  }

  /**
   * The deployer waits for an object.
   *
   * @param object the object
   * @param reason what is missing, e.g. {@code 1/3 replicas ready}
   */
  record ObjectWaiting(String object, String reason) implements Payload {
    @Override
    public String kind() {
      return "object-waiting";
    }
  }

  /**
   * An object is ready.
   *
   * @param object the object
   */
  record ObjectReady(String object) implements Payload {
    @Override
    public String kind() {
      return "object-ready";
    }
  }

  /**
   * Every object of a stage is ready.
   *
   * @param stage the stage
   * @param seconds since the stage started
   */
  record StageReady(String stage, double seconds) implements Payload {
    @Override
    public String kind() {
      return "stage-ready";
    }
  }

  /**
   * A teardown removed an object.
   *
   * @param object the object
   */
  record ObjectDeleted(String object) implements Payload {
    @Override
    public String kind() {
      return "object-deleted";
    }
  }

  /**
   * A deploy or a teardown finished.
   *
   * @param objects how many objects it changed or checked
   * @param seconds how long it took
   */
  record DeployDone(int objects, double seconds) implements Payload {
    @Override
    public String kind() {
      return "deploy-done";
    }
  }

  /**
   * A benchmark phase begins.
   *
   * @param phase the phase in words, e.g. {@code http} or {@code control plane}
   * @param expectedSeconds about how long it takes
   */
  record PhaseStarted(String phase, double expectedSeconds) implements Payload {
    @Override
    public String kind() {
      return "phase-started";
    }
  }

  /**
   * One point of a chart over time, e.g. the requests per second of one interval.
   *
   * @param chart the chart, e.g. {@code throughput}, {@code latency}, {@code replicas}, {@code
   *     boinc}
   * @param series the line within the chart, e.g. {@code requests/s}
   * @param seconds when, since the phase began
   * @param value the value
   */
  record Sample(String chart, String series, double seconds, double value) implements Payload {
    @Override
    public String kind() {
      return "sample";
    }
  }

  /**
   * A failure caused on purpose.
   *
   * @param action what was done
   * @param target what was hit
   * @param atSeconds when, since the HTTP load started
   */
  record ChaosStruck(String action, String target, double atSeconds) implements Payload {
    @Override
    public String kind() {
      return "chaos";
    }
  }

  /**
   * The scheduler preempted background pods for a high-priority one.
   *
   * @param createdToRunningSeconds from the pod's create to it running
   * @param victims pods preempted
   */
  record Preempted(double createdToRunningSeconds, int victims) implements Payload {
    @Override
    public String kind() {
      return "preemption";
    }
  }

  /**
   * A benchmark phase ended.
   *
   * @param phase the phase in words
   * @param seconds how long it took
   */
  record PhaseDone(String phase, double seconds) implements Payload {
    @Override
    public String kind() {
      return "phase-done";
    }
  }

  /**
   * Something worth saying: a part skipped, a setting, a summary.
   *
   * @param text the note
   */
  record Note(String text) implements Payload {
    @Override
    public String kind() {
      return "note";
    }
  }

  /**
   * The final report was saved; the live page links it.
   *
   * @param path where the HTML report is
   */
  record ReportSaved(String path) implements Payload {
    @Override
    public String kind() {
      return "report-saved";
    }
  }

  /**
   * A benchmark run is over.
   *
   * @param name the run's name
   * @param requestsPerSecond its HTTP throughput, when it ran HTTP load
   * @param p99Ms its 99th percentile latency, when it ran HTTP load
   */
  record BenchmarkDone(String name, @Nullable Double requestsPerSecond, @Nullable Double p99Ms)
      implements Payload {
    @Override
    public String kind() {
      return "benchmark-done";
    }
  }

  /**
   * An operation failed.
   *
   * @param operation what failed, e.g. {@code deploy}
   * @param message why
   */
  record Failed(String operation, String message) implements Payload {
    @Override
    public String kind() {
      return "error";
    }
  }

  /**
   * An event of a kind this version does not know (written by a newer one): kept with its fields,
   * shown as a note.
   *
   * @param kind its kind
   * @param fields its fields, as JSON values (strings, numbers, booleans, lists and maps)
   */
  record Unknown(String kind, Map<String, Object> fields) implements Payload {
    public Unknown {
      Objects.requireNonNull(kind, "kind");
      fields = Map.copyOf(fields);
    }
  }
}
