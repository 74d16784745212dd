package io.velaria.connectors.bitable;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import java.util.List;
import java.util.Map;

/** The OPTIONS of a bitable table, checked. Retry knobs exist so tests can keep waits tiny. */
record BitableOptions(
    String baseUrl, String appToken, String tableId, String viewId, String credentials,
    int pageSize, int maxRetries, long retryBaseMs, long maxWaitMs, long requestTimeoutMs,
    long pollIntervalMs) {

  static final String DEFAULT_BASE_URL = "https://open.feishu.cn";
  static final List<String> KEYS = List.of("app_token", "table_id", "view_id", "credentials",
      "base_url", "page_size", "max_retries", "retry_base_ms", "max_wait_ms",
      "request_timeout_ms", "poll_interval_ms");

  static BitableOptions parse(TableSpec spec) {
    Map<String, String> o = spec.options();
    for (String k : o.keySet()) {
      if (!KEYS.contains(k)) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "unknown option '" + k + "' for USING bitable; valid options: " + KEYS);
      }
    }
    String base = o.getOrDefault("base_url", DEFAULT_BASE_URL).trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (!base.startsWith("https://") && !base.startsWith("http://")) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'base_url' must start with https:// or http://, not '" + base + "'");
    }
    int pageSize = (int) number(o, "page_size", 500, 1, 500);
    return new BitableOptions(base, required(o, "app_token"), required(o, "table_id"),
        blankToNull(o.get("view_id")), o.get("credentials"), pageSize,
        (int) number(o, "max_retries", 6, 0, 100), number(o, "retry_base_ms", 500, 0, 600_000),
        number(o, "max_wait_ms", 60_000, 0, 3_600_000),
        number(o, "request_timeout_ms", 30_000, 1, 3_600_000),
        number(o, "poll_interval_ms", 5_000, 1, 86_400_000));
  }

  private static String required(Map<String, String> o, String key) {
    String v = blankToNull(o.get(key));
    if (v == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option '" + key + "' is required for USING bitable");
    }
    if (!v.matches("[A-Za-z0-9_-]+")) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option '" + key + "' must be letters, digits, '_' or '-', not '" + v + "'");
    }
    return v;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static long number(Map<String, String> o, String key, long dflt, long min, long max) {
    String v = o.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option '" + key + "' must be a whole number from " + min + " to " + max
              + ", not '" + v + "'");
    }
  }
}
