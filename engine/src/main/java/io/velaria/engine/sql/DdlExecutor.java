package io.velaria.engine.sql;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.FormatProber;
import io.velaria.engine.sql.calcite.QueryPlanner;
import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.sql.parser.SqlColumnDeclaration;
import io.velaria.engine.sql.parser.SqlCopyTo;
import io.velaria.engine.sql.parser.SqlCreateVelariaIndex;
import io.velaria.engine.sql.parser.SqlCreateVelariaTable;
import io.velaria.engine.sql.parser.SqlCreateVelariaView;
import io.velaria.engine.sql.parser.SqlDropVelariaIndex;
import io.velaria.engine.sql.parser.SqlDropVelariaTable;
import io.velaria.engine.sql.parser.SqlDropVelariaView;
import io.velaria.engine.sql.parser.SqlStartStream;
import io.velaria.engine.sql.parser.SqlStopStream;
import io.velaria.engine.sql.parser.SqlVectorTypeNameSpec;
import io.velaria.engine.sql.parser.VelariaSqlSelect;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;

/** CREATE/DROP of tables, views and indexes, and statements later features will run. */
final class DdlExecutor {
  private final Database database;
  private final StatementRunner runner;

  DdlExecutor(Database database, StatementRunner runner) {
    this.database = database;
    this.runner = runner;
  }

  /** Query-shaped statements that need a feature of their own; null for ordinary queries. */
  StatementResult specialQuery(SqlNode node) {
    if (node instanceof VelariaSqlSelect && ((VelariaSqlSelect) node).windowBy() != null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "WINDOW BY belongs to stream queries:"
          + " INSERT INTO <sink> SELECT ... FROM <source table> WINDOW BY ...");
    }
    return null;
  }

  StatementResult execute(SqlNode node, List<Object> params, QueryControl control) {
    StatementResult embeddingIndex = EmbeddingIndexDdl.handle(database, runner, node, control);
    if (embeddingIndex != null) {
      return embeddingIndex;
    }
    if (node instanceof SqlCreateVelariaTable) {
      return createTable((SqlCreateVelariaTable) node, params, control);
    }
    if (node instanceof SqlDropVelariaTable) {
      return dropTable((SqlDropVelariaTable) node);
    }
    if (node instanceof SqlCreateVelariaView) {
      return createView((SqlCreateVelariaView) node);
    }
    if (node instanceof SqlDropVelariaView) {
      return dropView((SqlDropVelariaView) node);
    }
    if (node instanceof SqlCreateVelariaIndex) {
      return createIndex((SqlCreateVelariaIndex) node);
    }
    if (node instanceof SqlDropVelariaIndex) {
      return dropIndex((SqlDropVelariaIndex) node);
    }
    if (node instanceof io.velaria.engine.sql.parser.SqlReindex) {
      return reindex((io.velaria.engine.sql.parser.SqlReindex) node);
    }
    if (node instanceof SqlStartStream) {
      io.velaria.engine.stream.StreamStatements.start(runner.session(), (SqlStartStream) node);
      return StatementResult.updateCount(0);
    }
    if (node instanceof SqlStopStream) {
      io.velaria.engine.stream.StreamStatements.stop(runner.session(), (SqlStopStream) node);
      return StatementResult.updateCount(0);
    }
    if (node instanceof SqlCopyTo) {
      return copyTo((SqlCopyTo) node, params, control);
    }
    if (node instanceof io.velaria.engine.sql.parser.SqlCreateTrigger) {
      return new Triggers(database, runner).create(
          (io.velaria.engine.sql.parser.SqlCreateTrigger) node);
    }
    if (node instanceof io.velaria.engine.sql.parser.SqlDropTrigger) {
      return new Triggers(database, runner).drop(
          (io.velaria.engine.sql.parser.SqlDropTrigger) node);
    }
    throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
        "statement not supported: " + node.getKind());
  }

  static VelariaException notYet(String what) {
    return new VelariaException(SqlStates.NOT_SUPPORTED_YET, what + " is not supported yet");
  }

  // ---- tables ------------------------------------------------------------------------

  private StatementResult createTable(SqlCreateVelariaTable create, List<Object> params,
      QueryControl control) {
    String name = simpleName(create.name());
    String schema = schemaOf(create.name());
    Catalog catalog = database.catalog();
    if (catalog.find(schema, name).isPresent()) {
      if (create.ifNotExists()) {
        return StatementResult.updateCount(0);
      }
      throw new VelariaException(SqlStates.DUPLICATE_TABLE,
          "table or view '" + name + "' already exists");
    }
    if (create.tableKind() != SqlCreateVelariaTable.TableKind.TABLE) {
      io.velaria.engine.stream.StreamTables.create(database, schema, name,
          create.tableKind() == SqlCreateVelariaTable.TableKind.SOURCE,
          columns(create.columns(), create.primaryKey()), create.format(),
          options(create.options()));
      return StatementResult.updateCount(0);
    }
    List<ColumnDef> declared = columns(create.columns(), create.primaryKey());
    Map<String, String> options = options(create.options());
    String format = create.format() == null ? null : create.format().toLowerCase(Locale.ROOT);
    if (format == null && options.containsKey("path")) {
      format = probeFormat(name, declared, options);
    }
    if (format != null) {
      if (create.query() != null) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "CREATE TABLE ... USING " + format + " AS SELECT is not supported; create the table,"
                + " then INSERT INTO it");
      }
      ConnectorTable table = database.connector(format).open(
          database.tableSpec(name, declared, options));
      TableDefinition def = new TableDefinition(schema, name, TableKind.EXTERNAL,
          table.columns(), format, options, null, null);
      catalog.add(def, table);
      return StatementResult.updateCount(0);
    }
    if (!options.isEmpty()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "OPTIONS need a file: add path: '...' or USING <format>");
    }
    if (create.query() != null) {
      return createTableAs(schema, name, declared, create.query(), params, control);
    }
    if (declared.isEmpty()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "CREATE TABLE " + name + " needs a column list, a query or a file path");
    }
    createManaged(schema, name, declared, PrimaryKey.option(create.primaryKey()));
    return StatementResult.updateCount(0);
  }

  /**
   * {@code COPY (query) TO 'path' (FORMAT parquet|csv|json, ...)}: runs the query and writes
   * its rows with the format's connector writer; other options go to the writer (e.g.
   * compression, delimiter, header). Without FORMAT the path's extension decides. An existing
   * file at the path is replaced; a path ending in '/' is a directory of part files.
   */
  private StatementResult copyTo(SqlCopyTo copy, List<Object> params, QueryControl control) {
    Map<String, String> options = options(copy.options());
    String format = options.remove("format");
    if (format == null) {
      String p = copy.path().toLowerCase(Locale.ROOT);
      format = p.endsWith(".parquet") ? "parquet" : p.endsWith(".json") || p.endsWith(".jsonl")
          || p.endsWith(".ndjson") ? "json" : p.endsWith(".tsv") ? "tsv"
          : p.endsWith(".csv") ? "csv" : null;
      if (format == null) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "COPY TO '" + copy.path()
            + "': add (FORMAT parquet|csv|json)");
      }
    }
    format = format.toLowerCase(Locale.ROOT);
    options.put("path", copy.path());
    QueryPlanner planner = new QueryPlanner(database.catalog());
    QueryPlanner.Validated v = planner.validate(copy.query());
    List<ColumnDef> cols = new ArrayList<>();
    for (RelDataTypeField f : v.rowType().getFieldList()) {
      DataType t = TypeMapping.fromRel(f.getType());
      cols.add(new ColumnDef(f.getName(), t.kind() == io.velaria.engine.type.TypeKind.NULL
          ? DataType.VARCHAR : t, true));
    }
    io.velaria.engine.spi.TableSpec spec = database.tableSpec("copy", cols, options);
    java.nio.file.Path target = spec.workingDirectory() == null
        ? java.nio.file.Path.of(copy.path())
        : spec.workingDirectory().resolve(copy.path());
    if (!copy.path().endsWith("/") && java.nio.file.Files.isRegularFile(target)) {
      try {
        java.nio.file.Files.delete(target);
      } catch (java.io.IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot replace " + target + ": " + e, e);
      }
    }
    io.velaria.engine.plan.PlanNode plan = runner.toPlan(planner.toRel(v));
    io.velaria.engine.exec.ExecContext ctx = runner.newContext(params, control);
    io.velaria.engine.spi.TableWriter writer = database.connector(format).writer(spec, cols);
    long count = 0;
    boolean done = false;
    try (io.velaria.engine.exec.operator.Operator op =
        new io.velaria.engine.exec.ExecutionPlanner(ctx).build(plan)) {
      io.velaria.engine.column.Batch b;
      while ((b = op.next()) != null) {
        ctx.checkCancelled();
        if (b.rowCount() > 0) {
          writer.write(b);
          count += b.rowCount();
        }
      }
      writer.commit();
      done = true;
    } finally {
      if (!done) {
        writer.abort();
      }
      writer.close();
    }
    return StatementResult.updateCount(count);
  }

  private CatalogEntry createManaged(String schema, String name, List<ColumnDef> columns) {
    return createManaged(schema, name, columns, Map.of());
  }

  private CatalogEntry createManaged(String schema, String name, List<ColumnDef> columns,
      Map<String, String> options) {
    String storageId = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "-"
        + UUID.randomUUID().toString().substring(0, 8);
    TableData data = database.tableStore().create(storageId, columns);
    TableDefinition def = new TableDefinition(schema, name, TableKind.MANAGED, columns, null,
        options, null, storageId);
    try {
      return database.catalog().add(def, data);
    } catch (RuntimeException e) {
      database.tableStore().drop(storageId);
      throw e;
    }
  }

  private StatementResult createTableAs(String schema, String name, List<ColumnDef> declared,
      SqlNode query, List<Object> params, QueryControl control) {
    QueryPlanner planner = new QueryPlanner(database.catalog());
    SqlNode copy = query.clone(query.getParserPosition());
    QueryPlanner.Validated validated = planner.validate(copy);
    RelDataType rowType = validated.rowType();
    List<ColumnDef> cols = new ArrayList<>();
    Map<String, String> embedOptions = new java.util.LinkedHashMap<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    if (!declared.isEmpty() && declared.size() != fields.size()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "CREATE TABLE " + name + " declares "
          + declared.size() + " columns but the query returns " + fields.size());
    }
    for (int i = 0; i < fields.size(); i++) {
      DataType t = TypeMapping.fromRel(fields.get(i).getType());
      if (t.kind() == io.velaria.engine.type.TypeKind.NULL) {
        t = DataType.VARCHAR;
      }
      String col = declared.isEmpty() ? fields.get(i).getName() : declared.get(i).name();
      io.velaria.engine.spi.EmbeddingProvider model = t.isVectorOfAnyDimension()
          ? io.velaria.engine.embed.EmbedCalls.modelOf(validated.node(), i) : null;
      if (model != null) {
        t = DataType.vector(model.dimension());
        embedOptions.putAll(new io.velaria.engine.embed.EmbeddingColumn(col, model.name(),
            model.dimension(), null).options());
      }
      cols.add(new ColumnDef(col, t, true));
    }
    CatalogEntry entry = createManaged(schema, name, cols, embedOptions);
    SqlInsert insert = new SqlInsert(SqlParserPos.ZERO, SqlNodeList.EMPTY,
        new SqlIdentifier(List.of(schema, name), SqlParserPos.ZERO), query, null);
    try {
      return runner.execute(insert, params, control);
    } catch (RuntimeException e) {
      database.catalog().remove(schema, name);
      database.tableStore().drop(entry.definition().storageId());
      throw e;
    }
  }

  private List<ColumnDef> columns(List<SqlColumnDeclaration> decls, List<String> primaryKey) {
    List<ColumnDef> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SqlColumnDeclaration d : decls) {
      if (!seen.add(d.name().toLowerCase(Locale.ROOT))) {
        throw new VelariaException(SqlStates.DUPLICATE_COLUMN,
            "column '" + d.name() + "' is declared twice");
      }
      boolean inKey = primaryKey.stream().anyMatch(k -> k.equalsIgnoreCase(d.name()));
      out.add(new ColumnDef(d.name(), typeOf(d.type()), d.nullable() && !inKey));
    }
    return out;
  }

  private DataType typeOf(SqlDataTypeSpec spec) {
    if (spec.getTypeNameSpec() instanceof SqlVectorTypeNameSpec) {
      return DataType.vector(((SqlVectorTypeNameSpec) spec.getTypeNameSpec()).dimension());
    }
    QueryPlanner planner = new QueryPlanner(database.catalog());
    try {
      RelDataType t = spec.deriveType(planner.newValidator());
      return TypeMapping.fromRel(t);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  private static Map<String, String> options(LinkedHashMap<String, Object> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      Object v = e.getValue();
      out.put(e.getKey().toLowerCase(Locale.ROOT), v instanceof java.math.BigDecimal
          ? ((java.math.BigDecimal) v).toPlainString() : String.valueOf(v));
    }
    return out;
  }

  /**
   * The format of a file table created without USING: the first {@link FormatProber} found by
   * ServiceLoader (the connectors module probes the content) decides and may add options (such
   * as a delimiter), which are stored with the table; without a prober, the extension decides.
   */
  private String probeFormat(String name, List<ColumnDef> declared,
      Map<String, String> options) {
    for (FormatProber p : ServiceLoader.load(FormatProber.class,
        DdlExecutor.class.getClassLoader())) {
      FormatProber.Probe probe = p.probe(database.tableSpec(name, declared, options));
      if (probe != null) {
        probe.options().forEach(options::putIfAbsent);
        return probe.format();
      }
    }
    return formatFromPath(options.get("path"));
  }

  /** The format a path's extension suggests, when no prober is installed. */
  private static String formatFromPath(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".csv") || p.endsWith(".csv.gz")) {
      return "csv";
    }
    if (p.endsWith(".tsv") || p.endsWith(".tab")) {
      return "tsv";
    }
    int dot = p.lastIndexOf('.');
    String ext = dot < 0 ? "" : p.substring(dot + 1);
    throw new VelariaException(SqlStates.SYNTAX_ERROR,
        "cannot tell the format of '" + path + "'" + (ext.isEmpty() ? "" : " (." + ext + ")")
            + ": add USING csv|json|line|parquet|excel|arrow");
  }

  private StatementResult dropTable(SqlDropVelariaTable drop) {
    String name = simpleName(drop.name());
    String schema = schemaOf(drop.name());
    var found = database.catalog().find(schema, name);
    if (found.isEmpty() || found.get().definition().kind() == TableKind.SYSTEM) {
      if (drop.ifExists() && found.isEmpty()) {
        return StatementResult.updateCount(0);
      }
      throw new VelariaException(found.isEmpty() ? SqlStates.UNDEFINED_TABLE
          : SqlStates.WRONG_OBJECT_TYPE, found.isEmpty() ? "table '" + name + "' does not exist"
          : "'" + name + "' is a system table and cannot be dropped");
    }
    TableDefinition def = found.get().definition();
    if (def.kind() == TableKind.VIEW) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          "'" + name + "' is a view: use DROP VIEW");
    }
    checkNoDependentViews(def, drop.cascade());
    io.velaria.engine.stream.StreamCheckpoints.tableDropped(database, def);
    database.catalog().remove(def.schema(), def.name());
    if (def.kind() == TableKind.MANAGED) {
      database.tableStore().drop(def.storageId());
    }
    database.indexes().values().removeIf(t -> t.equalsIgnoreCase(def.name()));
    SearchIndexDdl.tableDropped(database, def.schema(), def.name());
    return StatementResult.updateCount(0);
  }

  /**
   * Refuses to drop a table or view another view reads, unless CASCADE, which drops those views
   * too (and the views that read them).
   */
  private void checkNoDependentViews(TableDefinition table, boolean cascade) {
    for (CatalogEntry e : new ArrayList<>(database.catalog().entries())) {
      TableDefinition v = e.definition();
      if (v.kind() != TableKind.VIEW || v == table
          || database.catalog().find(v.schema(), v.name()).isEmpty()) {
        continue;
      }
      if (mentions(v.viewSql(), table.name())) {
        if (!cascade) {
          throw new VelariaException("2BP01", "view '" + v.name() + "' depends on '"
              + table.name() + "': drop the view first or use CASCADE");
        }
        database.catalog().remove(v.schema(), v.name());
        checkNoDependentViews(v, true);
      }
    }
  }

  private static boolean mentions(String sql, String table) {
    String quoted = "\"" + table + "\"";
    return sql != null && sql.toLowerCase(Locale.ROOT).contains(quoted.toLowerCase(Locale.ROOT));
  }

  // ---- views -------------------------------------------------------------------------

  private StatementResult createView(SqlCreateVelariaView create) {
    String name = simpleName(create.name());
    String schema = schemaOf(create.name());
    var existing = database.catalog().find(schema, name);
    if (existing.isPresent()) {
      if (create.ifNotExists()) {
        return StatementResult.updateCount(0);
      }
      if (!create.orReplace() || existing.get().definition().kind() != TableKind.VIEW) {
        throw new VelariaException(SqlStates.DUPLICATE_TABLE,
            "table or view '" + name + "' already exists");
      }
    }
    String sql = create.query().toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    QueryPlanner planner = new QueryPlanner(database.catalog());
    RelDataType rowType = planner.validate(SqlFrontEnd.parse(sql)).rowType();
    List<String> names = create.columnNames();
    if (!names.isEmpty() && names.size() != rowType.getFieldCount()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "view " + name + " names "
          + names.size() + " columns but its query returns " + rowType.getFieldCount());
    }
    List<ColumnDef> cols = new ArrayList<>();
    List<ColumnDef> queryCols = TypeMapping.columns(rowType);
    for (int i = 0; i < queryCols.size(); i++) {
      ColumnDef c = queryCols.get(i);
      cols.add(new ColumnDef(names.isEmpty() ? c.name() : names.get(i), c.type(), c.nullable()));
    }
    if (!names.isEmpty()) {
      sql = "SELECT * FROM (" + sql + ") AS v (" + String.join(", ", names.stream()
          .map(n -> SqlDialect.DatabaseProduct.CALCITE.getDialect().quoteIdentifier(n))
          .toList()) + ")";
    }
    if (existing.isPresent()) {
      database.catalog().remove(schema, name);
    }
    database.catalog().add(new TableDefinition(schema, name, TableKind.VIEW, cols, null,
        Map.of(), sql, null), null);
    return StatementResult.updateCount(0);
  }

  private StatementResult dropView(SqlDropVelariaView drop) {
    String name = simpleName(drop.name());
    var found = database.catalog().find(schemaOf(drop.name()), name);
    if (found.isEmpty()) {
      if (drop.ifExists()) {
        return StatementResult.updateCount(0);
      }
      throw new VelariaException(SqlStates.UNDEFINED_TABLE, "view '" + name + "' does not exist");
    }
    if (found.get().definition().kind() != TableKind.VIEW) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          "'" + name + "' is a table: use DROP TABLE");
    }
    checkNoDependentViews(found.get().definition(), drop.cascade());
    database.catalog().remove(found.get().definition().schema(), found.get().definition().name());
    return StatementResult.updateCount(0);
  }

  // ---- indexes -----------------------------------------------------------------------

  private StatementResult createIndex(SqlCreateVelariaIndex create) {
    switch (create.indexKind()) {
      case KEYWORD:
      case VECTOR:
        return SearchIndexDdl.create(database, create);
      case EMBEDDING:
        throw notYet("CREATE " + create.indexKind() + " INDEX");
      default:
        break;
    }
    CatalogEntry table = database.catalog().get(schemaOf(create.table()),
        simpleName(create.table()));
    for (String c : create.columns()) {
      if (table.definition().columnIndex(c) < 0) {
        throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "column '" + c
            + "' does not exist in table '" + table.definition().name() + "'");
      }
    }
    String key = simpleName(create.name()).toLowerCase(Locale.ROOT);
    if ((SearchIndexDdl.exists(database, key)
        || database.indexes().putIfAbsent(key, table.definition().name()) != null)
        && !create.ifNotExists()) {
      throw new VelariaException(SqlStates.DUPLICATE_TABLE,
          "index '" + simpleName(create.name()) + "' already exists");
    }
    // plain indexes are accepted for compatibility; scans are fast enough without them
    return StatementResult.updateCount(0);
  }

  private StatementResult dropIndex(SqlDropVelariaIndex drop) {
    String key = simpleName(drop.name()).toLowerCase(Locale.ROOT);
    if (database.indexes().remove(key) == null && !SearchIndexDdl.drop(database, key)
        && !drop.ifExists()) {
      throw new VelariaException(SqlStates.UNDEFINED_TABLE,
          "index '" + simpleName(drop.name()) + "' does not exist");
    }
    return StatementResult.updateCount(0);
  }

  /** Plain indexes are no-ops, so REINDEX only checks that the index or table exists. */
  private StatementResult reindex(io.velaria.engine.sql.parser.SqlReindex reindex) {
    if (reindex.name() != null) {
      String name = simpleName(reindex.name());
      if (!SearchIndexDdl.reindex(database, name)
          && !database.indexes().containsKey(name.toLowerCase(Locale.ROOT))
          && database.catalog().find(schemaOf(reindex.name()), name).isEmpty()) {
        throw new VelariaException(SqlStates.UNDEFINED_TABLE,
            "index or table '" + name + "' does not exist");
      }
    }
    return StatementResult.updateCount(0);
  }

  static String simpleName(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  static String schemaOf(SqlIdentifier id) {
    if (id.names.size() > 1) {
      String s = id.names.get(id.names.size() - 2);
      return s.equalsIgnoreCase(Catalog.SYSTEM_SCHEMA) ? Catalog.SYSTEM_SCHEMA : Catalog.USER_SCHEMA;
    }
    return Catalog.USER_SCHEMA;
  }
}
