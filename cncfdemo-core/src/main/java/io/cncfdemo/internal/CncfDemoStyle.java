package io.cncfdemo.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: implementations stay package-private behind the abstract value
 * type, which exposes its own validated withers (the generated ones are named {@code copyWith*} and stay
 * internal); defaults are backed by {@code DEFAULT_*}
 * constants and checks throw {@link io.cncfdemo.exception.InvalidInputException}.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    defaults = @Value.Immutable(prehash = false),
    jdkOnly = true,
    with = "copyWith*",
    get = {"is*", "get*", "*"})
public @interface CncfDemoStyle {}
