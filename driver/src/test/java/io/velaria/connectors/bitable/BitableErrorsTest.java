package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong tokens, ids, views, fields and credentials: clear errors that never show the secret. */
class BitableErrorsTest extends BitableTestBase {
  private final List<String> messages = new ArrayList<>();

  private SqlError error(String sql) {
    SqlError e = SqlError.of(() -> exec(sql));
    messages.add(e.message);
    return e;
  }

  private String opts(String appToken, String tableId, String extra) {
    return options(extra).replace(BitableFixture.APP_TOKEN, appToken)
        .replace(BitableFixture.TABLE_ID, tableId);
  }

  @Test
  void wrongIdsAreNamed() throws Exception {
    new BitableFixture(server, 5, 1);
    SqlError e = error("CREATE TABLE a USING bitable " + opts("bascnWrong", BitableFixture.TABLE_ID, ""));
    assertEquals("HV00R", e.state);
    assertTrue(e.message.contains("wrong app_token 'bascnWrong'"), e.message);
    assertTrue(e.message.contains("1254003"), e.message);

    e = error("CREATE TABLE b USING bitable " + opts(BitableFixture.APP_TOKEN, "tblWrong", ""));
    assertEquals("HV00R", e.state);
    assertTrue(e.message.contains("wrong table_id 'tblWrong'"), e.message);

    exec("CREATE TABLE c USING bitable " + options("view_id: 'vewWrong'"));
    e = SqlError.of(() -> query("SELECT * FROM c"));
    messages.add(e.message);
    assertEquals("HV00D", e.state);
    assertTrue(e.message.contains("wrong view_id 'vewWrong'"), e.message);

    // a field renamed in the base after CREATE: the service rejects the old name
    exec("CREATE TABLE d USING bitable " + options(""));
    ((ObjectNode) server.bases.get(BitableFixture.APP_TOKEN).get(BitableFixture.TABLE_ID)
        .field("Score")).put("field_name", "Points");
    e = SqlError.of(() -> query("SELECT \"Name\", \"Score\" FROM d"));
    messages.add(e.message);
    assertEquals("HV007", e.state);
    assertTrue(e.message.contains("invalid field names [\"Name\",\"Score\"]"), e.message);

    assertEquals("42000", error("CREATE TABLE e USING bitable " + options("colour: 'red'")).state);
    assertEquals("42000", error("CREATE TABLE e USING bitable OPTIONS(table_id: 'x')").state);
    assertNoSecret();
  }

  @Test
  void aSourceTableWithBadOptionsFailsAtCreate() throws Exception {
    new BitableFixture(server, 5, 1);
    String cols = "(\"Name\" VARCHAR) USING bitable ";
    SqlError e = error("CREATE SOURCE TABLE s1 " + cols + options("lag_ms: 'soon'"));
    assertEquals("42000", e.state);
    assertTrue(e.message.contains("lag_ms"), e.message);
    e = error("CREATE SOURCE TABLE s2 " + cols
        + opts("bascnWrong", BitableFixture.TABLE_ID, ""));
    assertEquals("HV00R", e.state);
    assertEquals("42000", error("CREATE SOURCE TABLE s3 " + cols + options("colour: 'red'")).state);
    // none of the failed CREATEs left a table behind; a good one still works
    exec("CREATE SOURCE TABLE s1 " + cols + options("lag_ms: '0'"));
    assertNoSecret();
  }

  @Test
  void aRejectedFilterIsNamed() throws Exception {
    new BitableFixture(server, 5, 1);
    BitableOptions o = BitableOptions.parse(new io.velaria.engine.spi.TableSpec("t", List.of(),
        java.util.Map.of("app_token", BitableFixture.APP_TOKEN, "table_id", BitableFixture.TABLE_ID,
            "credentials", "sysprop:" + PROP, "base_url", server.baseUrl()), Path.of(".")));
    BitableClient client = new BitableClient(o, Credentials.resolve(o.credentials()));
    ObjectNode body = FakeBitableServer.JSON.createObjectNode();
    ObjectNode cond = body.putObject("filter").put("conjunction", "and").putArray("conditions")
        .addObject();
    cond.put("field_name", "Score").put("operator", "isAbout").putArray("value").add("3");
    io.velaria.engine.error.VelariaException e = org.junit.jupiter.api.Assertions.assertThrows(
        io.velaria.engine.error.VelariaException.class, () -> client.search(body, null, "testing"));
    assertEquals("HV000", e.sqlState());
    assertTrue(e.getMessage().contains("rejected the filter") && e.getMessage().contains("isAbout")
        && e.getMessage().contains("1254018"), e.getMessage());
  }

  @Test
  void credentialProblemsNeverShowTheSecret() throws Exception {
    new BitableFixture(server, 5, 1);
    // a secret pasted into OPTIONS is refused and not repeated (and so never stored)
    SqlError e = error("CREATE TABLE a USING bitable "
        + options("").replace("sysprop:" + PROP, APP_ID + ":" + SECRET));
    assertEquals("42000", e.state);
    assertTrue(e.message.contains("must be a reference"), e.message);

    System.setProperty(PROP, APP_ID + ":wrong-" + SECRET);
    e = error("CREATE TABLE b USING bitable " + options(""));
    assertEquals("08004", e.state);
    assertTrue(e.message.contains("app_id " + APP_ID) && e.message.contains("sysprop:" + PROP),
        e.message);

    System.clearProperty(PROP);
    e = error("CREATE TABLE c USING bitable " + options(""));
    assertEquals("08001", e.state);
    assertTrue(e.message.contains("system property " + PROP + " is not set"), e.message);

    System.setProperty(PROP, SECRET);
    e = error("CREATE TABLE d USING bitable " + options(""));
    assertEquals("08001", e.state);
    assertTrue(e.message.contains("must hold app_id:app_secret"), e.message);

    // the service cannot be reached
    e = error("CREATE TABLE f USING bitable " + options("max_retries: '1'")
        .replace(server.baseUrl(), "http://127.0.0.1:1"));
    assertEquals("08001", e.state);
    assertNoSecret();
  }

  @Test
  void theSecretIsNotInTheCatalogOrExplain(@TempDir Path dir) throws Exception {
    new BitableFixture(server, 30, 1);
    String url = "jdbc:velaria:" + dir.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t USING bitable " + options(""));
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = s.executeQuery("EXPLAIN SELECT * FROM t WHERE \"Status\" = 'done'")) {
        while (rs.next()) {
          plan.append(rs.getString(1));
        }
      }
      assertTrue(plan.toString().contains("credentials=sysprop:" + PROP), plan.toString());
      assertFalse(plan.toString().contains(SECRET));
    }
    // reopened from disk: the catalog held the reference, which resolves again
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      rs.next();
      assertEquals(30, rs.getLong(1));
    }
    boolean sawReference = false;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(SECRET), "secret found in " + p);
        sawReference |= text.contains("sysprop:" + PROP);
      }
    }
    assertTrue(sawReference, "the catalog stores the reference");
  }

  private void assertNoSecret() {
    assertFalse(messages.isEmpty());
    for (String m : messages) {
      assertFalse(m.contains(SECRET), m);
    }
  }
}
