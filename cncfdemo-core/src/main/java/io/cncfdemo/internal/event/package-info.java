/** The JSON form of events, and the live page's HTTP server and per-browser queues. */
@NullMarked
package io.cncfdemo.internal.event;

import org.jspecify.annotations.NullMarked;
