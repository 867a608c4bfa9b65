package io.cncfdemo.cli.live;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.TimelineSample;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Listeners that tell two: the terminal's progress first, then the events. A listener method added
 * later must be forwarded here too.
 */
final class Tees {
  private Tees() {}

  static DeployListener deploy(DeployListener first, DeployListener second) {
    return new DeployListener() {
      @Override
      public void stageStarted(Stage stage, List<ObjectRef> objects) {
        first.stageStarted(stage, objects);
        second.stageStarted(stage, objects);
      }

      @Override
      public void objectApplied(ObjectChange change) {
        first.objectApplied(change);
        second.objectApplied(change);
      }

      @Override
      public void waiting(ObjectRef object, String reason) {
        first.waiting(object, reason);
        second.waiting(object, reason);
      }

      @Override
      public void objectReady(ObjectRef object) {
        first.objectReady(object);
        second.objectReady(object);
      }

      @Override
      public void stageReady(Stage stage, Duration elapsed) {
        first.stageReady(stage, elapsed);
        second.stageReady(stage, elapsed);
      }

      @Override
      public void objectDeleted(ObjectRef object) {
        first.objectDeleted(object);
        second.objectDeleted(object);
      }

      @Override
      public void done(List<ObjectChange> changes, Duration elapsed) {
        first.done(changes, elapsed);
        second.done(changes, elapsed);
      }
    };
  }

  static BenchmarkListener benchmark(
      BenchmarkListener first, BenchmarkListener second, Consumer<BenchmarkReport> report) {
    return new BenchmarkListener() {
      @Override
      public void phaseStarted(BenchmarkPhase phase, Duration expected) {
        first.phaseStarted(phase, expected);
        second.phaseStarted(phase, expected);
      }

      @Override
      public void progress(BenchmarkProgress progress) {
        first.progress(progress);
        second.progress(progress);
      }

      @Override
      public void chaosStruck(String action, String target, Duration at) {
        first.chaosStruck(action, target, at);
        second.chaosStruck(action, target, at);
      }

      @Override
      public void phaseDone(BenchmarkPhase phase, Duration elapsed) {
        first.phaseDone(phase, elapsed);
        second.phaseDone(phase, elapsed);
      }

      @Override
      public void sampled(TimelineSample sample) {
        first.sampled(sample);
        second.sampled(sample);
      }

      @Override
      public void note(String note) {
        first.note(note);
        second.note(note);
      }

      @Override
      public void done(BenchmarkReport done) {
        first.done(done);
        second.done(done);
        report.accept(done);
      }
    };
  }
}
