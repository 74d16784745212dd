package io.velaria.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** A child-JVM client for FaultTest: runs one long query and is killed while it runs. */
public final class SlowClient {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0]);
         Statement st = c.createStatement()) {
      System.out.println("connected");
      System.out.flush();
      try (ResultSet rs = st.executeQuery(args[1])) {
        rs.next();
        System.out.println("finished " + rs.getLong(1));
      }
    }
  }
}
