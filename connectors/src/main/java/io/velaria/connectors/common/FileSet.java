package io.velaria.connectors.common;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files behind option {@code path}: one file, every visible regular file of a directory
 * (names starting with {@code .} or {@code _} are skipped), or the files matching a glob such
 * as {@code /data/2026-*.csv} or {@code /data/** /*.parquet}. Files are listed in name order
 * and listed again on every read, so files added later are seen.
 */
public final class FileSet {
  private final String text;
  private final Path path;
  private final boolean glob;
  private final String pattern;

  private FileSet(String text, Path path, boolean glob, String pattern) {
    this.text = text;
    this.path = path;
    this.glob = glob;
    this.pattern = pattern;
  }

  /** Resolves option {@code path} of a table (relative to the working directory). */
  public static FileSet of(TableSpec spec) {
    String text = spec.option("path");
    if (text == null || text.isBlank()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'path' is required for table " + spec.tableName());
    }
    boolean glob = hasGlob(text);
    if (!glob) {
      return new FileSet(text, FilePaths.resolve(spec), false, null);
    }
    String abs = text;
    if (!text.startsWith("/") && spec.workingDirectory() != null) {
      abs = spec.workingDirectory().toAbsolutePath().toString() + "/" + text;
    }
    return new FileSet(text, Paths.get(abs.substring(0, baseEnd(abs))).toAbsolutePath()
        .normalize(), true, abs);
  }

  public static boolean hasGlob(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  /** Index just past the last '/' before the first glob character. */
  private static int baseEnd(String text) {
    int first = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        first = i;
        break;
      }
    }
    int slash = text.lastIndexOf('/', first);
    return slash < 0 ? 0 : Math.max(slash, 1);
  }

  /** True when the path names a directory or a glob (several files, maybe none yet). */
  public boolean isMulti() {
    return glob || Files.isDirectory(path) || text.endsWith("/");
  }

  /** The file, the directory or the directory a glob starts from. */
  public Path path() {
    return path;
  }

  /** True when the path names a directory, existing or not (written with a final '/'). */
  public boolean isDirectory() {
    return !glob && (Files.isDirectory(path) || text.endsWith("/"));
  }

  /** What the user wrote, resolved: for messages and EXPLAIN. */
  public String display() {
    return glob ? pattern : path.toString();
  }

  /** The files, in name order; fails with 58030 when there are none. */
  public List<Path> files() {
    List<Path> out = list();
    if (out.isEmpty()) {
      throw new VelariaException(SqlStates.IO_ERROR, glob
          ? "no file matches " + pattern : Files.isDirectory(path)
          ? "directory " + path + " holds no data files" : "file not found: " + path);
    }
    return out;
  }

  /** The files, in name order, possibly none. A plain missing file is an error (58030). */
  public List<Path> list() {
    if (!glob) {
      if (text.endsWith("/") && !Files.exists(path)) {
        return List.of(); // a directory to be created by the first write
      }
      if (Files.isDirectory(path)) {
        return FilePaths.dataFiles(path);
      }
      FilePaths.checkReadableFile(path);
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    PathMatcher m;
    try {
      m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (IllegalArgumentException e) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "invalid glob '" + text + "': "
          + e.getMessage(), e);
    }
    int depth = pattern.contains("**") ? Integer.MAX_VALUE
        : (int) pattern.substring(baseEnd(pattern)).chars().filter(c -> c == '/').count();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(path, Math.max(depth, 1))) {
      s.filter(FileSet::visibleFile).filter(m::matches).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot list " + path + ": " + e, e);
    }
    return out;
  }

  private static boolean visibleFile(Path p) {
    String n = p.getFileName().toString();
    return !n.startsWith(".") && !n.startsWith("_") && Files.isRegularFile(p); // as dataFiles
  }

  /** Parses a boolean option ({@code true/false}, any case); fails with 42000 otherwise. */
  public static boolean booleanOption(TableSpec spec, String key, boolean dflt) {
    String v = spec.option(key);
    if (v == null) {
      return dflt;
    }
    switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true": case "yes": case "1": return true;
      case "false": case "no": case "0": return false;
      default:
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "option '" + key + "' must be 'true' or 'false', not '" + v + "'");
    }
  }

  /** Fails with 42000 on an option not in {@code known}. */
  public static void checkOptions(TableSpec spec, String format, java.util.Collection<String> known) {
    for (String k : spec.options().keySet()) {
      if (!known.contains(k)) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown option '" + k + "' for "
            + format + " tables; valid options: " + String.join(", ", known));
      }
    }
  }
}
