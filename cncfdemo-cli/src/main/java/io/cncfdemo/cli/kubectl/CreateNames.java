package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.UsageException;

/** The NAME argument of a create verb, required as kubectl requires it. */
final class CreateNames {
  private CreateNames() {}

  static String require(String name, String verb) {
    if (name == null || name.isEmpty()) {
      throw new UsageException(
          "exactly one NAME is required, got 0\nSee 'cncfdemo create "
              + verb
              + " --help' for help and examples.");
    }
    return name;
  }
}
