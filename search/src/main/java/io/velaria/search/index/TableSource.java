package io.velaria.search.index;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.storage.TableData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A table an index is built from: its rows in scan order (the engine's row ordinals) and a
 * fingerprint of its state. Managed tables: storage id and data version (which every
 * INSERT/UPDATE/DELETE bumps). External files: path, size and modification time of the file
 * (or of every file under a directory), so rewriting the file makes the index stale.
 */
final class TableSource {
  private final Database database;
  private final CatalogEntry entry;

  private TableSource(Database database, CatalogEntry entry) {
    this.database = database;
    this.entry = entry;
  }

  static TableSource of(Database database, String schema, String table) {
    CatalogEntry e = database.catalog().find(schema, table).orElseThrow(() ->
        new VelariaException(SqlStates.UNDEFINED_TABLE, "table '" + table + "' does not exist"));
    TableKind kind = e.definition().kind();
    if (kind != TableKind.MANAGED && kind != TableKind.EXTERNAL) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "'" + table + "' is a "
          + kind.name().toLowerCase(java.util.Locale.ROOT)
          + ": search indexes are built on tables (managed or external files)");
    }
    return new TableSource(database, e);
  }

  TableDefinition definition() {
    return entry.definition();
  }

  /** The declared column of that name (any case), or an error naming the table. */
  ColumnDef column(String name) {
    int i = definition().columnIndex(name);
    if (i < 0) {
      throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "column '" + name
          + "' does not exist in table '" + definition().name() + "'");
    }
    return definition().columns().get(i);
  }

  String fingerprint() {
    TableDefinition def = definition();
    if (def.kind() == TableKind.MANAGED) {
      return "managed " + def.storageId() + " v" + entry.runtime(TableData.class).version();
    }
    String path = def.options().get("path");
    if (path == null) {
      return "external " + def.format() + " (no path)";
    }
    Path file = database.tableSpec(def.name(), def.columns(), def.options()).workingDirectory().resolve(path);
    StringBuilder out = new StringBuilder("file ").append(file);
    try {
      if (Files.isDirectory(file)) {
        try (Stream<Path> files = Files.walk(file)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
            out.append(' ').append(f.getFileName()).append(':').append(stamp(f));
          }
        }
      } else if (Files.exists(file)) {
        out.append(' ').append(stamp(file));
      } else {
        out.append(" missing");
      }
    } catch (IOException e) {
      out.append(" unreadable");
    }
    return out.toString();
  }

  private static String stamp(Path f) throws IOException {
    return Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis();
  }

  /**
   * The rows in scan order, only the named columns, in that order. Managed tables: the
   * committed snapshot. External tables: one reader over the whole file.
   */
  Iterator<Batch> rows(List<String> columns) {
    int[] idx = new int[columns.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = definition().columnIndex(columns.get(i));
    }
    if (definition().kind() == TableKind.MANAGED) {
      List<Batch> projected = new ArrayList<>();
      for (Batch b : entry.runtime(TableData.class).snapshot()) {
        projected.add(b.project(idx));
      }
      return projected.iterator();
    }
    BatchReader reader = entry.runtime(ConnectorTable.class)
        .read(new ReadRequest(idx, List.of(), -1));
    return new Iterator<>() {
      private Batch next = advance();

      private Batch advance() {
        Batch b = reader.next();
        if (b == null) {
          reader.close();
        }
        return b;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Batch next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Batch b = next;
        next = advance();
        return b;
      }
    };
  }
}
