package io.velaria.jdbc.streams;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Child JVM of {@link StreamKillTest}: creates (if needed) a source and three sinks in a
 * persistent database and runs three stream INSERTs to the end of the source: stateless into
 * a CSV file, grouped into a CSV directory, windowed into a managed table. Prints "done". The
 * parent makes it halt at a named point with -Dvelaria.stream.crash=point:n.
 */
public final class StreamLoopMain {
  private StreamLoopMain() {}

  static final String STATELESS = "INSERT INTO s_file SELECT id, key, v FROM src WHERE v % 3 <> 0";
  static final String GROUPED =
      "INSERT INTO s_dir SELECT key, COUNT(*) AS n, SUM(v) AS total FROM src GROUP BY key";
  static final String WINDOWED = "INSERT INTO s_tab SELECT w, key, COUNT(*) AS n, SUM(v) AS total"
      + " FROM src WINDOW BY ts EVERY 60000 SLIDE 30000 AS w GROUP BY w, key";

  public static void main(String[] args) throws Exception {
    String db = args[0];
    String in = args[1];
    String out = args[2];
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE IF NOT EXISTS src (id BIGINT, key VARCHAR, v INT, ts BIGINT)"
          + " USING csv OPTIONS(path: '" + in + "', max_files_per_batch: 2)");
      s.execute("CREATE SINK TABLE IF NOT EXISTS s_file (id BIGINT, key VARCHAR, v INT)"
          + " USING csv OPTIONS(path: '" + out + "/stateless.csv')");
      s.execute("CREATE SINK TABLE IF NOT EXISTS s_dir (key VARCHAR, n BIGINT, total BIGINT)"
          + " USING csv OPTIONS(path: '" + out + "/grouped/')");
      s.execute("CREATE TABLE IF NOT EXISTS s_tab (w VARCHAR, key VARCHAR, n BIGINT,"
          + " total BIGINT)");
      s.executeUpdate(STATELESS);
      s.executeUpdate(GROUPED);
      s.executeUpdate(WINDOWED);
    }
    System.out.println("done");
  }
}
