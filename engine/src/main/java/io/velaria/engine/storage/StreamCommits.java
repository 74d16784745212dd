package io.velaria.engine.storage;

import java.util.regex.Pattern;

/** Checks the stream keys that managed tables record with their commits. */
final class StreamCommits {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

  private StreamCommits() {}

  /** Keys are stored as one word of a manifest line. */
  static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("stream key '" + key + "' must be letters, digits,"
          + " '_', '-' or '.'");
    }
  }
}
