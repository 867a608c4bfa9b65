/**
 * What every verb group of the {@code cncfdemo} command shares: the {@link
 * io.cncfdemo.cli.common.CliContext} and its console and environment, the options for choosing a
 * cluster, output format and durations, the store of bootstrapped clusters, exit codes and usage
 * errors. A leaf: it depends on no other {@code io.cncfdemo.cli} package.
 */
package io.cncfdemo.cli.common;
