package io.velaria.engine.sql;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.ExecutionPlanner;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.ExprCompiler;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.plan.PlanNode;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.sql.calcite.QueryPlanner;
import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * INSERT, DELETE and UPDATE. Managed tables change atomically: an INSERT computes all its rows
 * first and appends them in one commit; DELETE and UPDATE compute the table's new content and
 * replace it in one commit, so a failure leaves the table as it was.
 */
final class DmlExecutor {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final Database database;
  private final StatementRunner runner;
  private final Triggers triggers;

  DmlExecutor(Database database, StatementRunner runner) {
    this.database = database;
    this.runner = runner;
    this.triggers = new Triggers(database, runner);
  }

  /**
   * INSERT plans by statement text: trigger bodies and batched PreparedStatements run the same
   * INSERT text many times, and parsing and planning it costs milliseconds each time.
   */
  private final Map<String, CachedInsert> insertPlans = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, CachedInsert> eldest) {
      return size() > 32;
    }
  };

  /** A planned INSERT, valid while the catalog has {@code catalogVersion}. */
  private record CachedInsert(long catalogVersion, SqlNode target, boolean upsert,
      List<ResultColumn> produced, PlanNode plan) {}

  /**
   * Runs {@code sql} if it is an INSERT planned before under the current catalog, without
   * parsing it again; returns -1 when it is not.
   */
  long insertIfPlanned(String sql, List<Object> params, QueryControl control) {
    CachedInsert cached;
    synchronized (insertPlans) {
      cached = insertPlans.get(sql);
    }
    if (cached == null || cached.catalogVersion() != database.catalog().version()) {
      return -1;
    }
    CatalogEntry target = resolveTarget(cached.target());
    return Triggers.atomically(target.definition(),
        () -> run(cached, target, params, control));
  }

  /** {@code sql}, the statement's text or null, keys its plan in the insert plan cache. */
  long insert(String sql, SqlNode node, List<Object> params, QueryControl control) {
    SqlInsert insert = (SqlInsert) node;
    CatalogEntry target = resolveTarget(insert.getTargetTable());
    return Triggers.atomically(target.definition(),
        () -> run(plan(sql, insert, target), target, params, control));
  }

  private CachedInsert plan(String sql, SqlInsert insert, CatalogEntry target) {
    InsertValuesNulls.typeVectorNulls(insert, target.definition().columns());
    long catalogVersion = database.catalog().version(); // before planning: stale, never wrong
    SqlNode targetName = insert.getTargetTable().clone(POS); // validation may rewrite it
    boolean upsert = insert.isUpsert();
    QueryPlanner planner = new QueryPlanner(database.catalog());
    QueryPlanner.Validated v = planner.validate(insert);
    RelRoot root = planner.toRel(v);
    List<ResultColumn> produced = new ArrayList<>();
    for (var f : ((TableModify) root.rel).getInput().getRowType().getFieldList()) {
      produced.add(ResultColumn.of(f.getName(), TypeMapping.fromRel(f.getType()), true));
    }
    CachedInsert planned = new CachedInsert(catalogVersion, targetName, upsert, produced,
        runner.toPlan(root));
    if (sql != null && !StatementRunner.containsSearch(planned.plan())) {
      synchronized (insertPlans) {
        insertPlans.put(sql, planned);
      }
    }
    return planned;
  }

  private long run(CachedInsert planned, CatalogEntry target, List<Object> params,
      QueryControl control) {
    ExecContext ctx = runner.newContext(params, control);
    List<ColumnDef> columns = target.definition().columns();
    List<Evaluator> casts = coercions(planned.produced(), columns);
    return write(target, new ExecutionPlanner(ctx).build(planned.plan()), casts, ctx,
        planned.upsert(), control);
  }

  /** Makes each produced column exactly the target column's type. */
  private static List<Evaluator> coercions(List<ResultColumn> produced, List<ColumnDef> columns) {
    List<Evaluator> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(ExprCompiler.column(i, produced.get(i).type(), columns.get(i).type()));
    }
    return out;
  }

  private long write(CatalogEntry target, Operator source, List<Evaluator> casts,
      ExecContext ctx, boolean upsert, QueryControl control) {
    TableDefinition def = target.definition();
    List<Batch> rows = new ArrayList<>();
    long count = 0;
    TableWriter writer = null;
    try (source) {
      if (def.kind() == TableKind.EXTERNAL) {
        writer = database.connector(def.format()).writer(
            database.tableSpec(def.name(), def.columns(), def.options()), def.columns());
      }
      Batch b;
      while ((b = source.next()) != null) {
        ctx.checkCancelled();
        if (b.rowCount() == 0) {
          continue;
        }
        Column[] cols = new Column[casts.size()];
        for (int i = 0; i < cols.length; i++) {
          cols[i] = casts.get(i).evaluate(b);
          checkNotNull(def.columns().get(i), cols[i]);
        }
        Batch converted = new Batch(cols, b.rowCount());
        count += converted.rowCount();
        if (writer != null) {
          writer.write(converted);
        } else {
          ctx.memory().reserve(converted.estimatedBytes(), "buffering rows to insert");
          rows.add(converted);
        }
      }
      if (writer != null) {
        writer.commit();
        // after a commit, closing only releases the file (nothing is left to abort)
        writer.close();
        writer = null;
      } else {
        triggers.fire(def, Triggers.of(def, "INSERT", "BEFORE", List.of()), rows, -1, 0, control);
        appendOrReplace(target, rows, upsert);
        triggers.fire(def, Triggers.of(def, "INSERT", "AFTER", List.of()), rows, -1, 0, control);
      }
      return count;
    } catch (OutOfMemoryError e) {
      throw ctx.memory().outOfHeap("buffering rows to insert");
    } finally {
      if (writer != null) {
        writer.abort();
      }
    }
  }

  /** Appends, enforcing the primary key; an upsert replaces the rows with a new row's key. */
  private static void appendOrReplace(CatalogEntry target, List<Batch> rows, boolean upsert) {
    TableData data = target.runtime(TableData.class);
    Triggers.beforeChange(data);
    PrimaryKey key = PrimaryKey.of(target.definition());
    if (key == null) {
      data.append(rows);
    } else if (upsert) {
      key.replace(data, rows);
    } else {
      key.insert(data, rows);
    }
  }

  private static void checkNotNull(ColumnDef column, Column values) {
    if (!column.nullable() && values.mayHaveNulls()) {
      for (int i = 0; i < values.size(); i++) {
        if (values.isNull(i)) {
          throw new VelariaException(SqlStates.NOT_NULL_VIOLATION,
              "NULL value in column '" + column.name() + "' which is NOT NULL");
        }
      }
    }
  }

  private CatalogEntry resolveTarget(SqlNode table) {
    SqlIdentifier id = (SqlIdentifier) (table instanceof SqlCall
        ? ((SqlCall) table).operand(0) : table);
    String schema = id.names.size() > 1 ? id.names.get(id.names.size() - 2) : null;
    CatalogEntry e = database.catalog().get(schema, id.names.get(id.names.size() - 1));
    TableKind kind = e.definition().kind();
    if (kind == TableKind.VIEW || kind == TableKind.SYSTEM || kind == TableKind.SOURCE) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "cannot change "
          + kind.jdbcType().toLowerCase() + " '" + e.definition().name() + "'");
    }
    return e;
  }

  private CatalogEntry managedTarget(SqlIdentifier id, String verb) {
    CatalogEntry e = resolveTarget(id);
    if (e.definition().kind() != TableKind.MANAGED) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          verb + " works on managed tables only; '" + e.definition().name()
              + "' reads " + e.definition().format() + " data");
    }
    return e;
  }

  long delete(SqlNode node, List<Object> params, QueryControl control) {
    SqlDelete delete = (SqlDelete) node;
    SqlIdentifier table = (SqlIdentifier) delete.getTargetTable();
    CatalogEntry target = managedTarget(table, "DELETE");
    return Triggers.atomically(target.definition(),
        () -> delete(delete, table, target, params, control));
  }

  private long delete(SqlDelete delete, SqlIdentifier table, CatalogEntry target,
      List<Object> params, QueryControl control) {
    TableData data = target.runtime(TableData.class);
    TableDefinition def = target.definition();
    List<Batch> deleted = List.of();
    var before = Triggers.of(def, "DELETE", "BEFORE", List.of());
    var after = Triggers.of(def, "DELETE", "AFTER", List.of());
    if (!before.isEmpty() || !after.isEmpty()) {
      SqlNode w = delete.getCondition();
      deleted = w == null ? data.snapshot() : collect(selectAll(table, delete.getAlias(),
          SqlStdOperatorTable.IS_TRUE.createCall(POS, w.clone(w.getParserPosition()))),
          params, control);
      triggers.fire(def, before, deleted, 0, -1, control);
    }
    long removed = deleteRows(data, table, delete, params, control);
    triggers.fire(def, after, deleted, 0, -1, control);
    return removed;
  }

  private long deleteRows(TableData data, SqlIdentifier table, SqlDelete delete,
      List<Object> params, QueryControl control) {
    synchronized (data) {
      Triggers.beforeChange(data);
      long before = data.rowCount();
      SqlNode where = delete.getCondition();
      if (where == null) {
        data.replaceAll(List.of());
        return before;
      }
      SqlNode keep = SqlStdOperatorTable.IS_NOT_TRUE.createCall(POS, where);
      List<Batch> rows = collect(selectAll(table, delete.getAlias(), keep), params, control);
      data.replaceAll(rows);
      return before - data.rowCount();
    }
  }

  long update(SqlNode node, List<Object> params, QueryControl control) {
    SqlUpdate update = (SqlUpdate) node;
    SqlIdentifier table = (SqlIdentifier) update.getTargetTable();
    CatalogEntry target = managedTarget(table, "UPDATE");
    return Triggers.atomically(target.definition(),
        () -> update(update, target, params, control));
  }

  private long update(SqlUpdate update, CatalogEntry target, List<Object> params,
      QueryControl control) {
    TableData data = target.runtime(TableData.class);
    List<ColumnDef> columns = target.definition().columns();
    SqlNode where = update.getCondition();
    for (SqlNode t : update.getTargetColumnList()) {
      String name = ((SqlIdentifier) t).getSimple();
      if (target.definition().columnIndex(name) < 0) {
        throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "column '" + name
            + "' does not exist in table '" + target.definition().name() + "'");
      }
    }
    TableDefinition def = target.definition();
    List<String> setNames = new ArrayList<>();
    for (SqlNode t : update.getTargetColumnList()) {
      setNames.add(((SqlIdentifier) t).getSimple());
    }
    var before = Triggers.of(def, "UPDATE", "BEFORE", setNames);
    var after = Triggers.of(def, "UPDATE", "AFTER", setNames);
    List<Batch> changedRows = List.of();
    if (!before.isEmpty() || !after.isEmpty()) {
      changedRows = collect(oldAndNewRows(update, columns), params, control);
      triggers.fire(def, before, changedRows, 0, columns.size(), control);
    }
    long changed = updateRows(update, target, data, params, control);
    triggers.fire(def, after, changedRows, 0, columns.size(), control);
    return changed;
  }

  /** For triggers: the rows an UPDATE changes, their old columns then their new ones. */
  private static SqlSelect oldAndNewRows(SqlUpdate update, List<ColumnDef> columns) {
    SqlNodeList select = new SqlNodeList(POS);
    for (int c = 0; c < columns.size(); c++) {
      select.add(SqlValidatorUtil.addAlias(new SqlIdentifier(columns.get(c).name(), POS),
          "velaria$old$" + c));
    }
    for (int c = 0; c < columns.size(); c++) {
      ColumnDef col = columns.get(c);
      SqlNode value = new SqlIdentifier(col.name(), POS);
      for (int i = 0; i < update.getTargetColumnList().size(); i++) {
        SqlIdentifier set = (SqlIdentifier) update.getTargetColumnList().get(i);
        if (set.getSimple().equalsIgnoreCase(col.name())) {
          SqlNode expr = update.getSourceExpressionList().get(i);
          value = SqlStdOperatorTable.CAST.createCall(POS, expr.clone(expr.getParserPosition()),
              SqlTypeSpecs.of(col.type()));
        }
      }
      select.add(SqlValidatorUtil.addAlias(value, "velaria$new$" + c));
    }
    SqlNode where = update.getCondition();
    return new SqlSelect(POS, null, select,
        from((SqlIdentifier) update.getTargetTable(), update.getAlias()),
        where == null ? null : where.clone(where.getParserPosition()), null, null, null, null,
        null, null, null);
  }

  private long updateRows(SqlUpdate update, CatalogEntry target, TableData data,
      List<Object> params, QueryControl control) {
    SqlIdentifier table = (SqlIdentifier) update.getTargetTable();
    List<ColumnDef> columns = target.definition().columns();
    SqlNode where = update.getCondition();
    synchronized (data) {
      Triggers.beforeChange(data);
      long changed;
      if (where == null) {
        changed = data.rowCount();
      } else {
        SqlNode countQuery = new SqlSelect(POS, null,
            SqlNodeList.of(SqlStdOperatorTable.COUNT.createCall(POS, SqlIdentifier.star(POS))),
            from(table, update.getAlias()), where.clone(where.getParserPosition()), null, null,
            null, null, null, null, null);
        List<Batch> n = collect(countQuery, params, control);
        changed = ((LongColumn) n.get(0).column(0)).get(0);
      }
      SqlNodeList select = new SqlNodeList(POS);
      for (ColumnDef c : columns) {
        SqlNode value = new SqlIdentifier(c.name(), POS);
        for (int i = 0; i < update.getTargetColumnList().size(); i++) {
          SqlIdentifier set = (SqlIdentifier) update.getTargetColumnList().get(i);
          if (set.getSimple().equalsIgnoreCase(c.name())) {
            SqlNode expr = update.getSourceExpressionList().get(i);
            SqlNode typed = SqlStdOperatorTable.CAST.createCall(POS, expr,
                SqlTypeSpecs.of(c.type()));
            value = where == null ? typed : new org.apache.calcite.sql.fun.SqlCase(POS, null,
                SqlNodeList.of(where.clone(where.getParserPosition())), SqlNodeList.of(typed),
                new SqlIdentifier(c.name(), POS));
          }
        }
        select.add(SqlValidatorUtil.addAlias(value, c.name()));
      }
      SqlSelect query = new SqlSelect(POS, null, select, from(table, update.getAlias()), null,
          null, null, null, null, null, null, null);
      List<Batch> rows = collect(query, params, control);
      PrimaryKey key = PrimaryKey.of(target.definition());
      if (key != null) {
        key.checkUnique(rows);
      }
      data.replaceAll(rows);
      return changed;
    }
  }

  private static SqlNode from(SqlIdentifier table, SqlIdentifier alias) {
    return alias == null ? table : SqlStdOperatorTable.AS.createCall(POS, table, alias);
  }

  private static SqlSelect selectAll(SqlIdentifier table, SqlIdentifier alias, SqlNode where) {
    return new SqlSelect(POS, null, SqlNodeList.of(SqlIdentifier.star(POS)), from(table, alias),
        where, null, null, null, null, null, null, null);
  }

  private List<Batch> collect(SqlNode query, List<Object> params, QueryControl control) {
    List<Batch> out = new ArrayList<>();
    try (StatementResult r = runner.query(query, params, control)) {
      Batch b;
      while ((b = r.nextBatch()) != null) {
        if (b.rowCount() > 0) {
          out.add(b);
        }
      }
    }
    return out;
  }
}
