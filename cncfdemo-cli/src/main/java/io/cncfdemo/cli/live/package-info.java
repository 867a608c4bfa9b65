/**
 * {@code --ui} and {@code --save-events} of the long verbs (bootstrap, start, benchmark), and
 * {@code cncfdemo replay}: the run's events published to a live page and a file.
 */
package io.cncfdemo.cli.live;
