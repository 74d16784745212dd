package io.velaria.engine.sql;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.sql.parser.SqlCreateTrigger;
import io.velaria.engine.sql.parser.SqlDropTrigger;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Row triggers of managed tables (SQLite's CREATE TRIGGER). A trigger is kept in its table's
 * options as {@code trigger:<name>} = its CREATE TRIGGER text, so it is persisted with the
 * catalog and dropped with the table. Firing is per statement in two phases: the BEFORE
 * triggers run for every changed row, then the change is applied, then the AFTER triggers run
 * for every row (SQLite interleaves them row by row; the results differ only when a trigger
 * body reads the table being changed). The body is turned once per statement into texts with
 * NEW.col and OLD.col as typed parameters, which run for each row through the plan caches.
 */
final class Triggers {
  static final String PREFIX = "trigger:";
  /** Trigger bodies may change tables with triggers; this bounds the chain. */
  private static final int MAX_DEPTH = 16;
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** Tables changed by the trigger chain running on this thread, with their content before. */
  private static final ThreadLocal<Map<TableData, List<Batch>>> UNDO = new ThreadLocal<>();

  private final Database database;
  private final StatementRunner runner;

  /**
   * Runs a change of {@code table} so that, when the table has triggers, a failure anywhere in
   * the chain (the statement, a trigger body, a nested trigger) undoes every change the chain
   * made: the statement and its triggers are one unit, as in SQLite.
   */
  static long atomically(TableDefinition table, java.util.function.LongSupplier statement) {
    if (UNDO.get() != null || !any(table)) {
      return statement.getAsLong();
    }
    Map<TableData, List<Batch>> undo = new java.util.IdentityHashMap<>();
    UNDO.set(undo);
    try {
      return statement.getAsLong();
    } catch (RuntimeException | Error e) {
      for (Map.Entry<TableData, List<Batch>> u : undo.entrySet()) {
        u.getKey().replaceAll(u.getValue());
      }
      throw e;
    } finally {
      UNDO.remove();
    }
  }

  /** Called before every change of managed data: remembers the content for the undo. */
  static void beforeChange(TableData data) {
    Map<TableData, List<Batch>> undo = UNDO.get();
    if (undo != null) {
      undo.putIfAbsent(data, data.snapshot());
    }
  }

  Triggers(Database database, StatementRunner runner) {
    this.database = database;
    this.runner = runner;
  }

  StatementResult create(SqlCreateTrigger create) {
    String name = create.name().names.get(create.name().names.size() - 1);
    String key = PREFIX + name.toLowerCase(Locale.ROOT);
    if (ownerOf(key) != null) {
      if (create.ifNotExists()) {
        return StatementResult.updateCount(0);
      }
      throw new VelariaException(SqlStates.DUPLICATE_OBJECT,
          "trigger '" + name + "' already exists");
    }
    List<String> t = create.table().names;
    CatalogEntry entry = database.catalog().get(t.size() > 1 ? t.get(t.size() - 2) : null,
        t.get(t.size() - 1));
    TableDefinition def = entry.definition();
    if (def.kind() != TableKind.MANAGED) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "triggers work on managed"
          + " tables only; '" + def.name() + "' is " + def.kind().jdbcType().toLowerCase());
    }
    for (String c : create.ofColumns()) {
      if (def.columnIndex(c) < 0) {
        throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "trigger '" + name
            + "': column '" + c + "' does not exist in table '" + def.name() + "'");
      }
    }
    Map<String, String> options = new LinkedHashMap<>(def.options());
    options.put(key, create.toSqlString(CalciteSqlDialect.DEFAULT).getSql());
    database.catalog().replace(def.withOptions(options));
    return StatementResult.updateCount(0);
  }

  StatementResult drop(SqlDropTrigger drop) {
    String name = drop.name().names.get(drop.name().names.size() - 1);
    String key = PREFIX + name.toLowerCase(Locale.ROOT);
    CatalogEntry owner = ownerOf(key);
    if (owner == null) {
      if (drop.ifExists()) {
        return StatementResult.updateCount(0);
      }
      throw new VelariaException(SqlStates.UNDEFINED_OBJECT,
          "trigger '" + name + "' does not exist");
    }
    Map<String, String> options = new LinkedHashMap<>(owner.definition().options());
    options.remove(key);
    database.catalog().replace(owner.definition().withOptions(options));
    return StatementResult.updateCount(0);
  }

  private CatalogEntry ownerOf(String key) {
    for (CatalogEntry e : database.catalog().entries()) {
      if (e.definition().options().containsKey(key)) {
        return e;
      }
    }
    return null;
  }

  /** The table's triggers for an event and timing; for UPDATE, those the SET columns fire. */
  static List<SqlCreateTrigger> of(TableDefinition table, String event, String timing,
      List<String> setColumns) {
    List<SqlCreateTrigger> out = new ArrayList<>();
    for (Map.Entry<String, String> o : table.options().entrySet()) {
      if (!o.getKey().startsWith(PREFIX)) {
        continue;
      }
      SqlCreateTrigger t = (SqlCreateTrigger) SqlFrontEnd.parse(o.getValue());
      if (t.event().equals(event) && t.timing().equals(timing)
          && (t.ofColumns().isEmpty() || setColumns.stream().anyMatch(
              c -> t.ofColumns().stream().anyMatch(c::equalsIgnoreCase)))) {
        out.add(t);
      }
    }
    return out;
  }

  static boolean any(TableDefinition table) {
    return table.options().keySet().stream().anyMatch(k -> k.startsWith(PREFIX));
  }

  /**
   * Runs {@code triggers} once for each row of {@code rows}. OLD is the columns from
   * {@code oldAt} (or -1 for none), NEW those from {@code newAt} (or -1), each as many as the
   * table has columns.
   */
  void fire(TableDefinition table, List<SqlCreateTrigger> triggers, List<Batch> rows, int oldAt,
      int newAt, QueryControl control) {
    if (triggers.isEmpty()) {
      return;
    }
    int[] depth = DEPTH.get();
    if (depth[0] >= MAX_DEPTH) {
      throw new VelariaException(SqlStates.TOO_COMPLEX, "triggers nested more than "
          + MAX_DEPTH + " deep (a trigger that changes its own table?)");
    }
    List<Bound> bound = new ArrayList<>();
    for (SqlCreateTrigger t : triggers) {
      bound.add(Bound.of(table, t, oldAt, newAt));
    }
    depth[0]++;
    try {
      for (Batch b : rows) {
        for (int r = 0; r < b.rowCount(); r++) {
          for (Bound t : bound) {
            fireRow(t, b, r, control);
          }
        }
      }
    } finally {
      depth[0]--;
    }
  }

  /**
   * Runs one trigger for one row. The statements are texts with parameters, the same for every
   * row, so the session's plan caches plan each of them once per statement, not once per row.
   */
  private void fireRow(Bound t, Batch b, int row, QueryControl control) {
    if (t.when() != null) {
      try (StatementResult r = runner.execute(t.when().sql(), t.when().params(b, row), control)) {
        Batch first = r.nextBatch();
        Object v = first == null || first.rowCount() == 0 ? null : first.column(0).getObject(0);
        if (!(v instanceof Number) || ((Number) v).longValue() != 1L) {
          return;
        }
      }
    }
    for (BoundStatement stmt : t.body()) {
      try (StatementResult r = runner.execute(stmt.sql(), stmt.params(b, row), control)) {
        while (r.nextBatch() != null) {
          // a SELECT in a trigger body is run for its effects only (SQLite discards it)
        }
      }
    }
  }

  /** A trigger with NEW/OLD replaced by parameters: its WHEN as a SELECT, and its body. */
  private record Bound(BoundStatement when, List<BoundStatement> body) {
    static Bound of(TableDefinition table, SqlCreateTrigger t, int oldAt, int newAt) {
      String trigger = t.name().names.get(t.name().names.size() - 1);
      BoundStatement when = null;
      if (t.when() != null) {
        List<Integer> refs = new ArrayList<>();
        SqlNode cond = bind(t.when(), trigger, table, oldAt, newAt, refs);
        SqlNode select = new SqlSelect(SqlParserPos.ZERO, null, SqlNodeList.of(
            new SqlCase(SqlParserPos.ZERO, null, SqlNodeList.of(cond),
                SqlNodeList.of(SqlLiteral.createExactNumeric("1", SqlParserPos.ZERO)),
                SqlLiteral.createExactNumeric("0", SqlParserPos.ZERO))),
            null, null, null, null, null, null, null, null, null);
        when = BoundStatement.of(select, refs, table);
      }
      List<BoundStatement> body = new ArrayList<>();
      for (SqlNode stmt : t.body()) {
        List<Integer> refs = new ArrayList<>();
        body.add(BoundStatement.of(bind(stmt, trigger, table, oldAt, newAt, refs), refs, table));
      }
      return new Bound(when, body);
    }
  }

  /**
   * A statement's text with {@code ?} for each NEW/OLD reference; {@code refs} are the batch
   * columns that give the parameters, in order, and {@code types} their table column types.
   */
  private record BoundStatement(String sql, int[] refs, DataType[] types) {
    static BoundStatement of(SqlNode node, List<Integer> refs, TableDefinition table) {
      int[] at = new int[refs.size() / 2];
      DataType[] types = new DataType[at.length];
      for (int i = 0; i < at.length; i++) {
        at[i] = refs.get(2 * i);
        types[i] = table.columns().get(refs.get(2 * i + 1)).type();
      }
      return new BoundStatement(node.toSqlString(CalciteSqlDialect.DEFAULT).getSql(), at, types);
    }

    List<Object> params(Batch b, int row) {
      List<Object> out = new ArrayList<>(refs.length);
      for (int i = 0; i < refs.length; i++) {
        out.add(external(b.column(refs[i]), row, types[i]));
      }
      return out;
    }
  }

  /**
   * Replaces NEW.col / OLD.col by CAST(? AS type); adds to {@code refs} the batch column and the
   * table column of each, in parameter order.
   */
  private static SqlNode bind(SqlNode node, String trigger, TableDefinition table, int oldAt,
      int newAt, List<Integer> refs) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlIdentifier id) {
        if (id.names.size() != 2) {
          return id;
        }
        String which = id.names.get(0).toUpperCase(Locale.ROOT);
        if (!which.equals("NEW") && !which.equals("OLD")) {
          return id;
        }
        int at = which.equals("NEW") ? newAt : oldAt;
        if (at < 0) {
          throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "trigger '" + trigger
              + "': " + which + " does not exist for this event (" + id + ")");
        }
        int col = table.columnIndex(id.names.get(1));
        if (col < 0) {
          throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "trigger '" + trigger
              + "': table '" + table.name() + "' has no column " + id);
        }
        ColumnDef c = table.columns().get(col);
        refs.add(at + col);
        refs.add(col);
        SqlDynamicParam p = new SqlDynamicParam(refs.size() / 2 - 1, id.getParserPosition());
        return SqlStdOperatorTable.CAST.createCall(id.getParserPosition(), p,
            SqlTypeSpecs.of(c.type()));
      }
    });
  }

  /** A column value as a JDBC-style parameter (internal values are unscaled, days, millis). */
  private static Object external(Column column, int row, DataType type) {
    Object v = column.getObject(row);
    if (v == null) {
      return null;
    }
    switch (type.kind()) {
      case DECIMAL:
        return BigDecimal.valueOf((Long) v, type.scale());
      case DATE:
        return LocalDate.ofEpochDay((Long) v);
      case TIMESTAMP:
        return Instant.ofEpochMilli((Long) v);
      default:
        return v;
    }
  }
}
