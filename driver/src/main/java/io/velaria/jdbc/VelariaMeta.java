package io.velaria.jdbc;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.DatabaseConfig;
import io.velaria.engine.session.PreparedInfo;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.ResultColumn;
import io.velaria.engine.session.Session;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.type.DataType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's view of one embedded connection: runs statements in the connection's engine
 * {@link Session} and answers metadata from its catalog. Each statement has a
 * {@link QueryControl}, so cancel() from another thread and query timeouts stop it (57014).
 * A query's {@link StatementResult} is parked here until the ResultSet's execute() takes it.
 */
final class VelariaMeta extends MetaImpl {
  /** A query result waiting for its ResultSet. */
  record Pending(StatementResult result, List<ResultColumn> columns, long maxRows) {}

  /** Per-statement state. */
  private static final class StatementState {
    final QueryControl control = new QueryControl();
    volatile Pending pending;
    PreparedInfo prepared;
    String sql;
  }

  private final Map<Integer, StatementState> statements = new ConcurrentHashMap<>();
  private Session session;

  VelariaMeta(AvaticaConnection connection) {
    super(connection);
  }

  /** Opens the database named by the URL suffix; called once, right after construction. */
  void open(String urlSuffix, Properties info) {
    Properties settings = new Properties();
    for (String key : info.stringPropertyNames()) {
      // user/password are JDBC's, not database settings
      if (!key.equalsIgnoreCase("user") && !key.equalsIgnoreCase("password")) {
        settings.setProperty(key, info.getProperty(key));
      }
    }
    DatabaseConfig config = DatabaseConfig.parse(urlSuffix, settings);
    Database database = Database.open(config);
    try {
      session = database.newSession(config);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    connProps.setAutoCommit(true);
    connProps.setReadOnly(session.isReadOnly());
    connProps.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    connProps.setCatalog(CatalogMetadata.CATALOG);
    connProps.setSchema(Catalog.USER_SCHEMA);
    connProps.setDirty(false);
  }

  Session session() {
    return session;
  }

  private StatementState state(StatementHandle h) {
    return statements.computeIfAbsent(h.id, id -> new StatementState());
  }

  Pending takePending(StatementHandle h) {
    StatementState st = statements.get(h.id);
    if (st == null) {
      return null;
    }
    Pending p = st.pending;
    st.pending = null;
    return p;
  }

  void cancel(StatementHandle h) {
    StatementState st = statements.get(h.id);
    if (st != null) {
      st.control.cancel();
    }
  }

  private AvaticaStatement statement(StatementHandle h) {
    return connection.statementMap.get(h.id);
  }

  /** Runs a statement with the JDBC statement's query timeout on its QueryControl. */
  private StatementResult run(StatementHandle h, StatementState st, String sql,
      List<Object> params) {
    long timeoutMs = 0;
    AvaticaStatement stmt = statement(h);
    if (stmt != null) {
      try {
        timeoutMs = stmt.getQueryTimeout() * 1000L;
      } catch (SQLException e) {
        // a closed statement has no timeout; the engine reports the closed state itself
      }
    }
    st.control.startTimeout(timeoutMs);
    return session.execute(sql, params, st.control);
  }

  private long maxRows(StatementHandle h, long fallback) {
    AvaticaStatement stmt = statement(h);
    try {
      return stmt == null ? fallback : stmt.getLargeMaxRows();
    } catch (SQLException e) {
      return fallback;
    }
  }

  static Signature signature(String sql, List<ResultColumn> columns, List<DataType> params,
      boolean isQuery) {
    List<ColumnMetaData> cols = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      cols.add(JdbcTypes.column(i, columns.get(i)));
    }
    List<AvaticaParameter> ps = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      ps.add(JdbcTypes.parameter(i, params.get(i)));
    }
    return new Signature(cols, sql, ps, Collections.emptyMap(), CursorFactory.ARRAY,
        isQuery ? StatementType.SELECT : StatementType.OTHER_DDL);
  }

  /** Parks a query's result for the ResultSet, or closes a DML/DDL result for its count. */
  private MetaResultSet resultOf(StatementHandle h, StatementState st, String sql,
      StatementResult result, long maxRows) {
    if (result.hasRows()) {
      Signature sig = signature(sql, result.columns(), List.of(), true);
      st.pending = new Pending(result, result.columns(), maxRows);
      return MetaResultSet.create(h.connectionId, h.id, false, sig, null);
    }
    long count;
    try {
      count = Math.max(0, result.updateCount());
    } finally {
      result.close();
    }
    return MetaResultSet.count(h.connectionId, h.id, count);
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    PreparedInfo info = session.prepare(sql);
    StatementHandle h = createStatement(ch);
    h.signature = signature(sql, info.columns(), info.parameterTypes(), info.isQuery());
    StatementState st = state(h);
    st.prepared = info;
    st.sql = sql;
    return h;
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    StatementState st = state(h);
    try {
      synchronized (callback.getMonitor()) {
        callback.clear();
      }
      StatementResult result = run(h, st, sql, List.of());
      MetaResultSet rs = resultOf(h, st, sql, result, maxRowCount);
      Signature sig = rs.signature != null ? rs.signature
          : signature(sql, List.of(), List.of(), false);
      synchronized (callback.getMonitor()) {
        callback.assign(sig, null, rs.updateCount);
      }
      callback.execute();
      return new ExecuteResult(List.of(rs));
    } catch (SQLException e) {
      discardPending(st);
      throw new RuntimeException(e);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    StatementState st = state(h);
    String sql = st.sql;
    StatementResult result = run(h, st, sql, Parameters.toEngine(parameterValues));
    return new ExecuteResult(List.of(resultOf(h, st, sql, result, maxRows(h, 0))));
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      long maxRowCount) throws NoSuchStatementException {
    return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    StatementState st = state(h);
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = updateCount(run(h, st, sqlCommands.get(i), List.of()));
    }
    return new ExecuteBatchResult(counts);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    StatementState st = state(h);
    String sql = st.sql;
    long[] counts = new long[parameterValues.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = updateCount(run(h, st, sql, Parameters.toEngine(parameterValues.get(i))));
    }
    return new ExecuteBatchResult(counts);
  }

  private static long updateCount(StatementResult result) {
    try {
      if (result.hasRows()) {
        throw new VelariaException("42000", "a statement in a batch must not return rows");
      }
      return Math.max(0, result.updateCount());
    } finally {
      result.close();
    }
  }

  /**
   * Results are read from batches by the ResultSet's own cursor, never in frames; an Avatica
   * server in front of this driver uses JdbcMeta, which reads through the JDBC API instead.
   */
  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) {
    return Frame.EMPTY;
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    return false;
  }

  private static void discardPending(StatementState st) {
    Pending p = st.pending;
    st.pending = null;
    if (p != null) {
      p.result().close();
    }
  }

  @Override
  public void closeStatement(StatementHandle h) {
    StatementState st = statements.remove(h.id);
    if (st != null) {
      st.control.cancel();
      discardPending(st);
    }
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    for (StatementState st : statements.values()) {
      st.control.cancel();
      discardPending(st);
    }
    statements.clear();
    if (session != null) {
      session.close();
    }
  }

  /** Every statement commits on its own; commit and rollback have nothing left to do. */
  @Override
  public void commit(ConnectionHandle ch) {}

  @Override
  public void rollback(ConnectionHandle ch) {}

  /**
   * Applies read-only to the session (the engine refuses to leave read-only on a database
   * opened with read_only=true); keeps the single catalog's name; accepts the rest as set.
   */
  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    if (props.isReadOnly() != null && session != null) {
      session.setReadOnly(props.isReadOnly());
    }
    connProps.merge(props);
    connProps.setCatalog(CatalogMetadata.CATALOG);
    connProps.setDirty(false);
    return connProps;
  }

  // ---- DatabaseMetaData ----

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> map = new EnumMap<>(DatabaseProperty.class);
    map.put(DatabaseProperty.GET_NUMERIC_FUNCTIONS, SqlInfo.numericFunctions());
    map.put(DatabaseProperty.GET_STRING_FUNCTIONS, SqlInfo.stringFunctions());
    map.put(DatabaseProperty.GET_SYSTEM_FUNCTIONS, SqlInfo.systemFunctions());
    map.put(DatabaseProperty.GET_TIME_DATE_FUNCTIONS, SqlInfo.timeDateFunctions());
    map.put(DatabaseProperty.GET_S_Q_L_KEYWORDS, SqlInfo.keywords());
    map.put(DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION,
        Connection.TRANSACTION_READ_COMMITTED);
    return map;
  }

  private CatalogMetadata catalogMetadata() {
    return new CatalogMetadata(session.database().catalog());
  }

  /**
   * A metadata result set from Avatica's MetaXxx row classes: columns named after their public
   * fields (TABLE_CAT, ...), rows turned into arrays in the same field order.
   */
  private <E> MetaResultSet rows(Class<E> clazz, List<E> rows) {
    List<ColumnMetaData> columns = fieldMetaData(clazz).columns;
    List<java.lang.reflect.Field> fields = new ArrayList<>();
    for (java.lang.reflect.Field f : clazz.getFields()) {
      if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        fields.add(f);
      }
    }
    List<Object> arrays = new ArrayList<>(rows.size());
    try {
      for (E row : rows) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = fields.get(i).get(row);
        }
        arrays.add(values);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return createResultSet(Collections.emptyMap(), columns, CursorFactory.ARRAY,
        Frame.create(0, true, arrays));
  }

  @Override
  public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return rows(MetaTable.class,
        catalogMetadata().tables(catalog, schemaPattern, tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return rows(MetaColumn.class, catalogMetadata().columns(catalog, schemaPattern,
        tableNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return rows(MetaSchema.class, catalogMetadata().schemas(catalog, schemaPattern));
  }

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return rows(MetaCatalog.class, CatalogMetadata.catalogs());
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return rows(MetaTableType.class, CatalogMetadata.tableTypes());
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return rows(MetaTypeInfo.class, SqlInfo.typeInfo());
  }

  @Override
  public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern) {
    return rows(MetaFunction.class,
        SqlInfo.functions(catalog, schemaPattern, functionNamePattern));
  }
}
