package io.velaria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real server on a free loopback port, reached with the Avatica remote driver over both
 * serializations, must give the same results, metadata and SQLStates as the embedded driver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class RemoteParityTest {
  @TempDir
  static Path tmp;
  Path root;
  Path outside;
  ServerFixture fixture;
  /** A second server over the same database, speaking JSON. */
  ServerFixture jsonFixture;
  Connection embeddedAnchor;

  Connection remote(String serialization) throws SQLException {
    return serialization.equals("JSON") ? jsonFixture.connect("JSON")
        : fixture.connect("PROTOBUF");
  }

  static final String[] SETUP = {
    "CREATE TABLE items (id INT NOT NULL, name VARCHAR, price DECIMAL(10,2), qty BIGINT,"
        + " ratio DOUBLE, added DATE, seen TIMESTAMP, active BOOLEAN)",
    "INSERT INTO items VALUES (1, 'apple', 1.25, 10, 0.5, DATE '2024-01-02',"
        + " TIMESTAMP '2024-01-02 03:04:05', true), (2, 'pear', 2.50, 3, 0.25,"
        + " DATE '2024-02-03', TIMESTAMP '2024-02-03 04:05:06', false), (3, NULL, NULL, NULL,"
        + " NULL, NULL, NULL, NULL)",
    "CREATE VIEW cheap AS SELECT id, name FROM items WHERE price < 2",
  };

  static final String[] QUERIES = {
    "SELECT * FROM items ORDER BY id",
    "SELECT name, price * qty AS total FROM items WHERE qty IS NOT NULL ORDER BY total DESC",
    "SELECT COUNT(*), SUM(qty), AVG(ratio), MIN(added), MAX(seen) FROM items",
    "SELECT active, COUNT(*) FROM items GROUP BY active ORDER BY 2, 1",
    "SELECT * FROM cheap",
    "SELECT UPPER(name) || '!' AS shout, CAST(price AS VARCHAR) FROM items ORDER BY id",
    "SELECT a.id, b.id FROM items a JOIN items b ON a.id < b.id ORDER BY 1, 2",
    "SELECT p.name, p.city FROM people p ORDER BY p.id",
    "SELECT city, COUNT(*) FROM people GROUP BY city ORDER BY city",
  };

  static final String[] ERRORS = {
    "SELECT * FROM no_such_table",
    "SELEC 1",
    "SELECT no_such_column FROM items",
    "SELECT CAST('x' AS INT)",
    "CREATE TABLE items (id INT)",
    "SELECT * FROM items WHERE id = 'abc' AND",
  };

  @BeforeAll
  void start() throws Exception {
    root = Files.createDirectories(tmp.resolve("data"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.copy(Path.of("..", "samples", "people.csv"), root.resolve("people.csv"));
    Files.copy(Path.of("..", "samples", "people.csv"), outside.resolve("secret.csv"));
    fixture = new ServerFixture(ServerFixture.config("mem:parity-remote", root));
    ServerConfig json = ServerFixture.config("mem:parity-remote", root);
    json.serialization = ServerConfig.Serialization.JSON;
    jsonFixture = new ServerFixture(json);
    try (Connection c = fixture.connect("PROTOBUF")) {
      setup(c);
    }
    embeddedAnchor = embedded(); // keeps the named in-memory database alive
    setup(embeddedAnchor);
  }

  private void setup(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : SETUP) {
        st.execute(s);
      }
      st.execute("CREATE TABLE people USING csv OPTIONS(path: '" + root.resolve("people.csv")
          + "')");
    }
  }

  private Connection embedded() throws SQLException {
    return DriverManager.getConnection("jdbc:velaria:mem:parity-embedded;data_root=" + root);
  }

  @AfterAll
  void stop() throws Exception {
    if (embeddedAnchor != null) {
      embeddedAnchor.close();
    }
    if (jsonFixture != null) {
      jsonFixture.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Rows as text plus the column labels and JDBC types. */
  static List<String> dump(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder head = new StringBuilder();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      head.append(md.getColumnLabel(i)).append(':').append(md.getColumnType(i)).append(' ');
    }
    out.add(head.toString());
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object o = rs.getObject(i);
        row.append(o == null ? "NULL" : o instanceof BigDecimal
            ? ((BigDecimal) o).stripTrailingZeros().toPlainString() : o.toString()).append('|');
      }
      out.add(row.toString());
    }
    return out;
  }

  static String state(Connection c, String sql) {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        // drain
      }
      return "no error";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void queriesMatchEmbedded(String serialization) throws Exception {
    try (Connection remote = remote(serialization); Connection local = embedded();
         Statement rs = remote.createStatement(); Statement ls = local.createStatement()) {
      for (String q : QUERIES) {
        List<String> expected;
        try (ResultSet r = ls.executeQuery(q)) {
          expected = dump(r);
        }
        try (ResultSet r = rs.executeQuery(q)) {
          assertEquals(expected, dump(r), q);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void errorsCarryTheSameSqlState(String serialization) throws Exception {
    try (Connection remote = remote(serialization); Connection local = embedded()) {
      for (String q : ERRORS) {
        String expected = state(local, q);
        assertTrue(!expected.equals("no error"), q);
        assertEquals(expected, state(remote, q), q);
      }
      // the message travels too
      SQLException e = assertThrows(SQLException.class,
          () -> remote.createStatement().executeQuery("SELECT * FROM no_such_table"));
      assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void preparedStatementsAndBatches(String serialization) throws Exception {
    try (Connection remote = remote(serialization); Connection local = embedded()) {
      String table = "prep_" + serialization.toLowerCase();
      for (Connection c : List.of(remote, local)) {
        try (Statement st = c.createStatement()) {
          st.execute("CREATE TABLE " + table + " (id INT, name VARCHAR, d DATE)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
            + " VALUES (?, ?, ?)")) {
          for (int i = 0; i < 5; i++) {
            ps.setInt(1, i);
            ps.setString(2, i % 2 == 0 ? "even" : null);
            ps.setDate(3, Date.valueOf("2024-03-0" + (i + 1)));
            assertEquals(1, ps.executeUpdate());
          }
        }
      }
      String q = "SELECT id, name, d FROM " + table + " WHERE id >= ? AND name = ? ORDER BY id";
      List<String> expected;
      try (PreparedStatement ps = local.prepareStatement(q)) {
        ps.setInt(1, 1);
        ps.setString(2, "even");
        try (ResultSet r = ps.executeQuery()) {
          expected = dump(r);
        }
      }
      try (PreparedStatement ps = remote.prepareStatement(q)) {
        assertEquals(3, ps.getMetaData().getColumnCount());
        assertEquals(2, ps.getParameterMetaData().getParameterCount());
        for (int round = 0; round < 3; round++) { // re-execution of one prepared statement
          ps.setInt(1, 1);
          ps.setString(2, "even");
          try (ResultSet r = ps.executeQuery()) {
            assertEquals(expected, dump(r));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void metadataMatchesEmbedded(String serialization) throws Exception {
    try (Connection remote = remote(serialization); Connection local = embedded()) {
      DatabaseMetaData rm = remote.getMetaData();
      DatabaseMetaData lm = local.getMetaData();
      assertEquals(tables(lm), tables(rm));
      assertTrue(tables(rm).contains("ITEMS") || tables(rm).contains("items"), tables(rm)
          .toString());
      assertEquals(columns(lm, "items"), columns(rm, "items"));
      assertEquals(dumpAll(lm.getTableTypes()), dumpAll(rm.getTableTypes()));
      assertEquals(dumpAll(lm.getSchemas()), dumpAll(rm.getSchemas()));
      assertEquals(dumpAll(lm.getTypeInfo()).size(), dumpAll(rm.getTypeInfo()).size());
      assertNotNull(rm.getDatabaseProductName());
      assertTrue(remote.isValid(5));
    }
  }

  private static List<String> tables(DatabaseMetaData md) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    // tables the other tests of this class create on the server only
    names.removeIf(n -> n.matches("(?i)(prep_|ok\\d_|bad_|pw).*"));
    java.util.Collections.sort(names);
    return names;
  }

  private static List<String> columns(DatabaseMetaData md, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    String t = table;
    try (ResultSet probe = md.getTables(null, null, table.toUpperCase(), null)) {
      if (probe.next()) {
        t = table.toUpperCase();
      }
    }
    try (ResultSet rs = md.getColumns(null, null, t, "%")) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE") + ":"
            + rs.getString("TYPE_NAME") + ":" + rs.getString("IS_NULLABLE"));
      }
    }
    assertTrue(!out.isEmpty(), "no columns for " + table);
    return out;
  }

  private static List<String> dumpAll(ResultSet rs) throws SQLException {
    try (rs) {
      return dump(rs);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void filePathsAreConfinedToTheDataRoot(String serialization) throws Exception {
    Path link = root.resolve("escape-" + serialization);
    Files.createSymbolicLink(link, outside);
    String[] refused = {
      outside.resolve("secret.csv").toString(),                // absolute, outside
      root.resolve("../outside/secret.csv").toString(),         // .. out of the root
      "../outside/secret.csv",                                  // relative .. out of the root
      link.resolve("secret.csv").toString(),                    // symlink out of the root
      "/etc/passwd",
      "file:" + outside.resolve("secret.csv"),
    };
    try (Connection remote = remote(serialization); Statement st =
        remote.createStatement()) {
      int n = 0;
      for (String p : refused) {
        SQLException e = assertThrows(SQLException.class, () -> st.execute(
            "CREATE TABLE bad_" + serialization + "_x USING csv OPTIONS(path: '" + p + "')"), p);
        assertEquals("42501", e.getSQLState(), p + ": " + e.getMessage());
        n++;
      }
      assertEquals(refused.length, n);
      // inside the root: absolute, relative, and with a harmless ..
      st.execute("CREATE TABLE ok1_" + serialization + " USING csv OPTIONS(path: '"
          + root.resolve("people.csv") + "')");
      st.execute("CREATE TABLE ok2_" + serialization
          + " USING csv OPTIONS(path: 'people.csv')");
      st.execute("CREATE TABLE ok3_" + serialization + " USING csv OPTIONS(path: '"
          + root.resolve("sub/../people.csv") + "')");
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ok2_" + serialization)) {
        assertTrue(rs.next());
        assertTrue(rs.getLong(1) > 0);
      }
    }
  }

  @Test
  void rawHttpRequestCannotEscapeTheRoot() throws Exception {
    // a hand-made JSON request, as any HTTP client could send it
    String conn = "raw-" + System.nanoTime();
    HttpJson http = new HttpJson(jsonFixture.server.port(), null);
    http.post("{\"request\":\"openConnection\",\"connectionId\":\"" + conn
        + "\",\"info\":{\"data_root\":\"/\"}}");
    String created = http.post("{\"request\":\"createStatement\",\"connectionId\":\""
        + conn + "\"}");
    String id = created.replaceAll(".*\"statementId\":(\\d+).*", "$1");
    String response = http.post("{\"request\":\"prepareAndExecute\",\"connectionId\":\"" + conn
        + "\",\"statementId\":" + id + ",\"sql\":\"CREATE TABLE pw USING csv OPTIONS(path: "
        + "'/../../etc/passwd')\",\"maxRowCount\":-1}");
    assertTrue(response.contains("\"sqlState\":\"42501\""), response);
    http.post("{\"request\":\"closeConnection\",\"connectionId\":\"" + conn + "\"}");
  }
}
