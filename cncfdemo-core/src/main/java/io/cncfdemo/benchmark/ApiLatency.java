package io.cncfdemo.benchmark;

/**
 * The latency of one kind of API request, timed by the client.
 *
 * @param call the verb and resource, e.g. {@code GET configmaps} or {@code LIST pods}
 * @param latency its percentiles
 */
public record ApiLatency(String call, Percentiles latency) {}
