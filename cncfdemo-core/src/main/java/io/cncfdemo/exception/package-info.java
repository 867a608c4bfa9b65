/**
 * The exceptions of the library: {@link io.cncfdemo.exception.CncfDemoException}, the root of every
 * exception it throws, and {@link io.cncfdemo.exception.InvalidInputException} for a value a user
 * gave that is not allowed. A leaf package, so that every other package may throw them without a
 * cycle.
 */
@NullMarked
package io.cncfdemo.exception;

import org.jspecify.annotations.NullMarked;
