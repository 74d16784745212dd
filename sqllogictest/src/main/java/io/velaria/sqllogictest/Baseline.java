package io.velaria.sqllogictest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Known failures per test file, kept in the repository as
 * {@code src/main/resources/io/velaria/sqllogictest/baseline.txt}: one failure key a line
 * ({@code test/file.test:LINE} or {@code test/file.test:statement#N}), optionally followed by
 * {@code  # message}; blank lines and lines starting with {@code #} are comments.
 */
public final class Baseline {
  public static final String RESOURCE = "/io/velaria/sqllogictest/baseline.txt";
  /** The path of the baseline in the source tree, relative to the sqllogictest module. */
  public static final String SOURCE_PATH = "src/main/resources/io/velaria/sqllogictest/baseline.txt";

  private final Map<String, Map<String, String>> byFile = new TreeMap<>();

  public static Baseline load() {
    InputStream in = Baseline.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      return new Baseline();
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Baseline load(Path path) throws IOException {
    if (!Files.exists(path)) {
      return new Baseline();
    }
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return parse(r);
    }
  }

  static Baseline parse(Reader reader) throws IOException {
    Baseline b = new Baseline();
    BufferedReader r = new BufferedReader(reader);
    String line;
    while ((line = r.readLine()) != null) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String comment = "";
      int hash = t.indexOf(" #");
      if (hash >= 0) {
        comment = t.substring(hash + 2).strip();
        t = t.substring(0, hash).strip();
      }
      b.add(t, comment);
    }
    return b;
  }

  void add(String key, String comment) {
    String file = fileOf(key);
    byFile.computeIfAbsent(file, f -> new TreeMap<>(Comparator.comparing(SltRunner::sortKey)))
        .put(key, comment);
  }

  static String fileOf(String key) {
    int colon = key.lastIndexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  /** Known failure keys of a file (empty when it should pass completely). */
  public Set<String> keys(String file) {
    Map<String, String> m = byFile.get(file);
    return m == null ? Set.of() : m.keySet();
  }

  public int size() {
    return byFile.values().stream().mapToInt(Map::size).sum();
  }

  /** Replaces the entries of the files that were run by their current failures. */
  public void replace(Collection<SltRunner.FileResult> results) {
    for (SltRunner.FileResult r : results) {
      byFile.remove(r.file());
      for (SltRunner.Failure f : r.failures()) {
        add(f.key(), f.message());
      }
    }
  }

  public void write(Path path) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# Known failures of Velaria in the SQLite sqllogictest suite (net.hydromatic:"
        + "sql-logic-test:0.3).");
    lines.add("# One key a line: test/FILE:LINE for a query (LINE as the library counts it), or");
    lines.add("# test/FILE:statement#N when the N-th statement failed and the rest of the file");
    lines.add("# was abandoned. Regenerate with SltMain --update-baseline (see README.md).");
    lines.add("# Every entry is a bug to fix; the list should only shrink.");
    for (Map.Entry<String, Map<String, String>> e : byFile.entrySet()) {
      for (Map.Entry<String, String> k : e.getValue().entrySet()) {
        String msg = k.getValue().replace('\n', ' ');
        lines.add(msg.isEmpty() ? k.getKey() : k.getKey() + " # " + msg);
      }
    }
    Files.createDirectories(path.toAbsolutePath().getParent());
    Files.write(path, lines, StandardCharsets.UTF_8);
  }

  /** Keys failing now that the baseline does not list. */
  public static Set<String> newFailures(Set<String> known, Set<String> now) {
    Set<String> out = new TreeSet<>(now);
    out.removeAll(known);
    return out;
  }

  /** Baselined keys that passed in this run. */
  public static Set<String> fixed(Set<String> known, Set<String> now) {
    Set<String> out = new TreeSet<>(known);
    out.removeAll(now);
    return out;
  }
}
