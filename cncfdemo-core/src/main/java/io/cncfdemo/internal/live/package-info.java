/** The live page: its HTTP server, its per-browser queues and token, the page and its charts. */
@NullMarked
package io.cncfdemo.internal.live;

import org.jspecify.annotations.NullMarked;
