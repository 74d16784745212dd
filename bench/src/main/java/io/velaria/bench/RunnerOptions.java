package io.velaria.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of {@link TpchRunner}. */
record RunnerOptions(double scaleFactor, int runs, int timeoutSeconds, List<EngineKind> engines,
                     List<String> queries, Path dataDir, int budgetMinutes, Path out) {

    static final String USAGE = "usage: TpchRunner [--sf 1] [--runs 3] [--timeout 120] "
            + "[--engines velaria-csv,duckdb-csv,velaria-managed,duckdb-memory,h2] "
            + "[--queries all|tpch|micro|q01,m1_scan_count,...] [--data DIR] [--budget-minutes 0] [--out FILE.md]";

    static RunnerOptions parse(String... args) {
        double sf = 1;
        int runs = 3;
        int timeout = 120;
        List<EngineKind> engines = List.of(EngineKind.values());
        List<String> queries = allQueries();
        Path data = null;
        int budget = 0;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(USAGE);
            }
            switch (args[i++]) {
                case "--sf": sf = Double.parseDouble(value); break;
                case "--runs": runs = Integer.parseInt(value); break;
                case "--timeout": timeout = Integer.parseInt(value); break;
                case "--engines": engines = engines(value); break;
                case "--queries": queries = queries(value); break;
                case "--data": data = Path.of(value).toAbsolutePath(); break;
                case "--budget-minutes": budget = Integer.parseInt(value); break;
                case "--out": out = Path.of(value); break;
                default: throw new IllegalArgumentException(USAGE);
            }
        }
        if (runs < 1 || timeout < 1) {
            throw new IllegalArgumentException("--runs and --timeout must be positive");
        }
        Path dir = data != null ? data : TpchData.defaultDir(sf);
        return new RunnerOptions(sf, runs, timeout, engines, queries, dir, budget, out);
    }

    private static List<EngineKind> engines(String list) {
        List<EngineKind> engines = new ArrayList<>();
        for (String id : list.split(",")) {
            engines.add(EngineKind.byId(id));
        }
        return List.copyOf(engines);
    }

    private static List<String> queries(String list) {
        switch (list) {
            case "all": return allQueries();
            case "tpch": return BenchQuery.TPCH;
            case "micro": return BenchQuery.MICRO;
            default: return Arrays.stream(list.split(",")).map(String::trim).toList();
        }
    }

    private static List<String> allQueries() {
        List<String> all = new ArrayList<>(BenchQuery.TPCH);
        all.addAll(BenchQuery.MICRO);
        return List.copyOf(all);
    }
}
