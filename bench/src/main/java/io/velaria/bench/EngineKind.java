package io.velaria.bench;

import java.util.Locale;

/** The engine setups the runner compares, each reached over JDBC. */
public enum EngineKind {
    VELARIA_CSV("velaria-csv", "Velaria-CSV", Dialect.VELARIA),
    DUCKDB_CSV("duckdb-csv", "DuckDB-CSV", Dialect.DUCKDB),
    VELARIA_MANAGED("velaria-managed", "Velaria-managed", Dialect.VELARIA),
    DUCKDB_MEMORY("duckdb-memory", "DuckDB-mem", Dialect.DUCKDB),
    H2_MEMORY("h2", "H2-mem", Dialect.H2);

    private final String id;
    private final String label;
    private final Dialect dialect;

    EngineKind(String id, String label, Dialect dialect) {
        this.id = id;
        this.label = label;
        this.dialect = dialect;
    }

    /** Command-line name: velaria-csv, duckdb-csv, velaria-managed, duckdb-memory, h2. */
    public String id() {
        return id;
    }

    /** Column heading in reports. */
    public String label() {
        return label;
    }

    public Dialect dialect() {
        return dialect;
    }

    public static EngineKind byId(String id) {
        for (EngineKind kind : values()) {
            if (kind.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown engine " + id + "; known: velaria-csv, duckdb-csv, "
                + "velaria-managed, duckdb-memory, h2");
    }
}
