package io.velaria.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * An open JDBC connection to one engine with the TPC-H tables loaded, the time the load took,
 * and the executor that runs its queries with a timeout.
 */
public final class Engine implements AutoCloseable {
    private final EngineKind kind;
    private final Connection connection;
    private final QueryExecutor executor;
    private final long loadMillis;
    private final String version;

    private Engine(EngineKind kind, Connection connection, long loadMillis) throws SQLException {
        this.kind = kind;
        this.connection = connection;
        this.executor = new QueryExecutor(kind.id());
        this.loadMillis = loadMillis;
        this.version = connection.getMetaData().getDatabaseProductName() + " "
                + connection.getMetaData().getDatabaseProductVersion();
    }

    /** Connects and loads the '|' files of {@code dataDir}; the load time includes the connection. */
    public static Engine open(EngineKind kind, Path dataDir) throws SQLException {
        long start = System.nanoTime();
        Connection connection = DriverManager.getConnection(url(kind));
        try {
            load(kind, connection, dataDir);
            return new Engine(kind, connection, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The engine's connection, for tools that run their own statements (EXPLAIN). */
    Connection connection() {
        return connection;
    }

    public EngineKind kind() {
        return kind;
    }

    public long loadMillis() {
        return loadMillis;
    }

    /** Product name and version as the driver reports them. */
    public String version() {
        return version;
    }

    /** Runs {@code query} in this engine's dialect; see {@link QueryExecutor#run}. */
    public Outcome run(BenchQuery query, int timeoutSeconds, boolean keepRows) {
        return executor.run(connection, query.sql(kind.dialect()), timeoutSeconds, keepRows);
    }

    /** True once a query ignored cancellation: its connection is still busy. */
    public boolean stuck() {
        return executor.stuck();
    }

    static String url(EngineKind kind) {
        switch (kind) {
            case VELARIA_CSV:
            case VELARIA_MANAGED:
                return "jdbc:velaria:";
            case DUCKDB_CSV:
            case DUCKDB_MEMORY:
                return "jdbc:duckdb:";
            case H2_MEMORY:
                return "jdbc:h2:mem:;OPTIMIZE_REUSE_RESULTS=FALSE";
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private static void load(EngineKind kind, Connection connection, Path dir) throws SQLException {
        List<TpchSchema.Table> tables = TpchSchema.tables();
        try (Statement statement = connection.createStatement()) {
            for (TpchSchema.Table table : tables) {
                String file = dir.resolve(table.fileName()).toAbsolutePath().toString();
                for (String sql : Loading.statements(kind, table, file)) {
                    statement.execute(sql);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        executor.close();
        if (!executor.stuck()) {
            connection.close();
        }
    }
}
