package io.cncfdemo.internal.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.event.Event;
import io.cncfdemo.event.Payload;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientQueueTest {

  private static Event note(long id) {
    return new Event(id, Instant.EPOCH, new Payload.Note("n" + id));
  }

  @Test
  void aFullQueue_dropsAndCounts_withoutWaiting() throws InterruptedException {
    var queue = new ClientQueue(2);

    for (long id = 1; id <= 5; id++) {
      queue.accept(note(id));
    }

    assertThat(queue.takeDropped()).isEqualTo(3);
    assertThat(queue.takeDropped()).as("the count starts again once taken").isZero();
    assertThat(queue.poll(0)).isEqualTo(note(1));
    assertThat(queue.poll(0)).isEqualTo(note(2));
    assertThat(queue.poll(0)).isNull();
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void aQueueWithRoom_dropsNothing() throws InterruptedException {
    var queue = new ClientQueue(8);
    queue.accept(note(1));

    assertThat(queue.takeDropped()).isZero();
    assertThat(queue.poll(10)).isEqualTo(note(1));
  }
}
