package io.velaria.connectors.bitable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fake server with the fixture base, app credentials in a system property, a connection. */
abstract class BitableTestBase {
  static final String APP_ID = "cli_fixture";
  static final String SECRET = "S3cr3t-never-shown-9f8e7d";
  static final String PROP = "velaria.test.bitable.credentials";

  FakeBitableServer server;
  Connection conn;

  @BeforeEach
  void start() throws Exception {
    server = new FakeBitableServer();
    server.apps.put(APP_ID, SECRET);
    System.setProperty(PROP, APP_ID + ":" + SECRET);
    conn = DriverManager.getConnection("jdbc:velaria:");
  }

  @AfterEach
  void stop() throws Exception {
    if (conn != null) {
      conn.close();
    }
    server.close();
    System.clearProperty(PROP);
  }

  /** OPTIONS for the fixture table, tiny waits, plus extra {@code key: 'value'} pairs. */
  String options(String extra) {
    return "OPTIONS(app_token: '" + BitableFixture.APP_TOKEN + "', table_id: '"
        + BitableFixture.TABLE_ID + "', credentials: 'sysprop:" + PROP + "', base_url: '"
        + server.baseUrl() + "', retry_base_ms: '1', max_wait_ms: '2000'"
        + (extra.isEmpty() ? "" : ", " + extra) + ")";
  }

  void exec(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute(sql);
    }
  }

  /** Rows as Java values comparable with {@link BitableFixture#rows}. */
  List<Object[]> query(String sql) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = value(rs, i + 1);
        }
        out.add(row);
      }
    }
    return out;
  }

  static Object value(ResultSet rs, int i) throws SQLException {
    switch (rs.getMetaData().getColumnType(i)) {
      case java.sql.Types.DECIMAL: {
        BigDecimal d = rs.getBigDecimal(i);
        return d;
      }
      case java.sql.Types.DOUBLE: {
        double d = rs.getDouble(i);
        return rs.wasNull() ? null : d;
      }
      case java.sql.Types.TIMESTAMP: {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      case java.sql.Types.BOOLEAN: {
        boolean b = rs.getBoolean(i);
        return rs.wasNull() ? null : b;
      }
      case java.sql.Types.BIGINT: {
        long l = rs.getLong(i);
        return rs.wasNull() ? null : l;
      }
      default:
        return rs.getString(i);
    }
  }

  String explain(String sql) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append('\n');
      }
    }
    return sb.toString();
  }
}
