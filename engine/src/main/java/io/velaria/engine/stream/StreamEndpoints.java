package io.velaria.engine.stream;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.stream.spi.StreamSink;
import io.velaria.engine.stream.spi.StreamSinkProvider;
import io.velaria.engine.stream.spi.StreamSource;
import io.velaria.engine.stream.spi.StreamSourceProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Opens the source and sink of a stream query from their catalog entries. */
final class StreamEndpoints {
  private StreamEndpoints() {}

  static StreamSource source(Database db, TableDefinition def) {
    StreamSourceProvider custom = StreamConnectors.source(def.format());
    if (custom != null) {
      return custom.open(db.tableSpec(def.name(), def.columns(), withoutTableId(def)));
    }
    return new FileDirectorySource(db, def);
  }

  static StreamSink sink(Database db, CatalogEntry entry) {
    TableDefinition def = entry.definition();
    if (def.kind() == TableKind.MANAGED) {
      return new TableSink(db, entry);
    }
    StreamSinkProvider custom = StreamConnectors.sink(def.format());
    if (custom != null) {
      return custom.open(db.tableSpec(def.name(), def.columns(), withoutTableId(def)));
    }
    Map<String, String> options = StreamOptions.forConnector(def.options());
    Path path = resolvedPath(db, def);
    List<ColumnDef> cols = def.columns();
    if (isDirectory(def, path)) {
      return new DirectorySink(db, def.name(), def.format(), cols, options, path);
    }
    if (def.format().toLowerCase(Locale.ROOT).equals("parquet")) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "sink table '" + def.name()
          + "': a parquet file cannot be appended to; give a directory path ending in '/'");
    }
    return new FileSink(db, def.name(), def.format(), cols, options, path);
  }

  /** The options a custom provider sees: as declared, without the runtime's table id. */
  private static Map<String, String> withoutTableId(TableDefinition def) {
    Map<String, String> options = new java.util.LinkedHashMap<>(def.options());
    options.remove(StreamOptions.TABLE_ID);
    return options;
  }

  static Path resolvedPath(Database db, TableDefinition def) {
    TableSpec spec = db.tableSpec(def.name(), def.columns(), def.options());
    String raw = spec.option("path");
    if (raw == null || raw.isBlank()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "table '" + def.name()
          + "' needs OPTIONS(path: '...')");
    }
    Path p = Path.of(raw);
    return spec.workingDirectory() == null || p.isAbsolute() ? p
        : spec.workingDirectory().resolve(p);
  }

  static boolean isDirectory(TableDefinition def, Path path) {
    String raw = def.options().get("path");
    return Files.isDirectory(path) || raw.endsWith("/") || raw.endsWith(java.io.File.separator);
  }

  /**
   * Where a stream's checkpoint lives: option checkpoint_path of the sink, else the database
   * directory, else beside a file sink's output; null (in memory) otherwise.
   */
  static Path checkpointDirectory(Database db, CatalogEntry sink, String key) {
    TableDefinition def = sink.definition();
    String custom = def.options().get(StreamOptions.CHECKPOINT_PATH);
    if (custom != null) {
      return Path.of(custom).resolve(key);
    }
    if (db.config().isPersistent()) {
      return db.config().directory().resolve("streams").resolve(key);
    }
    if (def.kind() == TableKind.SINK && StreamConnectors.sink(def.format()) == null) {
      Path path = resolvedPath(db, def).toAbsolutePath();
      if (isDirectory(def, path)) {
        return path.resolve("_checkpoints").resolve(key);
      }
      return path.getParent().resolve("." + path.getFileName() + ".checkpoints").resolve(key);
    }
    return null;
  }
}
