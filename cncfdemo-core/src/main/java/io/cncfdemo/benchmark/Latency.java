package io.cncfdemo.benchmark;

/**
 * Latency percentiles of an HTTP benchmark, in milliseconds.
 *
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs the slowest response
 * @param meanMs the mean
 */
public record Latency(
    double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double meanMs) {}
