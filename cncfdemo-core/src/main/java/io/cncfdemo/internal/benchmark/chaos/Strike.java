package io.cncfdemo.internal.benchmark.chaos;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What one chaos action hit, and, when the system is expected to replace it (a deleted pod), the
 * time until it did.
 *
 * @param target what was hit, e.g. the pod's name
 * @param replacement completes with the time from the strike until a replacement was Ready; empty
 *     when nothing is replaced
 */
public record Strike(String target, Optional<CompletableFuture<Duration>> replacement) {}
