package io.velaria.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Starts a real server on 127.0.0.1 with a free port for a test. */
final class ServerFixture implements AutoCloseable {
  final VelariaServer server;
  final ServerConfig config;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();

  ServerFixture(ServerConfig config) throws SQLException {
    this.config = config;
    config.port = 0;
    config.host = "127.0.0.1";
    this.server = new VelariaServer(config, new PrintStream(log, true)).start();
  }

  static ServerConfig config(String db, Path dataRoot) {
    ServerConfig c = ServerConfig.defaults();
    c.db = db;
    if (dataRoot != null) {
      c.dataRoots.add(dataRoot.toAbsolutePath().normalize());
    }
    c.shutdownGraceSeconds = 5;
    return c;
  }

  String url(String serialization) {
    return "jdbc:avatica:remote:url=http://127.0.0.1:" + server.port() + ";serialization="
        + serialization;
  }

  Connection connect(String serialization) throws SQLException {
    return DriverManager.getConnection(url(serialization), new Properties());
  }

  VelariaServerMeta meta() {
    return server.meta();
  }

  @Override
  public void close() {
    server.close();
  }
}
