package io.velaria.bench;

/** SQL dialects the query files may be specialised for: {@code q01.sql} is the default, {@code q01.h2.sql} H2's. */
public enum Dialect {
    VELARIA, DUCKDB, H2;

    String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
