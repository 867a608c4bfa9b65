package io.cncfdemo.component;

import java.util.Objects;

/**
 * Something one component provides and another requires, with the type of what is handed over: a
 * MongoDB endpoint, a Pushgateway URL, ... Capabilities are compared by identity: declare each
 * once, as a constant.
 *
 * @param <T> what the providing component hands to the requiring one
 */
public final class Capability<T> {
  private final String name;
  private final Class<T> type;
  private final String howToAdd;

  private Capability(String name, Class<T> type, String howToAdd) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.howToAdd = Objects.requireNonNull(howToAdd, "howToAdd");
  }

  /**
   * A capability.
   *
   * @param name what it is, with its article, for messages: {@code "a MongoDB"}
   * @param type what the provider hands over
   * @param howToAdd what a user adds to get it: {@code "add mongoSharded(n) or mongo(uri)"}
   */
  public static <T> Capability<T> of(String name, Class<T> type, String howToAdd) {
    return new Capability<>(name, type, howToAdd);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  public String howToAdd() {
    return howToAdd;
  }

  @Override
  public String toString() {
    return name;
  }
}
