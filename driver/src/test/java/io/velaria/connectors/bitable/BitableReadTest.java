package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Reading a Bitable table through jdbc:velaria: against the fake server. */
class BitableReadTest extends BitableTestBase {
  private static final int N = 2350;

  @Test
  void readsEveryPageAndEqualsTheFixture() throws Exception {
    BitableFixture fx = new BitableFixture(server, N, 42);
    exec("CREATE TABLE t USING bitable " + options(""));
    List<Object[]> got = query("SELECT * FROM t ORDER BY \"No\"");
    assertRows(fx.rows, got);
    // 2,350 records at 500 a page: five pages, each asked for with the previous page's token
    assertEquals(5, server.searchRequests.get());
    assertTrue(server.searchQueries.get(4).contains("page_token=p2000"), server.searchQueries.toString());
    assertTrue(server.searchQueries.get(0).contains("page_size=500"));
    try (Statement s = conn.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      assertEquals(N, rs.getLong(1));
    }
  }

  @Test
  void everyFieldTypeHasItsSqlType() throws Exception {
    new BitableFixture(server, 3, 1);
    exec("CREATE TABLE t USING bitable " + options(""));
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(BitableFixture.FIELDS.length, md.getColumnCount());
      for (int i = 0; i < BitableFixture.FIELDS.length; i++) {
        assertEquals(BitableFixture.FIELDS[i][0], md.getColumnName(i + 1));
        assertEquals((int) (Integer) BitableFixture.FIELDS[i][3], md.getColumnType(i + 1),
            "type of " + BitableFixture.FIELDS[i][0]);
      }
      assertEquals(2, md.getScale(2), "Amount has formatter 0.00");
    }
  }

  @Test
  void declaredColumnsPickFields() throws Exception {
    BitableFixture fx = new BitableFixture(server, 20, 3);
    exec("CREATE TABLE t (\"name\" VARCHAR, \"Amount\" DECIMAL(18, 2), \"Due\" VARCHAR) USING bitable "
        + options(""));
    List<Object[]> got = query("SELECT * FROM t");
    assertEquals(20, got.size());
    for (int i = 0; i < 20; i++) {
      assertEquals(fx.rows.get(i)[0], got.get(i)[0]);
      assertEquals(fx.rows.get(i)[1], got.get(i)[1]);
      Object due = fx.rows.get(i)[5];
      assertEquals(due == null ? null : due.toString(), got.get(i)[2]);
    }
    // a number field may be read as another number type: whole numbers round half up
    exec("CREATE TABLE w (\"Amount\" BIGINT, \"Score\" DECIMAL(10, 1)) USING bitable " + options(""));
    List<Object[]> nums = query("SELECT \"Amount\", \"Score\" FROM w");
    for (int i = 0; i < 20; i++) {
      Object[] r = fx.rows.get(i);
      assertEquals(((BigDecimal) r[1]).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(),
          nums.get(i)[0]);
      Object score = r[2] == null ? null : BigDecimal.valueOf((Double) r[2])
          .setScale(1, java.math.RoundingMode.HALF_UP);
      assertTrue(score == null ? nums.get(i)[1] == null
          : ((BigDecimal) score).compareTo((BigDecimal) nums.get(i)[1]) == 0, "row " + i);
    }
    SqlError bad = SqlError.of(() -> exec("CREATE TABLE x (\"Due\" DATE) USING bitable " + options("")));
    assertEquals("42804", bad.state);
    assertTrue(bad.message.contains("reads as TIMESTAMP"), bad.message);
    SqlError e = SqlError.of(() -> exec("CREATE TABLE u (nope INT) USING bitable " + options("")));
    assertEquals("HV007", e.state);
    assertTrue(e.message.contains("column 'nope' is not a field"), e.message);
  }

  @Test
  void filtersArePushedIntoTheSearchBody() throws Exception {
    BitableFixture fx = new BitableFixture(server, N, 7);
    exec("CREATE TABLE t USING bitable " + options("view_id: '" + BitableFixture.VIEW_ID + "'"));
    long due = BitableFixture.DUE_BASE + 60L * 86_400_000L; // 2026-03-02
    String sql = "SELECT \"Name\", \"Amount\" FROM t WHERE \"Score\" > 600E0 AND \"Status\" = 'done'"
        + " AND \"Due\" >= TIMESTAMP '2026-03-02 00:00:00' AND \"Phone\" IS NULL ORDER BY \"Name\"";
    List<Object[]> got = query(sql);
    List<Object[]> want = new ArrayList<>();
    Predicate<Object[]> p = r -> r[2] != null && (Double) r[2] > 600 && "done".equals(r[3])
        && r[5] != null && (Long) r[5] >= due && r[8] == null;
    for (Object[] r : fx.rows) {
      if (p.test(r)) {
        want.add(new Object[] {r[0], r[1]});
      }
    }
    want.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
    assertTrue(want.size() > 10 && want.size() < 500, "fixture gives a small selection: " + want.size());
    assertRows(want, got);

    JsonNode body = BitableFixture.parse(server.searchBodies.get(server.searchBodies.size() - 1));
    assertEquals(BitableFixture.VIEW_ID, body.path("view_id").asText());
    assertEquals("and", body.path("filter").path("conjunction").asText());
    List<String> conds = new ArrayList<>();
    body.path("filter").path("conditions").forEach(c -> conds.add(c.toString()));
    assertTrue(conds.contains("{\"field_name\":\"Score\",\"operator\":\"isGreater\",\"value\":[\"600\"]}"), conds.toString());
    assertTrue(conds.contains("{\"field_name\":\"Status\",\"operator\":\"is\",\"value\":[\"done\"]}"), conds.toString());
    assertTrue(conds.contains("{\"field_name\":\"Due\",\"operator\":\"isGreaterEqual\",\"value\":[\"ExactDate\",\""
        + (due - 86_400_000L) + "\"]}"), conds.toString());
    assertTrue(conds.contains("{\"field_name\":\"Phone\",\"operator\":\"isEmpty\",\"value\":[]}"), conds.toString());
    // projection: only what the query needs is asked for
    List<String> names = new ArrayList<>();
    body.path("field_names").forEach(n -> names.add(n.asText()));
    assertTrue(names.contains("Name") && names.contains("Amount"), names.toString());
    assertFalse(names.contains("Owner") || names.contains("Files"), names.toString());
    // the remote filter did the selecting: one page was enough
    assertEquals(1, server.searchRequests.get());
    String plan = explain(sql);
    assertTrue(plan.contains("remote_conditions=4"), plan);
  }

  @Test
  void rateLimitedPagesAreRetriedAfterTheReset() throws Exception {
    BitableFixture fx = new BitableFixture(server, N, 9);
    exec("CREATE TABLE t USING bitable " + options(""));
    server.rateLimitSearchAt = 3; // HTTP 429 with x-ogw-ratelimit-reset: 1
    assertRows(fx.rows, query("SELECT * FROM t ORDER BY \"No\""));
    assertEquals(6, server.searchRequests.get());
    long gapMs = (server.searchArrivals.get(3) - server.searchArrivals.get(2)) / 1_000_000;
    assertTrue(gapMs >= 1000, "the retry waited for the reset: " + gapMs + " ms");

    server.rateLimitSearchAt = 8; // code 99991400 in the body, same header
    server.rateLimitWithCode = true;
    assertRows(fx.rows, query("SELECT * FROM t ORDER BY \"No\""));
    assertEquals(12, server.searchRequests.get());
    gapMs = (server.searchArrivals.get(8) - server.searchArrivals.get(7)) / 1_000_000;
    assertTrue(gapMs >= 1000, "the retry waited for the reset: " + gapMs + " ms");
  }

  @Test
  void anExpiredTokenIsRefreshedOnce() throws Exception {
    BitableFixture fx = new BitableFixture(server, 700, 11);
    exec("CREATE TABLE t USING bitable " + options(""));
    assertEquals(1, server.tokenRequests.get());
    assertRows(fx.rows, query("SELECT * FROM t ORDER BY \"No\""));
    server.expireTokens();
    assertRows(fx.rows, query("SELECT * FROM t ORDER BY \"No\""));
    assertEquals(2, server.tokenRequests.get(), "one refresh");
    assertEquals(1, server.tokenRejections.get(), "one call was refused, then retried");
  }

  static void assertRows(List<Object[]> want, List<Object[]> got) {
    assertEquals(want.size(), got.size(), "row count");
    for (int i = 0; i < want.size(); i++) {
      Object[] w = want.get(i);
      Object[] g = got.get(i);
      for (int c = 0; c < w.length; c++) {
        if (w[c] instanceof BigDecimal && g[c] instanceof BigDecimal) {
          assertEquals(0, ((BigDecimal) w[c]).compareTo((BigDecimal) g[c]),
              "row " + i + " column " + c + ": " + w[c] + " vs " + g[c]);
        } else {
          assertEquals(w[c], g[c], "row " + i + " column " + c);
        }
      }
      assertEquals(w.length, g.length);
    }
  }
}
