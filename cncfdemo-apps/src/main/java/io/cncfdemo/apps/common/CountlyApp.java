package io.cncfdemo.apps.common;

import java.util.Objects;

/**
 * The Countly app that {@code countly()}'s setup Job creates, as {@link
 * AppCapabilities#COUNTLY_APP} hands it over: the Secret the Job fills with the app's key and id
 * and an API key, under {@link #APP_KEY}, {@link #API_KEY} and {@link #APP_ID}.
 *
 * @param keysSecret the Secret's name in the demo's namespace
 */
public record CountlyApp(String keysSecret) {
  public static final String APP_KEY = "appKey";
  public static final String API_KEY = "apiKey";
  public static final String APP_ID = "appId";

  public CountlyApp {
    Objects.requireNonNull(keysSecret, "keysSecret");
  }
}
