package io.velaria.engine.stream;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** {@code CREATE SOURCE TABLE} / {@code CREATE SINK TABLE} and their catalog runtime side. */
public final class StreamTables {
  private StreamTables() {}

  /** Creates a SOURCE or SINK table; {@code source} false means SINK. */
  public static void create(Database db, String schema, String name, boolean source,
      List<ColumnDef> columns, String format, Map<String, String> options) {
    String kind = source ? "SOURCE" : "SINK";
    if (columns.isEmpty()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "CREATE " + kind + " TABLE " + name
          + " needs its columns declared");
    }
    if (format == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "CREATE " + kind + " TABLE " + name
          + " needs USING csv|json|parquet (or a registered stream connector)");
    }
    String f = format.toLowerCase(Locale.ROOT);
    boolean custom = source ? StreamConnectors.source(f) != null : StreamConnectors.sink(f) != null;
    if (!custom) {
      db.connector(f); // unknown formats fail here with the list of known ones
      if (options.get("path") == null) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "CREATE " + kind + " TABLE " + name
            + " needs OPTIONS(path: '" + (source ? "<directory>" : "<file or directory/>")
            + "')");
      }
    }
    StreamOptions.nonNegativeLong(options, StreamOptions.SETTLE_MS, 0);
    StreamOptions.skipErrors(options);
    Map<String, String> withId = new LinkedHashMap<>(options);
    withId.put(StreamOptions.TABLE_ID, UUID.randomUUID().toString());
    TableDefinition def = new TableDefinition(schema, name,
        source ? TableKind.SOURCE : TableKind.SINK, columns, f, withId, null, null);
    if (source && !custom) {
      Path dir = StreamEndpoints.resolvedPath(db, def);
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "source table '" + name
            + "': cannot create directory " + dir + ": " + e, e);
      }
      new FileDirectorySource(db, def); // checks options
    }
    if (source && custom) {
      // the provider checks its options when opened: bad ones fail here, not at the first run
      try (var opened = StreamEndpoints.source(db, def)) {
        // opened only to check
      } catch (VelariaException e) {
        throw e;
      } catch (Exception e) {
        throw new VelariaException(SqlStates.IO_ERROR, "source table '" + name
            + "': closing the source after checking it failed: " + e, e);
      }
    }
    if (!source) {
      try (var sink = StreamEndpoints.sink(db, new io.velaria.engine.catalog.CatalogEntry(def,
          null, null))) {
        // opening checks path and format
      }
    }
    db.catalog().add(def, open(db, def));
  }

  /**
   * Which incarnation of a table a stream checkpoint belongs to: a managed table's storage id,
   * a SOURCE/SINK table's {@code stream_table_id}; both are new for every CREATE.
   */
  static String identity(TableDefinition def) {
    String id = def.kind() == TableKind.MANAGED ? def.storageId()
        : def.options().get(StreamOptions.TABLE_ID);
    return def.name().toLowerCase(Locale.ROOT) + "#" + (id == null ? "" : id);
  }

  /**
   * The runtime side of a SOURCE or SINK catalog entry. A file source reads like a table over
   * its directory (a snapshot of the files present); sinks and custom sources are read only by
   * stream queries.
   */
  public static Object open(Database db, TableDefinition def) {
    if (def.kind() == TableKind.SOURCE && StreamConnectors.source(def.format()) == null) {
      Map<String, String> options = StreamOptions.forConnector(def.options());
      return db.connector(def.format()).open(db.tableSpec(def.name(), def.columns(), options));
    }
    return new StreamOnlyTable(def);
  }

  /** A table that only stream queries read or write. */
  private record StreamOnlyTable(TableDefinition def) implements ConnectorTable {
    @Override
    public List<ColumnDef> columns() {
      return def.columns();
    }

    @Override
    public long estimatedRowCount() {
      return -1;
    }

    @Override
    public BatchReader read(ReadRequest request) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "cannot SELECT from "
          + def.kind().jdbcType().toLowerCase(Locale.ROOT) + " '" + def.name()
          + "': it is used by stream queries (INSERT INTO ... SELECT ... FROM a source)");
    }

    @Override
    public String describe() {
      return def.kind() + " " + def.format();
    }
  }

}
