package io.velaria.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The 22 TPC-H queries at SF 0.01 on Velaria's managed tables must give DuckDB's answers:
 * any disagreement, error or timeout fails, and the message lists every failing query.
 */
class TpchCorrectnessTest {
    private static final int QUERY_TIMEOUT_SECONDS = 15;

    @Test
    @Timeout(240)
    void velariaManagedAgreesWithDuckDbOnAllTpchQueries() throws Exception {
        Path data = TpchData.generate(0.01, Path.of("target", "tpch", "sf0.01").toAbsolutePath());
        Map<String, String> problems;
        try (Engine duckDb = Engine.open(EngineKind.DUCKDB_MEMORY, data);
             Engine velaria = Engine.open(EngineKind.VELARIA_MANAGED, data)) {
            problems = Correctness.problems(duckDb, velaria, BenchQuery.loadAll(BenchQuery.TPCH),
                    QUERY_TIMEOUT_SECONDS);
        }
        String report = problems.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n  ", "Velaria-managed vs DuckDB at SF 0.01, "
                        + problems.size() + " of 22 queries failed:\n  ", ""));
        assertTrue(problems.isEmpty(), report);
    }
}
