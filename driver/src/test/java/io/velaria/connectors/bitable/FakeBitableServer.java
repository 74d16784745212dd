package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Bitable Open API on 127.0.0.1: tenant tokens, tables, fields,
 * records/search (paging, view, field_names, filter, sort) and records/batch_create (client
 * token dedupe), with the documented error codes and injectable faults (rate limits, expired
 * tokens, a batch_create that writes and then answers too late).
 */
final class FakeBitableServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Dates are compared per day in the base's time zone, as the service does. */
  static final ZoneId BASE_ZONE = ZoneId.of("Asia/Shanghai");

  /** One table of a base: fields (API form) and records (read form), in insertion order. */
  static final class Table {
    final String id;
    final String name;
    final List<ObjectNode> fields = new ArrayList<>();
    final Set<String> views = ConcurrentHashMap.newKeySet();
    final LinkedHashMap<String, ObjectNode> records = new LinkedHashMap<>();
    final Map<String, JsonNode> clientTokens = new HashMap<>();

    Table(String id, String name) {
      this.id = id;
      this.name = name;
    }

    ObjectNode field(String name) {
      for (ObjectNode f : fields) {
        if (f.path("field_name").asText().equals(name)) {
          return f;
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-bitable");
    t.setDaemon(true);
    return t;
  });
  final Map<String, String> apps = new ConcurrentHashMap<>();
  final Map<String, Map<String, Table>> bases = new ConcurrentHashMap<>();
  private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokenSeq = new AtomicInteger();
  private final AtomicInteger recordSeq = new AtomicInteger();
  /** Milliseconds stamped as created / modified time on writes. */
  volatile long now = 1_760_000_000_000L;

  // recordings
  final List<String> searchBodies = Collections.synchronizedList(new ArrayList<>());
  final List<String> searchQueries = Collections.synchronizedList(new ArrayList<>());
  final List<Long> searchArrivals = Collections.synchronizedList(new ArrayList<>());
  final List<String> batchCreateTokens = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger searchRequests = new AtomicInteger();
  final AtomicInteger batchCreateRequests = new AtomicInteger();
  final AtomicInteger tokenRejections = new AtomicInteger();

  // faults
  /** Search request number (1-based, counted from the server's start) answered "rate limited". */
  volatile int rateLimitSearchAt = -1;
  volatile boolean rateLimitWithCode;
  volatile String rateLimitReset = "1";
  /** batch_create call number (1-based) that writes, then answers after {@code slowMs}. */
  volatile int slowBatchCreateAt = -1;
  volatile long slowMs;
  /** Answers ({HTTP status, code}) given to the next search requests instead of results. */
  final java.util.Deque<int[]> searchFaults = new java.util.concurrent.ConcurrentLinkedDeque<>();
  /** Token lifetime in seconds handed out. */
  volatile int tokenExpire = 7200;

  FakeBitableServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/open-apis/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Table addTable(String appToken, String tableId, String name) {
    Table t = new Table(tableId, name);
    bases.computeIfAbsent(appToken, k -> new ConcurrentHashMap<>()).put(tableId, t);
    return t;
  }

  /** Makes every token handed out so far expired (the next call with one gets 99991677). */
  void expireTokens() {
    tokens.replaceAll((k, v) -> false);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- dispatch ----

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      byte[] in = ex.getRequestBody().readAllBytes();
      JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
      if (path.equals("/open-apis/auth/v3/tenant_access_token/internal")) {
        token(ex, body);
        return;
      }
      String[] p = path.split("/");
      // /open-apis/bitable/v1/apps/{app}/tables[/{table}/(fields|records/search|records/batch_create)]
      if (p.length < 6 || !p[2].equals("bitable") || !p[4].equals("apps")) {
        reply(ex, 404, error(404, "not found"));
        return;
      }
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      Boolean valid = auth == null ? null : tokens.get(auth.replace("Bearer ", ""));
      if (valid == null || !valid) {
        tokenRejections.incrementAndGet();
        reply(ex, 400, error(valid == null ? 99991663 : 99991677,
            valid == null ? "Invalid access token for authorization" : "token expired"));
        return;
      }
      Map<String, Table> base = bases.get(p[5]);
      if (base == null) {
        reply(ex, 400, error(1254003, "WrongBaseToken"));
        return;
      }
      if (p.length == 7) {
        listTables(ex, base, q);
        return;
      }
      Table table = base.get(p[7]);
      if (table == null) {
        reply(ex, 400, error(1254004, "WrongTableId"));
        return;
      }
      String rest = String.join("/", java.util.Arrays.copyOfRange(p, 8, p.length));
      switch (rest) {
        case "fields": fields(ex, table, q); return;
        case "records/search": search(ex, table, q, body); return;
        case "records/batch_create": batchCreate(ex, table, q, body); return;
        default: reply(ex, 404, error(404, "not found"));
      }
    } catch (RuntimeException e) {
      reply(ex, 500, error(1254000, "fake server bug: " + e));
    }
  }

  private void token(HttpExchange ex, JsonNode body) throws IOException {
    tokenRequests.incrementAndGet();
    String secret = apps.get(body.path("app_id").asText());
    if (secret == null || !secret.equals(body.path("app_secret").asText())) {
      reply(ex, 200, error(10014, "app secret invalid"));
      return;
    }
    String t = "t-fake" + tokenSeq.incrementAndGet();
    tokens.put(t, true);
    ObjectNode r = JSON.createObjectNode();
    r.put("code", 0);
    r.put("msg", "ok");
    r.put("tenant_access_token", t);
    r.put("expire", tokenExpire);
    reply(ex, 200, r);
  }

  private void listTables(HttpExchange ex, Map<String, Table> base, Map<String, String> q)
      throws IOException {
    List<JsonNode> all = new ArrayList<>();
    for (Table t : base.values()) {
      ObjectNode o = JSON.createObjectNode();
      o.put("table_id", t.id);
      o.put("name", t.name);
      all.add(o);
    }
    page(ex, all, q, 100);
  }

  private void fields(HttpExchange ex, Table table, Map<String, String> q) throws IOException {
    page(ex, new ArrayList<>(table.fields), q, 100);
  }

  /** Pages a list: page_token is the offset of the next item. */
  private void page(HttpExchange ex, List<? extends JsonNode> all, Map<String, String> q, int max)
      throws IOException {
    int size = Math.min(max, Integer.parseInt(q.getOrDefault("page_size", "20")));
    int from = q.containsKey("page_token") ? Integer.parseInt(q.get("page_token").substring(1)) : 0;
    int to = Math.min(all.size(), from + size);
    ObjectNode data = JSON.createObjectNode();
    data.putArray("items").addAll(all.subList(from, to));
    data.put("has_more", to < all.size());
    if (to < all.size()) {
      data.put("page_token", "p" + to);
    }
    data.put("total", all.size());
    reply(ex, 200, ok(data));
  }

  private void search(HttpExchange ex, Table table, Map<String, String> q, JsonNode body)
      throws IOException {
    int n = searchRequests.incrementAndGet();
    searchBodies.add(body.toString());
    searchQueries.add(q.toString());
    searchArrivals.add(System.nanoTime());
    int[] fault = searchFaults.poll();
    if (fault != null) {
      reply(ex, fault[0], error(fault[1], "injected fault"));
      return;
    }
    if (n == rateLimitSearchAt) {
      ex.getResponseHeaders().add("x-ogw-ratelimit-reset", rateLimitReset);
      if (rateLimitWithCode) {
        reply(ex, 400, error(99991400, "request trigger frequency limit"));
      } else {
        reply(ex, 429, error(99991400, "too many requests"));
      }
      return;
    }
    if (Integer.parseInt(q.getOrDefault("page_size", "20")) > 500) {
      reply(ex, 400, error(1254001, "page_size too large"));
      return;
    }
    String view = body.path("view_id").asText(null);
    if (view != null && !table.views.contains(view)) {
      reply(ex, 400, error(1254005, "WrongViewId"));
      return;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode f : body.path("field_names")) {
      if (table.field(f.asText()) == null) {
        reply(ex, 400, error(1254024, "InvalidFieldNames"));
        return;
      }
      names.add(f.asText());
    }
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (table) {
      for (Map.Entry<String, ObjectNode> r : table.records.entrySet()) {
        Boolean m = FakeFilter.matches(table, body.path("filter"), r.getValue());
        if (m == null) {
          reply(ex, 400, error(1254018, "InvalidFilter"));
          return;
        }
        if (m) {
          ObjectNode item = JSON.createObjectNode();
          item.put("record_id", r.getKey());
          ObjectNode fields = item.putObject("fields");
          r.getValue().fields().forEachRemaining(e -> {
            if (names.isEmpty() || names.contains(e.getKey())) {
              fields.set(e.getKey(), e.getValue());
            }
          });
          matching.add(item);
        }
      }
    }
    JsonNode sort = body.path("sort");
    if (sort.isArray() && sort.size() > 0) {
      String by = sort.get(0).path("field_name").asText();
      boolean desc = sort.get(0).path("desc").asBoolean(false);
      Comparator<ObjectNode> cmp = Comparator.comparingDouble(
          i -> i.path("fields").path(by).asDouble(Double.NEGATIVE_INFINITY));
      matching.sort(desc ? cmp.reversed() : cmp);
    }
    page(ex, matching, q, 500);
  }

  private void batchCreate(HttpExchange ex, Table table, Map<String, String> q, JsonNode body)
      throws IOException {
    int n = batchCreateRequests.incrementAndGet();
    String clientToken = q.get("client_token");
    batchCreateTokens.add(clientToken);
    JsonNode records = body.path("records");
    if (records.size() > 1000) {
      reply(ex, 400, error(1254104, "RecordsCountExceeded"));
      return;
    }
    JsonNode answer;
    synchronized (table) {
      answer = clientToken == null ? null : table.clientTokens.get(clientToken);
      if (answer == null) {
        List<ObjectNode> all = new ArrayList<>();
        for (JsonNode r : records) {
          ObjectNode stored = writeForm(table, (ObjectNode) r.path("fields"));
          if (stored == null) {
            reply(ex, 400, error(1254045, "FieldNameNotFound"));
            return;
          }
          all.add(stored);
        }
        ArrayNode out = JSON.createArrayNode();
        for (ObjectNode stored : all) {
          String id = "rec" + recordSeq.incrementAndGet();
          table.records.put(id, stored);
          ObjectNode o = out.addObject();
          o.put("record_id", id);
          o.set("fields", stored);
        }
        ObjectNode data = JSON.createObjectNode();
        data.set("records", out);
        answer = ok(data);
        if (clientToken != null) {
          table.clientTokens.put(clientToken, answer);
        }
      }
    }
    if (n == slowBatchCreateAt) {
      try {
        Thread.sleep(slowMs); // written, but the answer comes after the client gave up
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reply(ex, 200, answer);
  }

  /** Stores written values the way search returns them (text as segments) plus stamps. */
  private ObjectNode writeForm(Table table, ObjectNode fields) {
    ObjectNode stored = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
      ObjectNode f = table.field(e.getKey());
      if (f == null) {
        return null;
      }
      JsonNode v = e.getValue();
      if (f.path("type").asInt() == FieldTypes.TEXT && v.isTextual()) {
        ArrayNode segs = JSON.createArrayNode();
        segs.addObject().put("type", "text").put("text", v.asText());
        v = segs;
      }
      stored.set(e.getKey(), v);
    }
    stamp(table, stored);
    return stored;
  }

  /** Sets created / modified time fields to {@link #now}. */
  void stamp(Table table, ObjectNode stored) {
    for (ObjectNode f : table.fields) {
      int type = f.path("type").asInt();
      String name = f.path("field_name").asText();
      if (type == FieldTypes.MODIFIED_TIME || (type == FieldTypes.CREATED_TIME
          && !stored.has(name))) {
        stored.put(name, now);
      }
    }
  }

  /** Changes one record's field as a user would; its modified time becomes {@link #now}. */
  void modify(Table table, String recordId, String field, JsonNode value) {
    synchronized (table) {
      ObjectNode r = table.records.get(recordId);
      r.set(field, value);
      stamp(table, r);
    }
  }

  /** Adds a record in read form, stamped with {@link #now}; returns its id. */
  String add(Table table, ObjectNode fields) {
    synchronized (table) {
      String id = "rec" + recordSeq.incrementAndGet();
      stamp(table, fields);
      table.records.put(id, fields);
      return id;
    }
  }

  static long day(long ms) {
    return Instant.ofEpochMilli(ms).atZone(BASE_ZONE).toLocalDate().toEpochDay();
  }

  // ---- plumbing ----

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null) {
      return q;
    }
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static ObjectNode ok(JsonNode data) {
    ObjectNode r = JSON.createObjectNode();
    r.put("code", 0);
    r.put("msg", "success");
    r.set("data", data);
    return r;
  }

  private static ObjectNode error(int code, String msg) {
    ObjectNode r = JSON.createObjectNode();
    r.put("code", code);
    r.put("msg", msg);
    return r;
  }

  private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] out = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }
}
