package io.cncfdemo.cli.common;

/**
 * What every command is given: where to write and what surrounds it.
 *
 * @param console the output layer
 * @param environment environment variables, home and state directories
 */
public record CliContext(Console console, CliEnvironment environment) {}
