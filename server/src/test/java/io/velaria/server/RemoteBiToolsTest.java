package io.velaria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.jdbc.DbeaverReplay;
import io.velaria.jdbc.PoolWorkload;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a BI tool does, against the real server through the Avatica remote driver: DBeaver's
 * connect-and-browse sequence and opening a table, and a HikariCP pool of 8 threads. The same
 * {@link DbeaverReplay} and {@link PoolWorkload} run against the embedded driver in the driver
 * module's tests.
 */
@Timeout(180)
class RemoteBiToolsTest {
  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void dbeaverBrowsesTheRemoteServer(String serialization) throws Exception {
    try (ServerFixture f = new ServerFixture(config("mem:remote_bi", serialization));
         Connection c = f.connect(serialization)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE fruit (id INT, name VARCHAR(20), price DECIMAL(8,2))");
        s.execute("INSERT INTO fruit VALUES (1, 'apple', 1.25), (2, 'pear', 2.50),"
            + " (3, 'fig', NULL)");
        s.execute("CREATE VIEW cheap AS SELECT id, name FROM fruit WHERE price < 2");
      }
      // every table and view listed is browsed (columns, keys, indexes) by the replay
      // Avatica's remote driver names the product itself, whatever the server is
      assertEquals(userTables(c).size(),
          DbeaverReplay.browse(c, "Avatica") - systemTables(c));
      assertEquals(3, DbeaverReplay.openTable(c, "fruit"));
      assertEquals(1, DbeaverReplay.openTable(c, "cheap"));
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getColumns(null, "main", "fruit", "%")) {
        List<String> names = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString("COLUMN_NAME"));
          positions.add(rs.getInt("ORDINAL_POSITION"));
        }
        assertEquals(List.of("id", "name", "price"), names);
        assertEquals(List.of(1, 2, 3), positions);
      }
      assertTrue(c.isValid(5));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PROTOBUF", "JSON"})
  void hikariPoolOfEightThreadsQueriesTheRemoteServer(String serialization) throws Exception {
    try (ServerFixture f = new ServerFixture(config("mem:remote_pool", serialization))) {
      // PoolWorkload creates its table through the pool, then 8 threads x 40 borrow and query
      assertEquals(8 * 40, PoolWorkload.run(f.url(serialization), 8, 40));
      // the pool closed its connections: the server holds none of them any more
      assertEquals(0, f.meta().openConnectionCount());
    }
  }

  private static ServerConfig config(String db, String serialization) {
    ServerConfig config = ServerFixture.config(db, null);
    config.serialization = ServerConfig.Serialization.valueOf(serialization);
    return config;
  }

  private static List<String> userTables(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, "main", "%",
        new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    assertEquals(List.of("cheap", "fruit"), out.stream().sorted().toList());
    return out;
  }

  private static int systemTables(Connection c) throws Exception {
    int n = 0;
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        if (!"main".equals(rs.getString("TABLE_SCHEM"))) {
          n++;
        }
      }
    }
    return n;
  }
}
