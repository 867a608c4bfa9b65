/**
 * MongoDB for the demo: a sharded cluster in it ({@code mongoSharded(n)}) or one outside ({@code
 * mongo(uri)}).
 *
 * <p>A result left unused is a mistake ({@code @CheckReturnValue}), except where a method says
 * {@code @CanIgnoreReturnValue}.
 */
@CheckReturnValue
package io.cncfdemo.apps.mongo;

import com.google.errorprone.annotations.CheckReturnValue;
