package io.cncfdemo.apps.mongo;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.MongoEndpoint;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.apps.internal.Provided;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A MongoDB the demo does not run: {@code mongo("mongodb://db.example.com:27017/countly")}.
 * Provides {@link AppCapabilities#MONGODB} and creates no objects. Credentials do not belong in a
 * connection string in code; a URI with a password is refused.
 *
 * @param uri the connection string
 * @param clientImage the image whose {@code mongosh} init containers use to wait for the server
 */
public record MongoExternal(String uri, String clientImage) implements Component {
  static final String RULE =
      "a mongodb:// or mongodb+srv:// connection string with a host and without a password,"
          + " such as mongodb://db.example.com:27017/countly";

  public MongoExternal {
    validate(uri);
    Images.pinned("clientImage", clientImage);
  }

  /** The MongoDB at {@code uri}. */
  public static MongoExternal of(String uri) {
    return new MongoExternal(uri, MongoSharded.DEFAULT_IMAGE);
  }

  /** The same MongoDB, waited for with the {@code mongosh} of this image. */
  public MongoExternal clientImage(String image) {
    return new MongoExternal(uri, image);
  }

  @Override
  public String name() {
    return "mongo";
  }

  @Override
  public String describe() {
    return "mongo(\"" + uri + "\")";
  }

  @Override
  public Set<Capability<?>> provides() {
    return Set.of(AppCapabilities.MONGODB);
  }

  @Override
  public <T> T provide(Capability<T> capability, DemoContext context) {
    return Provided.only(this, capability, AppCapabilities.MONGODB, this::endpoint);
  }

  private MongoEndpoint endpoint() {
    var parsed = URI.create(uri);
    var path = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
    var database = path.isEmpty() ? MongoSharded.DEFAULT_DATABASE : path;
    var singleHost =
        uri.startsWith("mongodb://") && parsed.getHost() != null
            ? Optional.of(parsed.getHost())
            : Optional.<String>empty();
    int port = parsed.getPort() > 0 ? parsed.getPort() : MongoSharded.PORT;
    return new MongoEndpoint(uri, singleHost, port, database, Optional.empty(), clientImage);
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of();
  }

  private static void validate(String uri) {
    if (uri == null || !(uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"))) {
      throw new InvalidInputException("uri", uri, RULE);
    }
    var authority = uri.substring(uri.indexOf("://") + 3).split("[/?]", 2)[0];
    if (authority.isEmpty() || authority.contains("@")) {
      throw new InvalidInputException("uri", redact(uri), RULE);
    }
    try {
      new URI(uri.replace(",", "."));
    } catch (URISyntaxException e) {
      throw new InvalidInputException("uri", uri, RULE);
    }
  }

  /**
   * The URI without what stands before an {@code @}, so that a password never reaches a message or
   * a log.
   */
  private static String redact(String uri) {
    return uri.replaceFirst("://[^@/]*@", "://***@");
  }

  @Override
  public String toString() {
    return describe();
  }
}
