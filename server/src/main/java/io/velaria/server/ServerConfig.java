package io.velaria.server;

import io.velaria.engine.session.DatabaseConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of {@code velaria server}, read from a properties file (see docs/server.md) and
 * overridden by command-line options.
 */
public final class ServerConfig {
  public enum Serialization { PROTOBUF, JSON }

  String db = "mem:";
  private String uniqueMemoryName;
  String host = "127.0.0.1";
  int port = 8765;
  Serialization serialization = Serialization.PROTOBUF;
  /** Directories file paths must stay in; empty means the database directory (or cwd). */
  final List<Path> dataRoots = new ArrayList<>();
  String memoryLimit;
  Integer threads;
  boolean readOnly;
  /** Seconds; 0 means no limit. */
  int statementTimeoutSeconds = 300;
  /** Seconds a connection (or statement) may stay unused before the server closes it. */
  int idleTimeoutSeconds = 600;
  int maxConnections = 256;
  /** Seconds graceful shutdown waits for running requests before cancelling them. */
  int shutdownGraceSeconds = 30;
  /** "basic" or "none"; null means basic when users are configured. */
  String auth;
  final Map<String, String> users = new LinkedHashMap<>();
  Path keystore;
  String keystorePassword;
  String keystoreType;
  Path truststore;
  String truststorePassword;

  public static ServerConfig defaults() {
    return new ServerConfig();
  }

  /** Reads a properties file; relative paths in it resolve against the file's directory. */
  public static ServerConfig load(Path file) {
    ServerConfig c = new ServerConfig();
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage());
    }
    Path base = file.toAbsolutePath().getParent();
    for (String key : p.stringPropertyNames()) {
      c.set(key.trim(), p.getProperty(key).trim(), base);
    }
    return c;
  }

  /** Applies one setting (file key or command-line option without the dashes). */
  public ServerConfig set(String key, String value, Path base) {
    String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
    if (k.startsWith("user.")) {
      String name = key.substring(5);
      if (name.isEmpty() || !PasswordHash.isWellFormed(value)) {
        throw new IllegalArgumentException("bad user entry '" + key + "': expected user.NAME="
            + PasswordHash.SCHEME + "$ITERATIONS$SALT$HASH (make one with velaria hash-password)");
      }
      users.put(name, value);
      return this;
    }
    switch (k) {
      case "db": db = value.startsWith("mem:") || value.startsWith("file:") ? value
          : resolve(base, value).toString(); break;
      case "host": host = value; break;
      case "port": port = intValue(k, value); break;
      case "serialization":
        try {
          serialization = Serialization.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("serialization must be protobuf or json, not "
              + value);
        }
        break;
      case "data_root":
        dataRoots.clear();
        for (String s : value.split(java.io.File.pathSeparator)) {
          if (!s.isBlank()) {
            dataRoots.add(resolve(base, s.trim()));
          }
        }
        break;
      case "memory_limit": DatabaseConfig.parseBytes(value); memoryLimit = value; break;
      case "threads": threads = intValue(k, value); break;
      case "read_only": readOnly = Boolean.parseBoolean(value); break;
      case "statement_timeout": statementTimeoutSeconds = intValue(k, value); break;
      case "idle_timeout": idleTimeoutSeconds = Math.max(1, intValue(k, value)); break;
      case "max_connections": maxConnections = Math.max(1, intValue(k, value)); break;
      case "shutdown_grace": shutdownGraceSeconds = Math.max(0, intValue(k, value)); break;
      case "auth":
        auth = value.toLowerCase(Locale.ROOT);
        if (!auth.equals("basic") && !auth.equals("none")) {
          throw new IllegalArgumentException("auth must be basic or none, not " + value);
        }
        break;
      case "tls.keystore": keystore = resolve(base, value); break;
      case "tls.keystore_password": keystorePassword = value; break;
      case "tls.keystore_type": keystoreType = value; break;
      case "tls.truststore": truststore = resolve(base, value); break;
      case "tls.truststore_password": truststorePassword = value; break;
      default:
        throw new IllegalArgumentException("unknown server setting '" + key + "'");
    }
    return this;
  }

  private static Path resolve(Path base, String p) {
    Path path = Path.of(p);
    if (!path.isAbsolute() && base != null) {
      path = base.resolve(path);
    }
    return path.toAbsolutePath().normalize();
  }

  private static int intValue(String key, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not " + v);
    }
  }

  public boolean basicAuth() {
    return auth == null ? !users.isEmpty() : auth.equals("basic");
  }

  public boolean tls() {
    return keystore != null;
  }

  /** Refuses configurations that would be unsafe or cannot work. */
  public void validate() {
    if (basicAuth() && users.isEmpty()) {
      throw new IllegalArgumentException("auth=basic needs at least one user.NAME=... entry");
    }
    if (!basicAuth() && auth == null && !isLoopback(host)) {
      throw new IllegalArgumentException("refusing to listen on " + host + " without"
          + " authentication: add users (velaria hash-password) or set auth=none explicitly");
    }
    if (keystore != null && keystorePassword == null) {
      throw new IllegalArgumentException("tls.keystore needs tls.keystore_password");
    }
    if (keystore != null && !Files.isRegularFile(keystore)) {
      throw new IllegalArgumentException("keystore not found: " + keystore);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The database directory, or null for an in-memory database. */
  Path databaseDirectory() {
    if (db.startsWith("mem:") || db.equals("mem")) {
      return null;
    }
    return Path.of(db.startsWith("file:") ? db.substring(5) : db).toAbsolutePath().normalize();
  }

  /** The data roots in force: the configured ones, else the database directory, else cwd. */
  List<Path> effectiveDataRoots() {
    if (!dataRoots.isEmpty()) {
      return dataRoots;
    }
    Path dir = databaseDirectory();
    return List.of(dir != null ? dir : Path.of("").toAbsolutePath());
  }

  /** The jdbc:velaria: URL every server connection opens, with the server's settings. */
  String engineUrl() {
    String location = db;
    if (location.equals("mem:") || location.equals("mem") || location.isEmpty()) {
      // a private in-memory database, shared by this server's connections only
      if (uniqueMemoryName == null) {
        uniqueMemoryName = "velaria-server-" + java.util.UUID.randomUUID();
      }
      location = "mem:" + uniqueMemoryName;
    }
    StringBuilder url = new StringBuilder("jdbc:velaria:").append(location);
    List<String> roots = new ArrayList<>();
    for (Path r : effectiveDataRoots()) {
      roots.add(r.toString());
    }
    url.append(";data_root=").append(String.join(java.io.File.pathSeparator, roots));
    if (memoryLimit != null) {
      url.append(";memory_limit=").append(memoryLimit);
    }
    if (threads != null) {
      url.append(";threads=").append(threads);
    }
    if (readOnly) {
      url.append(";read_only=true");
    }
    return url.toString();
  }
}
