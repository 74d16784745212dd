package io.velaria.search.index;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a persistent search index is and what it was built from, kept as
 * {@code index.properties} beside the Lucene files of each generation.
 *
 * @param name index name, lower case
 * @param kind keyword or vector
 * @param columns indexed columns as declared in the table
 * @param options analyzer (keyword) or metric, m, ef_construction, ef_search (vector)
 * @param dimension vector dimension, 0 for keyword indexes
 * @param rows rows indexed (= Lucene documents)
 * @param fingerprint the table's state at build time ({@link TableSource#fingerprint()})
 * @param generation the sub-directory {@code g<generation>} holding the Lucene files
 */
record IndexDefinition(String name, Kind kind, String schema, String table, List<String> columns,
    Map<String, String> options, int dimension, long rows, String fingerprint, long generation) {
  static final String FILE_NAME = "index.properties";

  enum Kind { KEYWORD, VECTOR }

  IndexDefinition {
    columns = List.copyOf(columns);
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  IndexDefinition rebuilt(long newRows, String newFingerprint, long newGeneration) {
    return new IndexDefinition(name, kind, schema, table, columns, options, dimension, newRows,
        newFingerprint, newGeneration);
  }

  String generationDir() {
    return "g" + generation;
  }

  /** Replaces {@code dir/index.properties} atomically. */
  void write(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("name", name);
    p.setProperty("kind", kind.name());
    p.setProperty("schema", schema);
    p.setProperty("table", table);
    p.setProperty("columns", String.join("\u0001", columns));
    options.forEach((k, v) -> p.setProperty("option." + k, v));
    p.setProperty("dimension", Integer.toString(dimension));
    p.setProperty("rows", Long.toString(rows));
    p.setProperty("fingerprint", fingerprint);
    p.setProperty("generation", Long.toString(generation));
    StringWriter text = new StringWriter();
    p.store(text, "Velaria search index");
    Path temp = dir.resolve(FILE_NAME + ".tmp");
    Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
    Files.move(temp, dir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  static IndexDefinition read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
      Map<String, String> options = new LinkedHashMap<>();
      for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
        if (key.startsWith("option.")) {
          options.put(key.substring("option.".length()), p.getProperty(key));
        }
      }
      List<String> columns = new ArrayList<>(Arrays.asList(
          require(p, "columns").split("\u0001")));
      return new IndexDefinition(require(p, "name"), Kind.valueOf(require(p, "kind")),
          require(p, "schema"), require(p, "table"), columns, options,
          Integer.parseInt(require(p, "dimension")), Long.parseLong(require(p, "rows")),
          require(p, "fingerprint"), Long.parseLong(require(p, "generation")));
    } catch (IOException | RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "search index file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String require(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v;
  }
}
