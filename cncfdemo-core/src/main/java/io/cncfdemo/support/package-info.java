/**
 * The stable helpers that the apps, the providers and the CLI share with core, so that every module
 * validates, writes and reads alike:
 *
 * <ul>
 *   <li>{@link io.cncfdemo.support.Check}: the validation phrases; every bad input raises an {@link
 *       io.cncfdemo.exception.InvalidInputException} naming the field, the value and what is
 *       allowed;
 *   <li>{@link io.cncfdemo.support.Yaml}: the one serializer of Kubernetes objects, as kubectl
 *       writes them;
 *   <li>{@link io.cncfdemo.support.Durations}: Go-style durations such as {@code 90s} or {@code
 *       1h30m};
 *   <li>{@link io.cncfdemo.support.PrometheusText} and {@link io.cncfdemo.support.MetricSample}:
 *       the Prometheus text exposition format, written and read (the names of the HTTP benchmark's
 *       metrics are {@link io.cncfdemo.benchmark.HttpMetrics});
 *   <li>{@link io.cncfdemo.support.Retry} and {@link io.cncfdemo.support.Poll}, paced by a {@link
 *       io.cncfdemo.support.Backoff}: the one way the library retries a call and waits for a
 *       condition (a {@link io.cncfdemo.support.Wakeup} lets an informer end a poll's pause), and
 *       {@link io.cncfdemo.support.KubernetesClients}, which builds the fabric8 clients with their
 *       own request retry off, so that there is one retry layer.
 * </ul>
 *
 * <p>This package depends on nothing of the library but its exceptions. Everything in a package
 * named {@code ..internal..} is private to the module that holds it and may change in any release;
 * the build fails when another module uses it (see the architecture test).
 */
package io.cncfdemo.support;
