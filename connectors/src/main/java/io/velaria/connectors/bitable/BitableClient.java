package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Bitable Open API over {@link HttpClient}: tenant_access_token handling, paging helpers,
 * retries with bounded backoff (rate limits honour {@code x-ogw-ratelimit-reset}) and error
 * mapping. One client per table; safe to share between readers.
 */
public final class BitableClient {
  static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Waits between attempts; tests may record instead of sleeping. */
  public interface Sleeper {
    void sleep(long ms) throws InterruptedException;
  }

  private final BitableOptions options;
  private final Credentials.App app;
  private final HttpClient http;
  private final Sleeper sleeper;
  private final LongSupplier clock;
  private String token;
  private long tokenExpiresAt;

  BitableClient(BitableOptions options, Credentials.App app) {
    this(options, app, Thread::sleep, System::currentTimeMillis);
  }

  BitableClient(BitableOptions options, Credentials.App app, Sleeper sleeper, LongSupplier clock) {
    this.options = options;
    this.app = app;
    this.sleeper = sleeper;
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofMillis(Math.min(options.requestTimeoutMs(), 10_000)))
        .build();
  }

  BitableOptions options() {
    return options;
  }

  private String tablePath() {
    return "/open-apis/bitable/v1/apps/" + options.appToken() + "/tables/" + options.tableId();
  }

  /** All fields of the table, every page. */
  List<BitableField> fields(String context) {
    List<BitableField> out = new ArrayList<>();
    String pageToken = null;
    for (int page = 0; page < 10_000; page++) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("page_size", "100");
      if (pageToken != null) {
        q.put("page_token", pageToken);
      }
      JsonNode data = call("GET", tablePath() + "/fields", q, null, context, "").path("data");
      for (JsonNode f : data.path("items")) {
        out.add(BitableField.of(f));
      }
      if (!data.path("has_more").asBoolean(false)) {
        return out;
      }
      pageToken = data.path("page_token").asText(null);
      if (pageToken == null) {
        break;
      }
    }
    return out;
  }

  /** The table ids and names of the base, every page. */
  List<String[]> tables(String context) {
    List<String[]> out = new ArrayList<>();
    String pageToken = null;
    for (int page = 0; page < 10_000; page++) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("page_size", "100");
      if (pageToken != null) {
        q.put("page_token", pageToken);
      }
      JsonNode data = call("GET", "/open-apis/bitable/v1/apps/" + options.appToken()
          + "/tables", q, null, context, "").path("data");
      for (JsonNode t : data.path("items")) {
        out.add(new String[] {t.path("table_id").asText(), t.path("name").asText()});
      }
      if (!data.path("has_more").asBoolean(false)) {
        return out;
      }
      pageToken = data.path("page_token").asText(null);
      if (pageToken == null) {
        break;
      }
    }
    return out;
  }

  /** One page of records/search; {@code body} holds view_id, field_names, filter, sort. */
  JsonNode search(ObjectNode body, String pageToken, String context) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("page_size", Integer.toString(options.pageSize()));
    if (pageToken != null) {
      q.put("page_token", pageToken);
    }
    String detail = body.has("filter") ? body.get("filter").toString()
        : body.path("field_names").toString();
    return call("POST", tablePath() + "/records/search", q, body, context, detail).path("data");
  }

  /**
   * records/batch_create of at most 1,000 records. {@code clientToken} makes the call
   * idempotent: every retry of this chunk sends the same one, so the service writes it once.
   */
  JsonNode batchCreate(List<ObjectNode> records, String clientToken, String context) {
    if (records.size() > 1000) {
      throw new IllegalArgumentException("batch_create takes at most 1000 records");
    }
    ObjectNode body = JSON.createObjectNode();
    body.putArray("records").addAll(records);
    Map<String, String> q = new LinkedHashMap<>();
    q.put("client_token", clientToken);
    return call("POST", tablePath() + "/records/batch_create", q, body, context, "")
        .path("data");
  }

  static ObjectMapper json() {
    return JSON;
  }

  // ---- token ----

  private synchronized String token(String context) {
    long now = clock.getAsLong();
    if (token == null || now >= tokenExpiresAt) {
      fetchToken(context);
    }
    return token;
  }

  private synchronized void invalidateToken(String used) {
    if (used.equals(token)) {
      token = null;
    }
  }

  private void fetchToken(String context) {
    ObjectNode body = JSON.createObjectNode();
    body.put("app_id", app.appId());
    body.put("app_secret", app.appSecret());
    JsonNode resp = call("POST", TOKEN_PATH, Map.of(), body, context, "");
    int code = resp.path("code").asInt(-1);
    if (code != 0 || !resp.hasNonNull("tenant_access_token")) {
      throw new VelariaException(BitableErrors.REJECTED, scrub("Bitable: the service refused the"
          + " app credentials (app_id " + app.appId() + " from credentials '"
          + options.credentials() + "'), " + context + " (Open API code " + code + ": "
          + resp.path("msg").asText("") + ")"));
    }
    long expireMs = resp.path("expire").asLong(7200) * 1000;
    // refresh ahead of expiry: five minutes, or half the lifetime of a short-lived token
    long margin = Math.min(300_000, expireMs / 2);
    token = resp.get("tenant_access_token").asText();
    tokenExpiresAt = clock.getAsLong() + expireMs - margin;
  }

  // ---- calls with retries ----

  /**
   * A call with retries; returns the whole answer (code 0). For the token endpoint any answer
   * that is not retryable comes back for {@link #fetchToken} to judge.
   */
  private JsonNode call(String method, String path, Map<String, String> query, JsonNode body,
      String context, String detail) {
    boolean tokenCall = path.equals(TOKEN_PATH);
    boolean refreshed = false;
    boolean unreachable = false;
    String last = "";
    for (int attempt = 0; attempt <= options.maxRetries(); attempt++) {
      String used = tokenCall ? null : token(context);
      JsonNode resp = send(method, path, query, body, used, context, detail);
      if (resp.has("_retry_after_ms")) {
        last = resp.path("_reason").asText();
        unreachable = resp.path("_unreachable").asBoolean(false);
        pause(resp.get("_retry_after_ms").asLong(), attempt, context);
        continue;
      }
      int code = resp.path("code").asInt(-1);
      if (code == 0 || tokenCall) {
        return resp;
      }
      String msg = resp.path("msg").asText("");
      if (BitableErrors.isTokenProblem(code)) {
        if (refreshed) {
          throw new VelariaException(BitableErrors.REJECTED, "Bitable: the access token was"
              + " refused again right after a refresh, " + context + " (Open API code " + code
              + ": " + msg + ")");
        }
        refreshed = true;
        invalidateToken(used);
        attempt--; // a refresh is not a retry of a failure
        continue;
      }
      if (BitableErrors.isRetryable(code)) {
        last = "code " + code + ": " + msg;
        pause(-1, attempt, context);
        continue;
      }
      throw BitableErrors.of(code, msg, options, context, detail);
    }
    throw new VelariaException(unreachable ? BitableErrors.CANNOT_CONNECT
        : BitableErrors.FDW_ERROR, "Bitable: gave up after " + (options.maxRetries() + 1)
        + " attempts, " + context + " (last: " + last + ")");
  }

  /** Waits before the next attempt: the reset time the service gave, else bounded backoff. */
  private void pause(long resetMs, int attempt, String context) {
    if (attempt >= options.maxRetries()) {
      return;
    }
    long backoff = options.retryBaseMs() << Math.min(attempt, 20);
    long wait = Math.min(options.maxWaitMs(), resetMs >= 0 ? resetMs : backoff);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VelariaException("57014", "Bitable: interrupted while waiting to retry, "
          + context);
    }
  }

  /**
   * One HTTP exchange. Transient failures (rate limit, 5xx, timeouts, broken connections) come
   * back as a marker object {@code {_retry_after_ms, _reason}} for {@link #call} to retry.
   */
  private JsonNode send(String method, String path, Map<String, String> query, JsonNode body,
      String bearer, String context, String detail) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path, query))
        .timeout(Duration.ofMillis(options.requestTimeoutMs()))
        .header("Content-Type", "application/json; charset=utf-8");
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    HttpResponse<String> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      ObjectNode marker = retryMarker(-1, "no answer from " + options.baseUrl() + ": " + e);
      marker.put("_unreachable", true);
      return marker;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VelariaException("57014", "Bitable: interrupted, " + context);
    }
    int status = resp.statusCode();
    JsonNode json = null;
    try {
      json = JSON.readTree(resp.body());
    } catch (IOException | RuntimeException e) {
      json = null;
    }
    int code = json == null ? -1 : json.path("code").asInt(-1);
    if (status == 429 || code == BitableErrors.RATE_LIMITED) {
      return retryMarker(resetMs(resp), "rate limited (HTTP " + status + ", code " + code + ")");
    }
    if (status == 504 || status == 502 || status == 503 || code == BitableErrors.TIMEOUT) {
      return retryMarker(-1, "HTTP " + status + (code >= 0 ? ", code " + code : ""));
    }
    if (json == null || !json.has("code")) {
      if (status >= 500) {
        return retryMarker(-1, "HTTP " + status);
      }
      throw new VelariaException(status == 401 || status == 403 ? BitableErrors.REJECTED
          : BitableErrors.FDW_ERROR, "Bitable: unexpected HTTP " + status + " from "
          + options.baseUrl() + path + " (not an Open API answer), " + context);
    }
    return json;
  }

  private static ObjectNode retryMarker(long afterMs, String reason) {
    ObjectNode n = JSON.createObjectNode();
    n.put("_retry_after_ms", afterMs);
    n.put("_reason", reason);
    return n;
  }

  /** {@code x-ogw-ratelimit-reset}: seconds until the limit resets; -1 when absent. */
  private static long resetMs(HttpResponse<?> resp) {
    return resp.headers().firstValue("x-ogw-ratelimit-reset").map(v -> {
      try {
        return (long) Math.ceil(Double.parseDouble(v.trim()) * 1000);
      } catch (NumberFormatException e) {
        return -1L;
      }
    }).orElse(-1L);
  }

  private URI uri(String path, Map<String, String> query) {
    StringBuilder sb = new StringBuilder(options.baseUrl()).append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  /** Removes the secret from a message in case the service echoes it back. */
  private String scrub(String message) {
    return message.replace(app.appSecret(), "***");
  }
}
