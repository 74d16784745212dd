package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** INSERT into a Bitable table: batch_create in chunks with client tokens. */
class BitableInsertTest extends BitableTestBase {

  @Test
  void rowsArriveExactlyOnceWhenAChunksFirstAttemptTimesOut() throws Exception {
    BitableFixture fx = new BitableFixture(server, 0, 5);
    exec("CREATE TABLE t USING bitable " + options("request_timeout_ms: '1500'"));
    exec("CREATE TABLE src (i INT, amount DECIMAL(18, 2))");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 2500; i++) {
      values.append(i == 0 ? "" : ", ").append("(").append(i).append(", ")
          .append(BigDecimal.valueOf(i * 7L - 3000, 2)).append(")");
    }
    exec("INSERT INTO src VALUES " + values);
    // the second chunk is written by the service, but its answer comes after the client's timeout
    server.slowBatchCreateAt = 2;
    server.slowMs = 4000;
    exec("INSERT INTO t (\"Name\", \"Amount\", \"Done\", \"Tags\", \"Due\") SELECT 'row-' || CAST(i AS VARCHAR),"
        + " amount, MOD(i, 2) = 0, '[\"a\",\"b' || CAST(MOD(i, 3) AS VARCHAR) || '\"]',"
        + " TIMESTAMP '2026-02-01 00:00:00' + i * INTERVAL '1' MINUTE FROM src");

    // chunks of 1,000, 1,000, 500; the second sent twice with the same client token
    assertEquals(4, server.batchCreateRequests.get());
    List<String> tokens = server.batchCreateTokens;
    assertEquals(tokens.get(1), tokens.get(2), "the retry reuses the chunk's client token");
    assertEquals(3, new HashSet<>(tokens).size());
    assertEquals(2500, fx.table.records.size(), "every row exactly once");
    Set<String> names = new HashSet<>();
    for (ObjectNode r : fx.table.records.values()) {
      names.add(r.path("Name").get(0).path("text").asText());
    }
    assertEquals(2500, names.size());

    // and reading back through SQL gives the rows inserted
    List<Object[]> got = query("SELECT \"Name\", \"Amount\", \"Done\", \"Tags\", \"Due\" FROM t"
        + " ORDER BY \"Amount\"");
    assertEquals(2500, got.size());
    long feb1 = 1_769_904_000_000L; // 2026-02-01T00:00:00Z
    for (int i = 0; i < 2500; i++) {
      Object[] r = got.get(i);
      assertEquals("row-" + i, r[0]);
      assertEquals(0, BigDecimal.valueOf(i * 7L - 3000, 2).compareTo((BigDecimal) r[1]));
      assertEquals(i % 2 == 0, r[2]);
      assertEquals("[\"a\",\"b" + (i % 3) + "\"]", r[3]);
      assertEquals(feb1 + i * 60_000L, r[4]);
    }
  }

  @Test
  void insertValuesLeavesComputedFieldsToTheService() throws Exception {
    BitableFixture fx = new BitableFixture(server, 0, 5);
    exec("CREATE TABLE t USING bitable " + options(""));
    exec("INSERT INTO t (\"Name\", \"Score\", \"Status\", \"Site\", \"Owner\", \"备注\") VALUES"
        + " ('a', 1.5, 'todo', 'https://x.test/a', '[{\"id\":\"ou_1\"}]', '中文'),"
        + " ('b', NULL, NULL, NULL, NULL, NULL)");
    assertEquals(1, server.batchCreateRequests.get());
    List<ObjectNode> recs = new ArrayList<>(fx.table.records.values());
    assertEquals(2, recs.size());
    JsonNode a = recs.get(0);
    assertEquals("a", a.path("Name").get(0).path("text").asText());
    assertEquals(1.5, a.path("Score").asDouble());
    assertEquals("todo", a.path("Status").asText());
    assertEquals("https://x.test/a", a.path("Site").path("link").asText());
    assertEquals("[{\"id\":\"ou_1\"}]", a.path("Owner").toString());
    assertEquals("中文", a.path("备注").get(0).path("text").asText());
    assertTrue(!a.has("Done"), "a false checkbox is left out");
    // NULLs are left out; computed fields (formula, lookup, auto number) are never sent
    JsonNode b = recs.get(1);
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) b::fields) {
      assertTrue(e.getKey().equals("Name") || e.getKey().equals("Created")
          || e.getKey().equals("Modified"), "unexpected field " + e.getKey());
    }
    SqlError bad = SqlError.of(() -> exec("INSERT INTO t (\"Name\", \"Owner\") VALUES ('c', 'not json')"));
    assertEquals("22P02", bad.state);
    assertTrue(bad.message.contains("column 'Owner'"), bad.message);
    exec("CREATE TABLE v (\"Name\" VARCHAR, \"Score\" VARCHAR) USING bitable " + options(""));
    bad = SqlError.of(() -> exec("INSERT INTO v VALUES ('d', 'twelve')"));
    assertEquals("22P02", bad.state);
    assertTrue(bad.message.contains("column 'Score'") && bad.message.contains("twelve"), bad.message);
    exec("INSERT INTO v VALUES ('e', '12.5')");
    assertEquals(3, fx.table.records.size(), "only the good rows were written");
  }
}
