package io.cncfdemo.examples.benchmark;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Demo;
import io.cncfdemo.demo.CompiledDemo;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of rendering the demo: {@code Demo.with(countly(), mongoSharded(3),
 * boinc()).compile()}, then {@code toYaml()}, warm. Run by {@link RenderingBenchmark}, or by JMH's
 * own {@code org.openjdk.jmh.Main RenderingJmh} on the examples' class path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderingJmh {

  /** Compile and render: what {@code cncfdemo template} does after start-up. */
  @Benchmark
  public String compileAndToYaml() {
    return Demo.with(countly(), mongoSharded(3), boinc()).compile().toYaml();
  }

  /** Compile only: the objects, without their YAML. */
  @Benchmark
  public CompiledDemo compile() {
    return Demo.with(countly(), mongoSharded(3), boinc()).compile();
  }
}
