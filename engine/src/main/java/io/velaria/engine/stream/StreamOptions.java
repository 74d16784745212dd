package io.velaria.engine.stream;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Options of SOURCE/SINK tables that the stream runtime reads itself; the rest goes to the file
 * connector.
 */
final class StreamOptions {
  /** settle_ms: a file is taken once its last change is this old (default 0: at once). */
  static final String SETTLE_MS = "settle_ms";
  /** on_error: 'fail' (default) or 'skip' malformed rows into a rejects file. */
  static final String ON_ERROR = "on_error";
  /** rejects_path: where skipped rows go (default: a hidden file beside the source). */
  static final String REJECTS_PATH = "rejects_path";
  /** checkpoint_path: where a sink's stream checkpoints live (default: beside the output). */
  static final String CHECKPOINT_PATH = "checkpoint_path";

  /** max_files_per_batch: files per micro-batch of a source (START STREAM WITH overrides). */
  static final String MAX_FILES = "max_files_per_batch";

  /**
   * stream_table_id: set by CREATE SOURCE/SINK TABLE, different for every table created, so a
   * checkpoint of a dropped table is not taken for one of a new table with the same name.
   */
  static final String TABLE_ID = "stream_table_id";

  private static final Set<String> OWN = Set.of(SETTLE_MS, ON_ERROR, REJECTS_PATH,
      CHECKPOINT_PATH, MAX_FILES, TABLE_ID);

  private StreamOptions() {}

  /** The options without the stream runtime's own. */
  static Map<String, String> forConnector(Map<String, String> options) {
    Map<String, String> out = new LinkedHashMap<>();
    options.forEach((k, v) -> {
      if (!OWN.contains(k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  static long nonNegativeLong(Map<String, String> options, String key, long dflt) {
    String v = options.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option '" + key + "' must be a non-negative integer, not '" + v + "'");
    }
  }

  static boolean skipErrors(Map<String, String> options) {
    String v = options.getOrDefault(ON_ERROR, "fail").trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "fail": return false;
      case "skip": return true;
      default:
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "option 'on_error' must be 'fail' or 'skip', not '" + v + "'");
    }
  }
}
