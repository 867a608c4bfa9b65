package io.cncfdemo.cli.template;

import io.cncfdemo.exception.CncfDemoException;

/**
 * A template or a values file cannot be used; the message names the file, the line and what is
 * wrong.
 */
public final class TemplateException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
