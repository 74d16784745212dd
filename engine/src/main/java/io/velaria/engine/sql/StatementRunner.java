package io.velaria.engine.sql;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.ExecutionPlanner;
import io.velaria.engine.exec.MemoryTracker;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.plan.PlanNode;
import io.velaria.engine.plan.RelToPlanConverter;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.PreparedInfo;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.Session;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.sql.calcite.QueryPlanner;
import io.velaria.engine.sql.calcite.TypeMapping;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs one SQL statement for a session: parses it, sends DDL to {@link DdlExecutor}, DML to
 * {@link DmlExecutor}, and plans and starts queries.
 */
public final class StatementRunner {
  private final Session session;
  private final Database database;
  private final DdlExecutor ddl;
  private final DmlExecutor dml;
  private final PlanCache plans = new PlanCache(64);

  public StatementRunner(Session session) {
    this.session = session;
    this.database = session.database();
    this.ddl = new DdlExecutor(database, this);
    this.dml = new DmlExecutor(database, this);
  }

  public StatementResult execute(String sql, List<Object> params, QueryControl control) {
    try {
      PlanCache.Plan cached = plans.get(sql, database.catalog().version());
      if (cached != null) {
        return start(cached.columns(), cached.plan(), params, control);
      }
      if (!session.isReadOnly()) {
        long inserted = dml.insertIfPlanned(sql, params, control);
        if (inserted >= 0) {
          return StatementResult.updateCount(inserted);
        }
      }
      SqlNode node = SqlFrontEnd.parse(sql);
      return execute(sql, node, params, control);
    } catch (OutOfMemoryError e) {
      throw new VelariaException(SqlStates.OUT_OF_MEMORY,
          "statement ran out of Java heap; lower memory_limit or raise -Xmx");
    } catch (StackOverflowError e) {
      throw new VelariaException(SqlStates.OUT_OF_MEMORY,
          "statement is too deeply nested to process");
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    } catch (AssertionError e) {
      // Calcite reports some internal inconsistencies as AssertionError (even without -ea);
      // a caller must get an SQL error, not an Error that escapes JDBC
      throw new VelariaException(SqlStates.INTERNAL_ERROR, "internal error: " + e.getMessage(), e);
    }
  }

  StatementResult execute(SqlNode node, List<Object> params, QueryControl control) {
    return execute(null, node, params, control);
  }

  /** {@code sql}, the statement's text or null, keys a plain query's plan in the plan cache. */
  private StatementResult execute(String sql, SqlNode node, List<Object> params,
      QueryControl control) {
    node = searchRewritten(node);
    if (node.getKind() == SqlKind.EXPLAIN) {
      return explain((SqlExplain) node, params);
    }
    if (node.isA(SqlKind.QUERY)) {
      StatementResult special = ddl.specialQuery(node);
      if (special != null) {
        return special;
      }
      return query(sql, node, params, control);
    }
    if (session.isReadOnly()) {
      throw new VelariaException(SqlStates.READ_ONLY,
          "the connection is read-only: " + node.getKind() + " is not allowed");
    }
    switch (node.getKind()) {
      case INSERT:
        if (io.velaria.engine.stream.StreamStatements.isStreamInsert(database, node)) {
          return StatementResult.updateCount(
              io.velaria.engine.stream.StreamStatements.insert(session, node, control));
        }
        return StatementResult.updateCount(dml.insert(sql, node, params, control));
      case DELETE:
        return StatementResult.updateCount(dml.delete(node, params, control));
      case UPDATE:
        return StatementResult.updateCount(dml.update(node, params, control));
      default:
        return ddl.execute(node, params, control);
    }
  }

  public PreparedInfo prepare(String sql) {
    try {
      SqlNode node = searchRewritten(SqlFrontEnd.parse(sql));
      if (node.getKind() == SqlKind.EXPLAIN) {
        return new PreparedInfo(List.of(), List.of(ResultColumn.of("PLAN", DataType.VARCHAR,
            false)), true);
      }
      boolean query = node.isA(SqlKind.QUERY);
      boolean dmlNode = node.isA(SqlKind.DML);
      if (!query && !dmlNode) {
        return new PreparedInfo(List.of(), List.of(), false);
      }
      QueryPlanner planner = new QueryPlanner(database.catalog());
      QueryPlanner.Validated v = planner.validate(ProbeTableFunction.expand(node, database));
      List<DataType> paramTypes = new ArrayList<>();
      for (RelDataTypeField f : v.parameterRowType().getFieldList()) {
        paramTypes.add(TypeMapping.fromRel(f.getType()));
      }
      List<ResultColumn> cols = query ? resultColumns(v, v.rowType()) : List.of();
      return new PreparedInfo(paramTypes, cols, query);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Plans a query and returns its running result. */
  StatementResult query(SqlNode node, List<Object> params, QueryControl control) {
    return query(null, node, params, control);
  }

  private StatementResult query(String sql, SqlNode node, List<Object> params,
      QueryControl control) {
    long catalogVersion = database.catalog().version(); // before planning: stale, never wrong
    QueryPlanner planner = new QueryPlanner(database.catalog());
    SqlNode expanded = ProbeTableFunction.expand(node, database);
    QueryPlanner.Validated v = planner.validate(expanded);
    List<ResultColumn> columns = resultColumns(v, v.rowType());
    RelRoot root = planner.toRel(v);
    PlanNode plan = toPlan(root);
    // probe() reads files and search plans hold index choices and embedded query texts, all
    // of which change without a catalog change: such plans are made afresh each time
    if (sql != null && expanded == node && !containsSearch(plan)) {
      plans.put(sql, catalogVersion, new PlanCache.Plan(columns, plan));
    }
    return start(columns, plan, params, control);
  }

  static boolean containsSearch(PlanNode plan) {
    if (plan instanceof io.velaria.engine.plan.SearchNode) {
      return true;
    }
    for (PlanNode in : plan.inputs()) {
      if (containsSearch(in)) {
        return true;
      }
    }
    return false;
  }

  private StatementResult start(List<ResultColumn> columns, PlanNode plan, List<Object> params,
      QueryControl control) {
    ExecContext ctx = newContext(params, control);
    Operator op = new ExecutionPlanner(ctx).build(plan);
    return new QueryResult(columns, op, ctx);
  }

  /** The physical plan of a converted query, projected to the query's visible columns. */
  PlanNode toPlan(RelRoot root) {
    RelNode rel = root.rel;
    if (rel instanceof TableModify) {
      rel = ((TableModify) rel).getInput();
    }
    RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
    if (!root.isRefTrivial() && !(root.rel instanceof TableModify)) {
      List<RexNode> exprs = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (var f : root.fields) {
        exprs.add(new RexInputRef(f.getKey(), rel.getRowType().getFieldList()
            .get(f.getKey()).getType()));
        names.add(f.getValue());
      }
      rel = org.apache.calcite.rel.logical.LogicalProject.create(rel, List.of(), exprs, names,
          java.util.Set.of());
    }
    return new RelToPlanConverter(rexBuilder, database).convert(rel);
  }

  ExecContext newContext(List<Object> params, QueryControl control) {
    MemoryTracker memory = new MemoryTracker(session.config().memoryLimitBytes());
    return new ExecContext(memory, control == null ? new QueryControl() : control,
        params == null ? List.of() : params, database.workers(), session.config().threads(),
        session.config().batchSize());
  }

  private static List<ResultColumn> resultColumns(QueryPlanner.Validated v, RelDataType rowType) {
    List<List<String>> origins = null;
    try {
      origins = v.validator().getFieldOrigins(v.node());
    } catch (RuntimeException e) {
      // origins are a nicety for metadata; a query without them still runs
    }
    List<ResultColumn> out = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataTypeField f = fields.get(i);
      List<String> origin = origins == null || i >= origins.size() ? null : origins.get(i);
      String schema = "";
      String table = "";
      String column = f.getName();
      if (origin != null && origin.size() >= 3) {
        schema = origin.get(origin.size() - 3);
        table = origin.get(origin.size() - 2);
        column = origin.get(origin.size() - 1);
      }
      out.add(new ResultColumn(f.getName(), column, schema, table,
          TypeMapping.fromRel(f.getType()), f.getType().isNullable()));
    }
    return out;
  }

  private StatementResult explain(SqlExplain explain, List<Object> params) {
    SqlNode explicandum = explain.getExplicandum();
    if (explicandum instanceof io.velaria.engine.sql.parser.SqlStartStream
        || io.velaria.engine.stream.StreamStatements.isStreamInsert(database, explicandum)) {
      return textResult("PLAN", io.velaria.engine.stream.StreamStatements.explain(database,
          explicandum));
    }
    // before the rewrite, which replaces the searched table by the search function
    List<String> embedding = SearchQueryText.explain(session, explicandum);
    SqlNode target = searchRewritten(explicandum);
    QueryPlanner planner = new QueryPlanner(database.catalog());
    QueryPlanner.Validated v = planner.validate(target);
    RelRoot root = planner.toRel(v);
    PlanNode plan = toPlan(root);
    List<String> lines = new ArrayList<>();
    lines.add("logical:");
    for (String l : org.apache.calcite.plan.RelOptUtil.toString(root.rel).split("\n")) {
      lines.add("  " + l);
    }
    lines.add("physical:");
    for (String l : plan.explain().split("\n")) {
      lines.add("  " + l);
    }
    lines.addAll(embedding);
    return textResult("PLAN", lines);
  }

  /** KEYWORD/HYBRID SEARCH clauses become search table functions; other nodes stay. */
  private SqlNode searchRewritten(SqlNode node) {
    return node instanceof io.velaria.engine.sql.parser.SqlSearchQuery
        ? SearchClauseRewriter.rewrite(SearchQueryText.embedded(session,
            (io.velaria.engine.sql.parser.SqlSearchQuery) node))
        : node;
  }

  static StatementResult textResult(String column, List<String> lines) {
    String[] values = lines.toArray(new String[0]);
    Column c = new StringColumn(DataType.VARCHAR, values.length, values, null);
    Batch batch = new Batch(new Column[] {c}, values.length);
    List<ResultColumn> cols = List.of(ResultColumn.of(column, DataType.VARCHAR, false));
    return new StaticResult(cols, List.of(batch));
  }

  Session session() {
    return session;
  }

  Catalog catalog() {
    return database.catalog();
  }
}
