package io.cncfdemo.cluster;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.exception.InvalidInputException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Validation of the bare-metal settings: files to read, host key fingerprints, prices; messages
 * name field and value.
 */
final class BareMetalChecks {
  static final String FINGERPRINT_RULE =
      "an SSH host key fingerprint as ssh-keygen -l prints it: SHA256: and 43"
          + " base64 characters, such as SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
  static final String HOURLY_COST_RULE =
      "a price in USD per host and hour from 0 to 10000, such as 0.45";
  private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
  private static final BigDecimal MAX_HOURLY_COST = BigDecimal.valueOf(10_000);

  private BareMetalChecks() {}

  /** A regular file this process can read, such as a private key or a known_hosts file. */
  @CanIgnoreReturnValue
  static Path readableFile(String field, Path file, String what) {
    if (file == null) {
      throw new InvalidInputException(field, null, "the path of " + what);
    }
    if (!Files.exists(file)) {
      throw new InvalidInputException(field, file, "the path of " + what + " (nothing is there)");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          field, file, "the path of " + what + " (it is not a regular file)");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidInputException(
          field, file, "the path of " + what + " (this user may not read it)");
    }
    return file;
  }

  /** A SHA-256 host key fingerprint as OpenSSH prints it. */
  @CanIgnoreReturnValue
  static String fingerprint(String field, String value) {
    if (value == null || !FINGERPRINT.matcher(value).matches()) {
      throw new InvalidInputException(field, value, FINGERPRINT_RULE);
    }
    return value;
  }

  /** What one host costs per hour, as the user declares it. */
  @CanIgnoreReturnValue
  static BigDecimal hourlyCost(String field, BigDecimal value) {
    if (value == null || value.signum() < 0 || value.compareTo(MAX_HOURLY_COST) > 0) {
      throw new InvalidInputException(field, value, HOURLY_COST_RULE);
    }
    return value;
  }
}
