package io.velaria.engine.session;

import io.velaria.engine.error.VelariaException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a database lives and its settings, parsed from the part of a JDBC URL after
 * {@code jdbc:velaria:} plus connection properties.
 */
public final class DatabaseConfig {
  /** Settings a URL or Properties may carry, with their descriptions (for getPropertyInfo). */
  public static final Map<String, String> SETTINGS = Map.of(
      "read_only", "true to refuse every statement that changes data or the catalog",
      "memory_limit", "per-query memory limit, e.g. 512MB or 2GB (default: 60% of the heap)",
      "threads", "worker threads a query may use (default: number of cores)",
      "data_root", "directories that file paths must stay inside, separated by the path separator",
      "batch_size", "rows per columnar batch (default 4096)",
      "embedding_model", "model that HYBRID SEARCH ... QUERY TEXT must find recorded on the"
          + " column (refused otherwise)");

  private final Path directory;
  private final String memoryName;
  private final Map<String, String> settings;

  private DatabaseConfig(Path directory, String memoryName, Map<String, String> settings) {
    this.directory = directory;
    this.memoryName = memoryName;
    this.settings = settings;
  }

  /**
   * Parses {@code "" | mem: | mem:NAME | /abs/dir | file:rel/dir} followed by optional
   * {@code ;key=value} pairs; properties override nothing set in the URL.
   */
  public static DatabaseConfig parse(String spec, Properties info) {
    String[] parts = spec.split(";");
    String location = parts[0].trim();
    Map<String, String> settings = new LinkedHashMap<>();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        settings.put(key.toLowerCase(Locale.ROOT), info.getProperty(key));
      }
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new VelariaException("08001", "bad URL setting '" + p + "': expected key=value");
      }
      settings.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), p.substring(eq + 1).trim());
    }
    if (location.isEmpty() || location.equals("mem:") || location.equals("mem")) {
      return new DatabaseConfig(null, null, settings);
    }
    if (location.startsWith("mem:")) {
      return new DatabaseConfig(null, location.substring(4), settings);
    }
    String path = location.startsWith("file:") ? location.substring(5) : location;
    return new DatabaseConfig(Path.of(path).toAbsolutePath().normalize(), null, settings);
  }

  public static DatabaseConfig inMemory() {
    return new DatabaseConfig(null, null, new LinkedHashMap<>());
  }

  /** The database directory, or null for an in-memory database. */
  public Path directory() {
    return directory;
  }

  /** The shared name of a named in-memory database, or null. */
  public String memoryName() {
    return memoryName;
  }

  public boolean isPersistent() {
    return directory != null;
  }

  public String setting(String key) {
    return settings.get(key);
  }

  public Map<String, String> settings() {
    return settings;
  }

  public boolean readOnly() {
    return Boolean.parseBoolean(settings.getOrDefault("read_only", "false"));
  }

  public long memoryLimitBytes() {
    String v = settings.get("memory_limit");
    if (v == null) {
      return (long) (Runtime.getRuntime().maxMemory() * 0.6);
    }
    return parseBytes(v);
  }

  public int threads() {
    String v = settings.get("threads");
    int cores = Runtime.getRuntime().availableProcessors();
    if (v == null) {
      return cores;
    }
    try {
      return Math.max(1, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new VelariaException("08001", "bad setting threads=" + v + ": expected a number");
    }
  }

  public int batchSize() {
    String v = settings.get("batch_size");
    return v == null ? 4096 : Math.max(16, Integer.parseInt(v.trim()));
  }

  public List<Path> dataRoots() {
    String v = settings.get("data_root");
    List<Path> roots = new ArrayList<>();
    if (v != null) {
      for (String p : v.split(java.io.File.pathSeparator)) {
        if (!p.isBlank()) {
          roots.add(Path.of(p.trim()).toAbsolutePath().normalize());
        }
      }
    }
    return roots;
  }

  /** Parses sizes like {@code 512MB}, {@code 2GB}, {@code 1048576}. */
  public static long parseBytes(String text) {
    String v = text.trim().toUpperCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    String[][] units = {{"TB", "1099511627776"}, {"GB", "1073741824"}, {"MB", "1048576"},
        {"KB", "1024"}, {"TIB", "1099511627776"}, {"GIB", "1073741824"}, {"MIB", "1048576"},
        {"KIB", "1024"}, {"B", "1"}};
    for (String[] u : units) {
      if (v.endsWith(u[0])) {
        unit = Long.parseLong(u[1]);
        v = v.substring(0, v.length() - u[0].length());
        break;
      }
    }
    try {
      return (long) (Double.parseDouble(v) * unit);
    } catch (NumberFormatException e) {
      throw new VelariaException("08001", "bad size '" + text + "': expected e.g. 512MB or 2GB");
    }
  }
}
