package io.velaria.jdbc.durability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Child process of {@link KillDuringInsertTest}: appends batch after batch of ten rows with
 * ids {@code k*10 .. k*10+9} and prints {@code committed k} after each INSERT returns.
 */
public final class InsertLoopMain {
  private InsertLoopMain() {}

  public static void main(String[] args) throws Exception {
    String dir = args[0];
    int first = Integer.parseInt(args[1]);
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + dir);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS t (id BIGINT, batch INT, payload VARCHAR)");
      System.out.println("ready");
      System.out.flush();
      for (int k = first; k < first + 100_000; k++) {
        StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < 10; i++) {
          long id = k * 10L + i;
          sql.append(i == 0 ? "" : ", ").append('(').append(id).append(", ").append(k)
              .append(", 'row-").append(id).append("')");
        }
        s.executeUpdate(sql.toString());
        System.out.println("committed " + k);
        System.out.flush();
      }
    }
  }
}
