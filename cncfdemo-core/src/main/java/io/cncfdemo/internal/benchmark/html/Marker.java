package io.cncfdemo.internal.benchmark.html;

/**
 * A vertical line on a chart at {@code x}, labelled: where chaos struck, where throughput
 * recovered.
 */
record Marker(double x, String label, String kind) {}
