package io.velaria.engine.stream;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.sql.SqlFrontEnd;
import io.velaria.engine.sql.calcite.QueryPlanner;
import io.velaria.engine.sql.parser.SqlSearchQuery;
import io.velaria.engine.sql.parser.SqlWindowBy;
import io.velaria.engine.sql.parser.VelariaSqlSelect;
import io.velaria.engine.storage.MemoryCatalogStore;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * A stream statement {@code INSERT INTO sink SELECT ... FROM source [WHERE] [WINDOW BY]
 * [GROUP BY] [HAVING]} compiled into engine stages that run per micro-batch:
 * <ul>
 *   <li>stateless: one stage, the query itself over the micro-batch, inserted into the sink;</li>
 *   <li>grouped: stage 1 computes partial aggregates of the micro-batch per group key, the
 *       {@link KeyedState} merges them into the running state, and stage 2 computes the select
 *       list and HAVING over the current state rows of the touched groups.</li>
 * </ul>
 * Windows are assigned before stage 1 ({@link WindowAssigner}), which adds the window column.
 */
final class StreamQuery {
  static final String STATE_TABLE = "__velaria_state";

  final String text;
  /** The incarnations of source and sink (see {@link StreamTables#identity}). */
  final String tables;
  final CatalogEntry sourceEntry;
  final CatalogEntry sinkEntry;
  final SqlWindowBy window;
  final WindowAssigner windows;
  final StagePlan stage1;
  final StagePlan stage2;
  final List<KeyedState.Merge> merges;
  final int keyCount;
  /** The private catalog's tables the stages read: the micro-batch and the touched state. */
  private final BatchHolder batchInput;
  private final BatchHolder stateInput;

  private StreamQuery(String text, CatalogEntry sourceEntry, CatalogEntry sinkEntry,
      SqlWindowBy window, WindowAssigner windows, StagePlan stage1, StagePlan stage2,
      List<KeyedState.Merge> merges, int keyCount, BatchHolder batchInput,
      BatchHolder stateInput) {
    this.text = text;
    this.tables = StreamTables.identity(sourceEntry.definition()) + " -> "
        + StreamTables.identity(sinkEntry.definition());
    this.sourceEntry = sourceEntry;
    this.sinkEntry = sinkEntry;
    this.window = window;
    this.windows = windows;
    this.stage1 = stage1;
    this.stage2 = stage2;
    this.merges = merges;
    this.keyCount = keyCount;
    this.batchInput = batchInput;
    this.stateInput = stateInput;
  }

  boolean stateful() {
    return stage2 != null;
  }

  /** A new, empty state for this query's groups. */
  KeyedState newState() {
    List<DataType> types = stage1.outputTypes();
    return new KeyedState(types, keyCount, merges.toArray(new KeyedState.Merge[0]));
  }

  /** Runs one micro-batch through the stages; returns the sink rows. */
  List<Batch> process(List<Batch> input, KeyedState state, Supplier<ExecContext> contexts) {
    List<Batch> rows = windows == null ? input : windows.assign(input);
    batchInput.set(rows);
    try {
      List<Batch> out = stage1.run(contexts);
      if (stage2 == null) {
        return out;
      }
      CrashPoints.reach("state_merging");
      Batch current = state.merge(out);
      stateInput.set(List.of(current));
      return stage2.run(contexts);
    } finally {
      batchInput.set(List.of());
      stateInput.set(List.of());
    }
  }

  // ---- compilation ---------------------------------------------------------------------

  /** Whether an INSERT is a stream statement: into a sink, or from a source table. */
  static boolean isStream(Catalog catalog, SqlNode node) {
    if (!(node instanceof SqlInsert)) {
      return false;
    }
    SqlInsert insert = (SqlInsert) node;
    CatalogEntry target = lookup(catalog, insert.getTargetTable());
    if (target != null && target.definition().kind() == TableKind.SINK) {
      return true;
    }
    SqlNode source = insert.getSource();
    if (source instanceof SqlOrderBy) {
      source = ((SqlOrderBy) source).query;
    }
    if (source instanceof VelariaSqlSelect) {
      return true;
    }
    if (source instanceof SqlSelect) {
      SqlNode from = ((SqlSelect) source).getFrom();
      return from != null && readsSource(catalog, from);
    }
    return false;
  }

  private static boolean readsSource(Catalog catalog, SqlNode from) {
    if (from instanceof SqlJoin) {
      return readsSource(catalog, ((SqlJoin) from).getLeft())
          || readsSource(catalog, ((SqlJoin) from).getRight());
    }
    if (from.getKind() == SqlKind.AS) {
      return readsSource(catalog, ((SqlCall) from).operand(0));
    }
    CatalogEntry e = lookup(catalog, from);
    return e != null && e.definition().kind() == TableKind.SOURCE;
  }

  private static CatalogEntry lookup(Catalog catalog, SqlNode node) {
    if (!(node instanceof SqlIdentifier)) {
      return null;
    }
    SqlIdentifier id = (SqlIdentifier) node;
    String schema = id.names.size() > 1 ? id.names.get(id.names.size() - 2) : null;
    if (schema != null && !schema.equalsIgnoreCase(Catalog.USER_SCHEMA)
        && !schema.equalsIgnoreCase(Catalog.SYSTEM_SCHEMA)) {
      return null;
    }
    return catalog.find(schema, id.names.get(id.names.size() - 1)).orElse(null);
  }

  static VelariaException rejected(String what) {
    return new VelariaException(SqlStates.SYNTAX_ERROR, what);
  }

  static StreamQuery compile(Catalog catalog, SqlInsert insert) {
    String text = insert.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    CatalogEntry sink = lookup(catalog, insert.getTargetTable());
    if (sink == null) {
      throw new VelariaException(SqlStates.UNDEFINED_TABLE, "table '"
          + insert.getTargetTable() + "' does not exist");
    }
    TableKind sinkKind = sink.definition().kind();
    if (sinkKind != TableKind.SINK && sinkKind != TableKind.MANAGED) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "a stream query writes a SINK"
          + " table or a managed table; '" + sink.definition().name() + "' is a "
          + sinkKind.jdbcType().toLowerCase(Locale.ROOT));
    }
    if (sinkKind == TableKind.MANAGED) {
      TableSink.refuseTriggers(sink.definition());
    }
    SqlNode query = insert.getSource();
    if (query instanceof SqlOrderBy) {
      SqlOrderBy ob = (SqlOrderBy) query;
      if (ob.orderList != null && ob.orderList.size() > 0) {
        throw rejected("ORDER BY is not allowed in a stream query: the source is unbounded,"
            + " so there is no last row to sort up to; order when reading the sink");
      }
      throw rejected("LIMIT/OFFSET is not allowed in a stream query over an unbounded source");
    }
    if (query instanceof SqlSearchQuery) {
      throw rejected("KEYWORD SEARCH / HYBRID SEARCH is not allowed in a stream query;"
          + " search the sink table instead");
    }
    if (!(query instanceof SqlSelect)) {
      throw rejected("a stream query is a single SELECT ... FROM <source table>; "
          + query.getKind() + " is not supported");
    }
    SqlSelect select = (SqlSelect) query;
    if (select.getOrderList() != null && select.getOrderList().size() > 0) {
      throw rejected("ORDER BY is not allowed in a stream query: the source is unbounded");
    }
    if (select.getFetch() != null || select.getOffset() != null) {
      throw rejected("LIMIT/OFFSET is not allowed in a stream query over an unbounded source");
    }
    SqlNode from = select.getFrom();
    if (from instanceof SqlJoin) {
      throw rejected("joins are not supported in stream queries: read one SOURCE table");
    }
    SqlNode fromTable = from != null && from.getKind() == SqlKind.AS
        ? ((SqlCall) from).operand(0) : from;
    if (fromTable instanceof SqlSearchQuery || fromTable instanceof SqlCall
        && ((SqlCall) fromTable).getOperator() == SqlSearchQuery.OPERATOR) {
      throw rejected("KEYWORD SEARCH / HYBRID SEARCH is not allowed in a stream query");
    }
    CatalogEntry source = lookup(catalog, fromTable);
    if (source == null || source.definition().kind() != TableKind.SOURCE) {
      String what = fromTable == null ? "nothing" : fromTable.toString();
      throw new VelariaException(source == null && fromTable instanceof SqlIdentifier
          ? SqlStates.UNDEFINED_TABLE : SqlStates.WRONG_OBJECT_TYPE,
          "a stream query reads one SOURCE table directly (no subquery);"
              + " FROM " + what + " is not a source table");
    }
    if (select.getWindowList() != null && select.getWindowList().size() > 0
        || containsKind(select.getSelectList(), SqlKind.OVER)) {
      throw rejected("OVER windows are not supported in stream queries; use WINDOW BY");
    }
    SqlWindowBy window = select instanceof VelariaSqlSelect
        ? ((VelariaSqlSelect) select).windowBy() : null;
    TableDefinition src = source.definition();
    List<ColumnDef> batchColumns = new ArrayList<>(src.columns());
    WindowAssigner windows = null;
    if (window != null) {
      windows = windowAssigner(src, window);
      batchColumns.add(ColumnDef.of(window.alias(), DataType.VARCHAR));
    }
    List<ColumnDef> sinkColumns = sink.definition().columns();

    BatchHolder batchInput = new BatchHolder();
    BatchHolder stateInput = new BatchHolder();
    Catalog priv = new Catalog(new MemoryCatalogStore(), d -> null);
    priv.add(new TableDefinition(Catalog.USER_SCHEMA, src.name(), TableKind.SYSTEM,
        batchColumns, null, Map.of(), null, null), batchInput);
    priv.add(new TableDefinition(Catalog.USER_SCHEMA, sink.definition().name(),
        TableKind.MANAGED, sinkColumns, null, Map.of(), null, "unused"), null);

    String plainSelect = unparse(plain(select));
    // validate the query as written, for errors in the user's terms
    QueryPlanner.Validated checked = new QueryPlanner(priv).validate(
        SqlFrontEnd.parse(plainSelect));
    checkAggregates(checked.node());
    String target = unparse(insert.getTargetTable())
        + (insert.getTargetColumnList() == null || insert.getTargetColumnList().size() == 0
            ? "" : " (" + unparseList(insert.getTargetColumnList()) + ")");

    SqlSelect fresh = (SqlSelect) SqlFrontEnd.parse(plainSelect);
    AggregateSplitter splitter = new AggregateSplitter(fresh.getGroup());
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode item : fresh.getSelectList()) {
      items.add(splitter.rewriteItem(item));
    }
    SqlNode having = fresh.getHaving() == null ? null
        : splitter.rewriteHaving(fresh.getHaving(), fresh.getSelectList());
    boolean grouped = fresh.getGroup() != null && fresh.getGroup().size() > 0
        || !splitter.aggregates().isEmpty() || having != null;
    if (!grouped) {
      StagePlan only = StagePlan.of(priv, "INSERT INTO " + target + " " + plainSelect,
          sinkColumns);
      return new StreamQuery(text, source, sink, window, windows, only, null, List.of(), 0,
          batchInput, stateInput);
    }
    if (select.isDistinct()) {
      throw rejected("SELECT DISTINCT with GROUP BY is not supported in stream queries");
    }
    StringBuilder s1 = new StringBuilder("SELECT ");
    List<String> cols = new ArrayList<>();
    List<SqlNode> groups = splitter.groups();
    for (int i = 0; i < groups.size(); i++) {
      cols.add(unparse(groups.get(i)) + " AS " + quote("__k" + i));
    }
    List<String> partials = splitter.partials();
    for (int i = 0; i < partials.size(); i++) {
      cols.add(partials.get(i) + " AS " + quote("__p" + i));
    }
    s1.append(String.join(", ", cols)).append(" FROM ").append(unparse(fresh.getFrom()));
    if (fresh.getWhere() != null) {
      s1.append(" WHERE ").append(unparse(fresh.getWhere()));
    }
    if (!groups.isEmpty()) {
      s1.append(" GROUP BY ").append(unparseList(fresh.getGroup()));
    }
    StagePlan stage1 = StagePlan.of(priv, s1.toString(), null);
    List<ColumnDef> stateColumns = new ArrayList<>();
    List<DataType> types = stage1.outputTypes();
    for (int i = 0; i < types.size(); i++) {
      String name = i < groups.size() ? "__k" + i : "__p" + (i - groups.size());
      stateColumns.add(ColumnDef.of(name, types.get(i)));
    }
    priv.add(new TableDefinition(Catalog.USER_SCHEMA, STATE_TABLE, TableKind.SYSTEM,
        stateColumns, null, Map.of(), null, null), stateInput);
    List<String> out = new ArrayList<>();
    for (SqlNode item : items) {
      out.add(unparse(item));
    }
    String s2 = "INSERT INTO " + target + " SELECT " + String.join(", ", out) + " FROM "
        + quote(STATE_TABLE) + (having == null ? "" : " WHERE " + unparse(having));
    StagePlan stage2 = StagePlan.of(priv, s2, sinkColumns);
    return new StreamQuery(text, source, sink, window, windows, stage1, stage2,
        splitter.merges(), groups.size(), batchInput, stateInput);
  }

  private static WindowAssigner windowAssigner(TableDefinition src, SqlWindowBy w) {
    if (w.every() <= 0 || w.slide() <= 0) {
      throw rejected("WINDOW BY: EVERY and SLIDE must be positive milliseconds");
    }
    if (w.slide() > w.every()) {
      throw rejected("WINDOW BY: SLIDE " + w.slide() + " may not exceed EVERY " + w.every());
    }
    int time = src.columnIndex(w.timeColumn());
    if (time < 0) {
      throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "WINDOW BY: column '"
          + w.timeColumn() + "' does not exist in source table '" + src.name() + "'");
    }
    TypeKind k = src.columns().get(time).type().kind();
    if (k != TypeKind.TINYINT && k != TypeKind.SMALLINT && k != TypeKind.INTEGER
        && k != TypeKind.BIGINT && k != TypeKind.TIMESTAMP) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "WINDOW BY: column '"
          + w.timeColumn() + "' must be epoch milliseconds (an integer) or a TIMESTAMP, not "
          + src.columns().get(time).type().sqlName());
    }
    if (src.columnIndex(w.alias()) >= 0) {
      throw new VelariaException(SqlStates.DUPLICATE_COLUMN, "WINDOW BY ... AS " + w.alias()
          + ": the source already has a column of that name");
    }
    return new WindowAssigner(time, w.every(), w.slide());
  }

  /** The SELECT without its WINDOW BY clause (that clause is applied by the runtime). */
  private static SqlSelect plain(SqlSelect s) {
    return new SqlSelect(s.getParserPosition(), (SqlNodeList) s.getOperandList().get(0),
        s.getSelectList(), s.getFrom(), s.getWhere(), s.getGroup(), s.getHaving(),
        s.getWindowList(), s.getQualify(), null, null, null, s.getHints());
  }

  private static void checkAggregates(SqlNode validated) {
    validated.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getOperator().isAggregator()) {
          String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
          if (!AggregateSplitter.SUPPORTED.contains(name)) {
            throw rejected("aggregate " + name + " is not supported in stream queries"
                + " (COUNT, SUM, MIN, MAX and AVG are)");
          }
          if (call.getFunctionQuantifier() != null) {
            throw rejected(name + "(DISTINCT ...) is not supported in stream queries");
          }
        }
        if (call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.WITHIN_GROUP) {
          throw rejected("aggregate FILTER / WITHIN GROUP is not supported in stream queries");
        }
        if (call.getKind() == SqlKind.ROLLUP || call.getKind() == SqlKind.CUBE
            || call.getKind() == SqlKind.GROUPING_SETS) {
          throw rejected("ROLLUP, CUBE and GROUPING SETS are not supported in stream queries");
        }
        return super.visit(call);
      }
    });
  }

  private static boolean containsKind(SqlNode node, SqlKind kind) {
    boolean[] found = {false};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == kind) {
          found[0] = true;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  static String unparse(SqlNode node) {
    return node.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
  }

  private static String unparseList(SqlNodeList list) {
    List<String> out = new ArrayList<>();
    for (SqlNode n : list) {
      out.add(unparse(n));
    }
    return String.join(", ", out);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
