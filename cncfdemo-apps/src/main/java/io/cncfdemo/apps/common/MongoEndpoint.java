package io.cncfdemo.apps.common;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an application finds its MongoDB, as {@link AppCapabilities#MONGODB} hands it over: a
 * connection string without credentials, the database, and the Secret holding the application user,
 * if the server needs one.
 *
 * @param uri a {@code mongodb://} or {@code mongodb+srv://} connection string without user or
 *     password
 * @param host the one host applications connect to, when the endpoint is a single host (a {@code
 *     mongos} Service)
 * @param port its port
 * @param database the application's database, e.g. {@code countly}
 * @param credentialsSecret a Secret with the keys {@code username} and {@code password}, when the
 *     server needs them
 * @param clientImage an image with {@code mongosh} that speaks to this server, for init containers
 *     that wait for it
 */
public record MongoEndpoint(
    String uri,
    Optional<String> host,
    int port,
    String database,
    Optional<String> credentialsSecret,
    String clientImage) {
  /** The key of the user name in {@link #credentialsSecret()}. */
  public static final String USERNAME_KEY = "username";

  /** The key of the password in {@link #credentialsSecret()}. */
  public static final String PASSWORD_KEY = "password";

  public MongoEndpoint {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(credentialsSecret, "credentialsSecret");
    Objects.requireNonNull(clientImage, "clientImage");
  }
}
