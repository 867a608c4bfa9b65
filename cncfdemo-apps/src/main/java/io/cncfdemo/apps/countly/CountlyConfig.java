package io.cncfdemo.apps.countly;

import io.cncfdemo.apps.common.MongoEndpoint;
import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.exception.CncfDemoException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Countly's configuration files from this package's resources ({@code api.js}, {@code
 * frontend.js}), pointed at the demo's MongoDB: host, port and database where the endpoint is one
 * host, the connection string otherwise.
 */
final class CountlyConfig {
  private static final Pattern BLOCK = Pattern.compile("mongodb: \\{[^}]*}");
  private static final Pattern HOST = Pattern.compile("host: \"localhost\"");
  private static final Pattern PORT = Pattern.compile("port: 27017");
  private static final Pattern DB = Pattern.compile("db: \"countly\"");

  private CountlyConfig() {}

  /** The file {@code name} ({@code api.js} or {@code frontend.js}) for this endpoint. */
  static String render(String name, MongoEndpoint endpoint) {
    var template = Texts.resource(CountlyConfig.class, name);
    var block = BLOCK.matcher(template);
    if (!block.find()) {
      throw new CncfDemoException(
          "the Countly configuration "
              + name
              + " has no mongodb block to point at the demo's MongoDB");
    }
    String mongodb;
    if (endpoint.host().isPresent()) {
      mongodb = replace(name, block.group(), HOST, "host: \"" + endpoint.host().get() + "\"");
      mongodb = replace(name, mongodb, PORT, "port: " + endpoint.port());
      mongodb = replace(name, mongodb, DB, "db: \"" + endpoint.database() + "\"");
    } else {
      mongodb = "mongodb: \"" + endpoint.uri() + "\"";
    }
    return template.substring(0, block.start()) + mongodb + template.substring(block.end());
  }

  private static String replace(String name, String block, Pattern pattern, String replacement) {
    var matcher = pattern.matcher(block);
    if (!matcher.find()) {
      throw new CncfDemoException(
          "the mongodb block of the Countly configuration " + name + " lacks " + pattern.pattern());
    }
    return matcher.replaceFirst(Matcher.quoteReplacement(replacement));
  }
}
