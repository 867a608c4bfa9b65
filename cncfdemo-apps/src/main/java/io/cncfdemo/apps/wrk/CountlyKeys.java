package io.cncfdemo.apps.wrk;

import io.cncfdemo.support.Check;
import java.util.regex.Pattern;

/**
 * The keys of a Countly app, for wrk to write events through Countly's write API ({@code
 * /i?app_key=...}) and read them through its read API ({@code /o?api_key=...&app_id=...}). Create
 * the app in Countly's dashboard (Management, Applications) and copy its keys; a user's API key is
 * under Account settings.
 *
 * @param appKey the app's key
 * @param apiKey a user's API key, for reads
 * @param appId the app's id, for reads
 */
public record CountlyKeys(String appKey, String apiKey, String appId) {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{1,128}");
  private static final String RULE = "letters and digits, as Countly makes its keys and ids";

  public CountlyKeys {
    Check.matches("appKey", appKey, KEY, RULE);
    Check.matches("apiKey", apiKey, KEY, RULE);
    Check.matches("appId", appId, KEY, RULE);
  }

  @Override
  public String toString() {
    return "CountlyKeys[appKey=…, apiKey=…, appId=" + appId + "]";
  }
}
