package io.velaria.engine.session;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Confines file paths named in table OPTIONS to the directories of the {@code data_root}
 * setting. A path is allowed when, after resolving it against the working directory,
 * removing {@code .} and {@code ..} and following every symbolic link of the part that
 * exists, it lies inside the real path of one of the roots. Anything else fails with SQLState
 * 42501. With no roots configured nothing is checked (the embedded default).
 */
public final class DataRoots {
  private final List<Path> roots;

  /** {@code roots} as configured; each is resolved to its real path when it exists. */
  public DataRoots(List<Path> roots) {
    List<Path> real = new ArrayList<>();
    for (Path r : roots) {
      Path abs = r.toAbsolutePath().normalize();
      real.add(realPrefix(abs));
    }
    this.roots = List.copyOf(real);
  }

  public boolean isEnabled() {
    return !roots.isEmpty();
  }

  public List<Path> roots() {
    return roots;
  }

  /** True for option keys that name files or directories. */
  static boolean isPathOption(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.equals("path") || k.equals("paths") || k.equals("location") || k.equals("file")
        || k.equals("dir") || k.equals("directory") || k.endsWith("_path")
        || k.endsWith("_dir") || k.endsWith("_file") || k.endsWith("_location");
  }

  /** Checks every path-like option; relative paths resolve against {@code cwd}. */
  public void checkOptions(String table, Map<String, String> options, Path cwd) {
    if (roots.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getValue() == null || !isPathOption(e.getKey())) {
        continue;
      }
      if (e.getKey().equalsIgnoreCase("paths")) {
        for (String p : e.getValue().split(",")) {
          if (!p.isBlank()) {
            check(table, p.trim(), cwd);
          }
        }
      } else {
        check(table, e.getValue(), cwd);
      }
    }
  }

  /** Returns the confined absolute path, or throws SQLState 42501. */
  public Path check(String table, String text, Path cwd) {
    if (roots.isEmpty()) {
      return null;
    }
    String t = text.trim();
    if (t.startsWith("file:")) {
      t = t.substring(5);
    }
    Path p;
    try {
      p = Path.of(t);
    } catch (InvalidPathException ex) {
      throw denied(table, text);
    }
    if (!p.isAbsolute()) {
      p = (cwd == null ? Path.of("") : cwd).resolve(p);
    }
    Path lexical = p.toAbsolutePath().normalize();
    Path real = realPrefix(lexical);
    for (Path root : roots) {
      if (lexical.startsWith(root) && real.startsWith(root)) {
        return lexical;
      }
    }
    throw denied(table, text);
  }

  private VelariaException denied(String table, String text) {
    return new VelariaException(SqlStates.INSUFFICIENT_PRIVILEGE,
        "path '" + text + "'" + (table == null ? "" : " of table " + table)
            + " is outside the data roots this server allows: " + roots);
  }

  /**
   * The real path of the longest existing prefix of {@code p} (symbolic links followed),
   * with the rest of the names appended. Also follows a dangling link at the end, so a link
   * pointing out of a root cannot be created now and filled later.
   */
  static Path realPrefix(Path p) {
    Path existing = p;
    List<Path> rest = new ArrayList<>();
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest.add(0, existing.getFileName());
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    Path real;
    try {
      if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
        // dangling link: judge it by where it points
        Path target = Files.readSymbolicLink(existing);
        Path parent = existing.getParent();
        Path resolved = (parent == null ? target : parent.resolve(target)).normalize();
        real = resolved.equals(existing) ? existing : realPrefix(resolved);
      } else {
        real = existing.toRealPath();
      }
    } catch (IOException e) {
      real = existing;
    }
    for (Path name : rest) {
      real = real.resolve(name.toString());
    }
    return real.normalize();
  }
}
