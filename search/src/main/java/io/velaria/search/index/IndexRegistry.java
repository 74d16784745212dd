package io.velaria.search.index;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.type.TypeKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The persistent search indexes of one database. A persistent database keeps each index in
 * {@code <database>/search-indexes/<name>/}: {@code index.properties} and the Lucene files of
 * the current generation in {@code g<n>/}; a rebuild writes generation n+1, switches the
 * properties file (the commit point) and then deletes generation n. A {@code mem:} database
 * keeps them in Lucene's in-memory directories.
 *
 * <p>Staleness: every use compares the table's fingerprint ({@link TableSource}) with the one
 * the index was built from; when the table changed, the index is rebuilt when a search runs,
 * before it answers (so results always reflect the table). Planning does not rebuild:
 * EXPLAIN says the index is stale and will be rebuilt when the query runs.
 */
final class IndexRegistry implements AutoCloseable {
  static final String DIR_NAME = "search-indexes";

  private final Database database;
  /** Null for in-memory databases. */
  private final Path root;
  private final Map<String, Loaded> indexes = new LinkedHashMap<>();

  /** A definition and its open index ({@link HnswVectorIndex} or {@link Bm25KeywordIndex}). */
  record Loaded(IndexDefinition definition, AutoCloseable index, Directory memory) {}

  IndexRegistry(Database database) {
    this.database = database;
    this.root = database.config().isPersistent()
        ? database.config().directory().resolve(DIR_NAME) : null;
    if (root != null && Files.isDirectory(root)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
        for (Path d : dirs) {
          if (Files.exists(d.resolve(IndexDefinition.FILE_NAME))) {
            IndexDefinition def = IndexDefinition.read(d);
            indexes.put(def.name(), new Loaded(def, null, null));
            deleteOtherGenerations(d, def.generationDir());
          } else {
            deleteRecursively(d); // a CREATE that did not finish
          }
        }
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR,
            "cannot list search indexes in " + root + ": " + e, e);
      }
    }
  }

  synchronized boolean exists(String name) {
    return indexes.containsKey(name.toLowerCase(Locale.ROOT));
  }

  synchronized List<IndexDefinition> definitions() {
    List<IndexDefinition> out = new ArrayList<>();
    indexes.values().forEach(l -> out.add(l.definition()));
    return out;
  }

  /** CREATE KEYWORD|VECTOR INDEX: validates, builds, registers. */
  synchronized void create(String name, IndexDefinition.Kind kind, String schema, String table,
      List<String> columns, String using, Map<String, Object> with, boolean ifNotExists) {
    String key = name.toLowerCase(Locale.ROOT);
    if (indexes.containsKey(key)) {
      if (ifNotExists) {
        return;
      }
      throw new VelariaException(SqlStates.DUPLICATE_TABLE, "index '" + name + "' already exists");
    }
    TableSource source = TableSource.of(database, schema, table);
    List<String> declared = new ArrayList<>();
    int dimension = 0;
    Map<String, String> options = new LinkedHashMap<>();
    for (String c : columns) {
      declared.add(source.column(c).name());
    }
    if (kind == IndexDefinition.Kind.VECTOR) {
      if (using != null && !using.equals("hnsw")) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "unknown vector index method '" + using + "'; use USING hnsw");
      }
      if (columns.size() != 1) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "a vector index is built on exactly one VECTOR column, got " + columns.size());
      }
      ColumnDef col = source.column(columns.get(0));
      if (col.type().kind() != TypeKind.VECTOR) {
        throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + col.name()
            + "' is " + col.type() + ", not a VECTOR: cannot build a vector index on it");
      }
      dimension = col.type().dimension();
      options.putAll(HnswParams.fromOptions(with).toOptions());
    } else {
      if (using != null) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "a keyword index takes no USING method (it is a Lucene BM25 index)");
      }
      for (String c : columns) {
        TypeKind k = source.column(c).type().kind();
        if (k != TypeKind.VARCHAR && k != TypeKind.CHAR) {
          throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + c + "' is "
              + source.column(c).type() + ": a keyword index needs text columns");
        }
      }
      String analyzer = KeywordIndexes.canonicalAnalyzer(null);
      for (Map.Entry<String, Object> e : with.entrySet()) {
        if (!e.getKey().equals("analyzer")) {
          throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown keyword index option '"
              + e.getKey() + "'; use analyzer");
        }
        analyzer = KeywordIndexes.canonicalAnalyzer(String.valueOf(e.getValue()));
      }
      options.put("analyzer", analyzer);
    }
    IndexDefinition def = new IndexDefinition(key, kind, source.definition().schema(),
        source.definition().name(), declared, options, dimension, 0, "", 0);
    indexes.put(key, build(def, source, true));
  }

  /**
   * The index over exactly these columns. With {@code rebuildIfStale} (a search about to
   * run) a stale index is rebuilt first and opened; without (planning, EXPLAIN) nothing is
   * built: a stale index comes back unopened, marked stale, so EXPLAIN can say it will be
   * rebuilt and explaining a query never costs a build.
   */
  synchronized Optional<Used> find(IndexDefinition.Kind kind, String schema, String table,
      List<String> columns, java.util.function.Predicate<IndexDefinition> fits,
      boolean rebuildIfStale) {
    for (Map.Entry<String, Loaded> e : indexes.entrySet()) {
      IndexDefinition def = e.getValue().definition();
      if (def.kind() != kind || !def.schema().equalsIgnoreCase(schema)
          || !def.table().equalsIgnoreCase(table) || !sameColumns(def.columns(), columns)
          || !fits.test(def)) {
        continue;
      }
      TableSource source = TableSource.of(database, schema, table);
      boolean stale = !source.fingerprint().equals(def.fingerprint());
      if (stale && !rebuildIfStale) {
        return Optional.of(new Used(def, null, true));
      }
      Loaded loaded = stale ? build(def, source, false) : open(e.getValue());
      e.setValue(loaded);
      return Optional.of(new Used(loaded.definition(), loaded.index(), stale));
    }
    return Optional.empty();
  }

  /**
   * An index handed to a search. {@code stale}: the table changed since the last build; the
   * index was rebuilt by this lookup, or (lookups that do not rebuild) {@code index} is null.
   */
  record Used(IndexDefinition definition, AutoCloseable index, boolean stale) {}

  synchronized boolean drop(String name) {
    Loaded l = indexes.remove(name.toLowerCase(Locale.ROOT));
    if (l == null) {
      return false;
    }
    closeQuietly(l);
    if (root != null) {
      deleteRecursively(root.resolve(l.definition().name()));
    }
    return true;
  }

  /** Rebuilds the named index, or all indexes of the named table. */
  synchronized boolean reindex(String indexOrTable) {
    String key = indexOrTable.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (Loaded l : indexes.values()) {
      if (l.definition().name().equals(key) || l.definition().table().equalsIgnoreCase(key)) {
        names.add(l.definition().name());
      }
    }
    for (String n : names) {
      IndexDefinition def = indexes.get(n).definition();
      indexes.put(n, build(def, TableSource.of(database, def.schema(), def.table()), false));
    }
    return !names.isEmpty();
  }

  synchronized void tableDropped(String schema, String table) {
    for (IndexDefinition def : definitions()) {
      if (def.schema().equalsIgnoreCase(schema) && def.table().equalsIgnoreCase(table)) {
        drop(def.name());
      }
    }
  }

  /**
   * Builds generation n+1 of {@code def} from the table and commits it (properties switch),
   * then removes generation n. On failure nothing changes (and a new index is not created).
   */
  private Loaded build(IndexDefinition def, TableSource source, boolean fresh) {
    String fingerprint = source.fingerprint();
    long generation = fresh ? 1 : def.generation() + 1;
    Path indexDir = root == null ? null : root.resolve(def.name());
    Path genDir = indexDir == null ? null : indexDir.resolve("g" + generation);
    try {
      if (genDir != null) {
        if (Files.exists(genDir)) {
          deleteRecursively(genDir);
        }
        Files.createDirectories(genDir);
      }
      Directory dir = genDir == null ? new ByteBuffersDirectory() : FSDirectory.open(genDir);
      long rows;
      try {
        if (def.kind() == IndexDefinition.Kind.VECTOR) {
          rows = HnswVectorIndex.build(dir, source.rows(def.columns()), 0, def.dimension(),
              params(def)).rows();
        } else {
          rows = Bm25KeywordIndex.build(dir, source.rows(def.columns()),
              columnPositions(def.columns().size()), def.options().get("analyzer"));
        }
      } finally {
        if (genDir != null) {
          dir.close();
        }
      }
      IndexDefinition built = def.rebuilt(rows, fingerprint, generation);
      if (indexDir != null) {
        built.write(indexDir);
        deleteOtherGenerations(indexDir, built.generationDir());
      }
      // an older reader may still serve a search that started before; it is left to the GC
      // rather than closed under it
      Loaded next = new Loaded(built, null, genDir == null ? dir : null);
      return open(next);
    } catch (IOException e) {
      if (fresh && indexDir != null) {
        deleteRecursively(indexDir);
      }
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot build search index '" + def.name() + "': " + e, e);
    } catch (RuntimeException e) {
      if (fresh && indexDir != null) {
        deleteRecursively(indexDir);
      }
      throw e;
    }
  }

  /** Opens the Lucene index of a registered definition if not open yet. */
  private Loaded open(Loaded l) {
    if (l.index() != null) {
      return l;
    }
    IndexDefinition def = l.definition();
    try {
      Directory dir = l.memory() != null ? l.memory()
          : FSDirectory.open(root.resolve(def.name()).resolve(def.generationDir()));
      AutoCloseable index = def.kind() == IndexDefinition.Kind.VECTOR
          ? HnswVectorIndex.open(dir, def.rows(), def.dimension(), params(def))
          : Bm25KeywordIndex.open(dir, def.rows(), def.options().get("analyzer"));
      return new Loaded(def, index, l.memory());
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "search index '" + def.name()
          + "' cannot be opened (REINDEX " + def.name() + " rebuilds it): " + e, e);
    }
  }

  static HnswParams params(IndexDefinition def) {
    Map<String, Object> with = new LinkedHashMap<>(def.options());
    return HnswParams.fromOptions(with);
  }

  private static int[] columnPositions(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static boolean sameColumns(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void deleteOtherGenerations(Path indexDir, String keep) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(indexDir, Files::isDirectory)) {
      for (Path d : dirs) {
        if (!d.getFileName().toString().equals(keep)) {
          deleteRecursively(d);
        }
      }
    } catch (IOException e) {
      // leftovers are removed at the next open
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(Loaded l) {
    try {
      if (l.index() != null) {
        l.index().close();
      }
    } catch (Exception e) {
      // closing a reader does not write
    }
  }

  @Override
  public synchronized void close() {
    indexes.values().forEach(IndexRegistry::closeQuietly);
    indexes.clear();
  }
}
