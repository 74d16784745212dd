package io.velaria.server;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Velaria Avatica HTTP server: {@link HttpServer} + {@link LocalService} over
 * {@link VelariaServerMeta} (Avatica's JdbcMeta in front of the {@code jdbc:velaria:} driver),
 * bound to the configured host (127.0.0.1 by default), with Basic authentication, TLS, data
 * roots, statement and idle timeouts, and graceful shutdown.
 */
public final class VelariaServer implements AutoCloseable {
  private final ServerConfig config;
  private final PrintStream log;
  private VelariaServerMeta meta;
  private GuardHandler guard;
  private HttpServer http;
  private Connection anchor;
  private ScheduledExecutorService watchdog;
  private volatile boolean stopped;
  private int port = -1;

  public VelariaServer(ServerConfig config, PrintStream log) {
    this.config = config;
    this.log = log;
  }

  /** Starts listening; returns once the port is bound. */
  public synchronized VelariaServer start() throws SQLException {
    config.validate();
    io.velaria.jdbc.VelariaDriver.class.getName(); // registers the driver
    // Keeps the database open (and a named in-memory one alive) while the server runs, and
    // opens it first so its settings (data roots, memory limit) are the ones in force.
    anchor = DriverManager.getConnection(config.engineUrl());
    meta = new VelariaServerMeta(config);
    guard = new GuardHandler(config.users, config.basicAuth());
    LocalService service = new LocalService(MetaErrors.wrap(meta));
    HttpServer.Builder<Server> builder = HttpServer.Builder.<Server>newBuilder()
        .withPort(config.port)
        .withHandler(service, config.serialization == ServerConfig.Serialization.JSON
            ? Serialization.JSON : Serialization.PROTOBUF);
    if (config.tls()) {
      java.io.File ks = config.keystore.toFile();
      java.io.File ts = config.truststore != null ? config.truststore.toFile() : ks;
      String tsPassword = config.truststorePassword != null ? config.truststorePassword
          : config.keystorePassword;
      if (config.keystoreType != null) {
        builder.withTLS(ks, config.keystorePassword, ts, tsPassword, config.keystoreType);
      } else {
        builder.withTLS(ks, config.keystorePassword, ts, tsPassword);
      }
    }
    ServerCustomizer<Server> customizer = server -> {
      for (Connector c : server.getConnectors()) {
        if (c instanceof ServerConnector) {
          ((ServerConnector) c).setHost(config.host);
          // an idle keep-alive HTTP connection is closed after this (the JDBC connection
          // lives on until idle_timeout)
          ((ServerConnector) c).setIdleTimeout(
              Math.min(60_000L, config.idleTimeoutSeconds * 1000L));
        }
      }
      guard.setHandler(server.getHandler());
      server.setHandler(guard);
      server.setStopTimeout(Math.max(1000L, config.shutdownGraceSeconds * 1000L));
    };
    builder.withServerCustomizers(List.of(customizer), Server.class);
    http = builder.build();
    try {
      http.start();
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
    port = http.getPort();
    watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "velaria-server-watchdog");
      t.setDaemon(true);
      return t;
    });
    watchdog.scheduleWithFixedDelay(this::checkDisconnected, 200, 200, TimeUnit.MILLISECONDS);
    long every = Math.max(200, Math.min(5000, config.idleTimeoutSeconds * 250L));
    watchdog.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
    log.println("velaria server listening on " + url() + " (" + config.serialization
        .name().toLowerCase(java.util.Locale.ROOT) + ", auth "
        + (config.basicAuth() ? "basic, " + config.users.size() + " user(s)" : "none")
        + ", database " + config.db + ", data roots " + config.effectiveDataRoots() + ")");
    return this;
  }

  private void maintain() {
    try {
      meta.maintain();
    } catch (RuntimeException e) {
      // keep the schedule going
    }
  }

  /** Cancels the statement of every request whose client closed the connection. */
  private void checkDisconnected() {
    try {
      meta.touchRunning();
      for (Map.Entry<Thread, EndPoint> e : guard.inFlight().entrySet()) {
        VelariaServerMeta.Running r = meta.runningOn(e.getKey());
        if (r == null || r.cancelled
            || System.nanoTime() - r.startNanos < TimeUnit.MILLISECONDS.toNanos(300)) {
          continue;
        }
        if (GuardHandler.clientGone(e.getValue())) {
          meta.cancelRunningOn(e.getKey());
        }
      }
    } catch (RuntimeException e) {
      // keep the schedule going
    }
  }

  public int port() {
    return port;
  }

  /** The Avatica remote URL clients use. */
  public String url() {
    String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
    return "jdbc:avatica:remote:url=" + (config.tls() ? "https" : "http") + "://" + host + ":"
        + port + ";serialization=" + config.serialization.name();
  }

  public VelariaServerMeta meta() {
    return meta;
  }

  public int inFlightRequests() {
    return guard == null ? 0 : guard.inFlightCount();
  }

  /**
   * Graceful shutdown: new requests get 503, running ones may finish for up to
   * shutdown_grace seconds, then running statements are cancelled, every statement and
   * connection is closed (files released) and the database is closed.
   */
  @Override
  public synchronized void close() {
    if (stopped || http == null) {
      return;
    }
    stopped = true;
    guard.startShutdown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.shutdownGraceSeconds);
    while (guard.inFlightCount() > 0 && System.nanoTime() < deadline) {
      sleep(20);
    }
    if (guard.inFlightCount() > 0) {
      log.println("velaria server: cancelling " + meta.runningStatementCount()
          + " running statement(s)");
      meta.cancelAll();
      long cancelDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (guard.inFlightCount() > 0 && System.nanoTime() < cancelDeadline) {
        sleep(20);
      }
    }
    closeQuietly();
    log.println("velaria server stopped");
  }

  private void closeQuietly() {
    if (watchdog != null) {
      watchdog.shutdownNow();
    }
    try {
      if (http != null) {
        http.stop();
      }
    } catch (RuntimeException e) {
      // already stopped
    }
    if (meta != null) {
      meta.closeAll();
    }
    try {
      if (anchor != null) {
        anchor.close();
      }
    } catch (SQLException e) {
      // closing anyway
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM), then shuts down gracefully. */
  public void runUntilStopped() throws InterruptedException {
    Thread hook = new Thread(this::close, "velaria-server-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    while (!stopped) {
      Thread.sleep(500);
    }
  }
}
