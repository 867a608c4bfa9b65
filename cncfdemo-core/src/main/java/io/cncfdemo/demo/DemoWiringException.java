package io.cncfdemo.demo;

import io.cncfdemo.exception.CncfDemoException;

/**
 * The components given to {@code Demo.with(...)} do not fit together: a requirement no component
 * provides, one that several provide, two components of the same name. The message says what to add
 * or remove.
 */
public class DemoWiringException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  public DemoWiringException(String message) {
    super(message);
  }
}
