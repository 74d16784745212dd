package io.velaria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side TPC-H runner: in one JVM it generates (or reuses) the data, loads it into every
 * selected engine, then runs each query on each engine (one warm-up, then {@code --runs} timed
 * runs), checks that the engines' results agree with the reference engine, and prints a
 * Markdown report with per-query medians, load times and geometric-mean ratios.
 * Progress goes to stderr, the report to stdout (and to {@code --out} when given).
 */
public final class TpchRunner {
    /** Reference engines for correctness, most trusted first. */
    static final List<EngineKind> REFERENCE_ORDER = List.of(EngineKind.DUCKDB_MEMORY, EngineKind.DUCKDB_CSV,
            EngineKind.H2_MEMORY, EngineKind.VELARIA_MANAGED, EngineKind.VELARIA_CSV);

    private final RunnerOptions options;
    private final Map<EngineKind, Engine> engines = new LinkedHashMap<>();
    private final Map<EngineKind, String> loadErrors = new LinkedHashMap<>();
    private final Map<String, Map<EngineKind, Measurement>> results = new LinkedHashMap<>();
    private final Map<String, EngineKind> references = new LinkedHashMap<>();

    TpchRunner(RunnerOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String report = new TpchRunner(options).run(String.join(" ", args));
        System.out.println(report);
        if (options.out() != null) {
            Files.writeString(options.out(), report);
        }
        System.exit(0); // a stuck engine thread must not keep the JVM alive
    }

    String run(String commandLine) throws IOException {
        long start = System.nanoTime();
        String loadAverageAtStart = Report.loadAverage();
        long generateStart = System.nanoTime();
        TpchData.generate(options.scaleFactor(), options.dataDir());
        long generateMillis = (System.nanoTime() - generateStart) / 1_000_000;
        progress("data ready in %s (%d ms)", options.dataDir(), generateMillis);
        try {
            loadEngines();
            runQueries(start);
        } finally {
            closeEngines();
        }
        Report report = new Report(options, engines, loadErrors, results, references).startedAt(loadAverageAtStart);
        return report.markdown(commandLine, (System.nanoTime() - start) / 1e9);
    }

    private void loadEngines() {
        for (EngineKind kind : options.engines()) {
            try {
                Engine engine = Engine.open(kind, options.dataDir());
                engines.put(kind, engine);
                progress("loaded %s in %d ms", kind.label(), engine.loadMillis());
            } catch (SQLException | RuntimeException e) {
                loadErrors.put(kind, QueryExecutor.message(e));
                progress("LOAD FAILED %s: %s", kind.label(), QueryExecutor.message(e));
            }
        }
    }

    private void runQueries(long start) {
        long budgetNanos = options.budgetMinutes() * 60_000_000_000L;
        for (String name : options.queries()) {
            BenchQuery query = BenchQuery.load(name);
            boolean overBudget = budgetNanos > 0 && System.nanoTime() - start > budgetNanos;
            Map<EngineKind, Measurement> perEngine = new LinkedHashMap<>();
            for (Engine engine : engines.values()) {
                perEngine.put(engine.kind(), overBudget ? skipped("time budget spent") : measure(engine, query));
            }
            checkAgreement(query, perEngine);
            results.put(name, perEngine);
            perEngine.forEach((kind, m) -> progress("%-16s %-16s %s%s", name, kind.label(), m.cell(),
                    m.problem() == null ? "" : "  (" + m.problem() + ")"));
        }
    }

    private Measurement measure(Engine engine, BenchQuery query) {
        Outcome warmUp = engine.run(query, options.timeoutSeconds(), true);
        List<Double> millis = new ArrayList<>();
        if (!warmUp.ok()) {
            return new Measurement(warmUp, null, millis, null);
        }
        for (int i = 0; i < options.runs(); i++) {
            Outcome run = engine.run(query, options.timeoutSeconds(), false);
            if (!run.ok()) {
                return new Measurement(warmUp, run, millis, null);
            }
            millis.add(run.millis());
        }
        return new Measurement(warmUp, null, millis, null);
    }

    private static Measurement skipped(String why) {
        return new Measurement(Outcome.failed(Outcome.Status.SKIPPED, why), null, List.of(), null);
    }

    /** Compares every engine's warm-up rows with the most trusted engine that ran the query. */
    private void checkAgreement(BenchQuery query, Map<EngineKind, Measurement> perEngine) {
        EngineKind reference = null;
        for (EngineKind kind : REFERENCE_ORDER) {
            Measurement m = perEngine.get(kind);
            if (m != null && m.warmUp().ok()) {
                reference = kind;
                break;
            }
        }
        if (reference == null) {
            return;
        }
        references.put(query.name(), reference);
        List<List<Object>> expected = perEngine.get(reference).warmUp().rows();
        for (Map.Entry<EngineKind, Measurement> entry : perEngine.entrySet()) {
            Outcome warmUp = entry.getValue().warmUp();
            if (entry.getKey() != reference && warmUp.ok()) {
                String difference = ResultComparator.difference(expected, warmUp.rows(), query.ordered());
                if (difference != null) {
                    entry.setValue(entry.getValue().withWrong(difference + " (vs " + reference.label() + ")"));
                }
            }
        }
    }

    private void closeEngines() {
        for (Engine engine : engines.values()) {
            try {
                engine.close();
            } catch (SQLException | RuntimeException e) {
                progress("closing %s: %s", engine.kind().label(), e.getMessage());
            }
        }
    }

    static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
