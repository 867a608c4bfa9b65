package io.cncfdemo.benchmark;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Where a running benchmark is, about once a second.
 *
 * @param phase the part that runs
 * @param elapsed time since the phase started
 * @param left time the phase is expected to take still
 * @param requestsPerSecond the current HTTP throughput, when the load source knows it while running
 * @param errors failed HTTP requests so far
 */
public record BenchmarkProgress(
    BenchmarkPhase phase,
    Duration elapsed,
    Duration left,
    OptionalDouble requestsPerSecond,
    long errors) {}
