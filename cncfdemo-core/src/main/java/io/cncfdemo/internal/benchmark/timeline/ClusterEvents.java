package io.cncfdemo.internal.benchmark.timeline;

import io.cncfdemo.benchmark.TimelineEvent;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The events of the story among a namespace's Kubernetes events, on the run's time axis: the
 * scheduler's {@code Preempted} (a pod made room for a higher-priority one) and the HPA's {@code
 * SuccessfulRescale} of the scaled Deployment, up or down.
 */
final class ClusterEvents {
  private static final Pattern NEW_SIZE = Pattern.compile("New size: (\\d+)");

  private ClusterEvents() {}

  /**
   * The story's events among {@code events}, from {@code start} on (a second's slack: the API
   * server keeps whole seconds), in time order; {@code replicasBefore} tells a scale-up from a
   * scale-down when the message has no reason.
   */
  static List<TimelineEvent> of(
      List<Event> events, String deployment, Instant start, int replicasBefore) {
    var story = new ArrayList<Timed>();
    for (var event : events) {
      var at = when(event);
      if (at.isEmpty() || at.get().isBefore(start.minusSeconds(1))) {
        continue;
      }
      var involved = event.getInvolvedObject();
      var object =
          involved == null
              ? ""
              : involved.getKind().toLowerCase(java.util.Locale.ROOT) + "/" + involved.getName();
      var message = event.getMessage() == null ? "" : event.getMessage();
      if ("Preempted".equals(event.getReason())) {
        story.add(new Timed(at.get(), TimelineEvent.PREEMPTED, object, message));
      } else if ("SuccessfulRescale".equals(event.getReason())
          && involved != null
          && deployment.equals(involved.getName())) {
        story.add(new Timed(at.get(), null, object, message));
      }
    }
    story.sort(Comparator.comparing(Timed::at));
    var out = new ArrayList<TimelineEvent>();
    int replicas = replicasBefore;
    for (var timed : story) {
      var kind = timed.kind();
      if (kind == null) {
        var size = NEW_SIZE.matcher(timed.message());
        int next = size.find() ? Integer.parseInt(size.group(1)) : replicas;
        kind =
            timed.message().contains("above target") || next > replicas
                ? TimelineEvent.SCALE_UP
                : TimelineEvent.SCALE_DOWN;
        replicas = next;
      }
      out.add(
          new TimelineEvent(
              Duration.between(start, timed.at()).toMillis() / 1000.0,
              kind,
              timed.object(),
              timed.message()));
    }
    return out;
  }

  private record Timed(Instant at, String kind, String object, String message) {}

  /** When an event happened last: its eventTime, lastTimestamp or firstTimestamp. */
  static Optional<Instant> when(Event event) {
    for (var text :
        new String[] {
          event.getLastTimestamp(),
          event.getEventTime() == null ? null : event.getEventTime().getTime(),
          event.getFirstTimestamp(),
          event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp()
        }) {
      if (text != null && !text.isBlank()) {
        try {
          return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
          // the next field may parse
        }
      }
    }
    return Optional.empty();
  }
}
