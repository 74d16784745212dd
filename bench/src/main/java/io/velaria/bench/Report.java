package io.velaria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report of one runner invocation. */
final class Report {
    /** Numerator and denominator of each geomean ratio. */
    static final List<EngineKind[]> RATIOS = List.of(
            new EngineKind[] {EngineKind.VELARIA_CSV, EngineKind.DUCKDB_CSV},
            new EngineKind[] {EngineKind.VELARIA_MANAGED, EngineKind.DUCKDB_MEMORY},
            new EngineKind[] {EngineKind.VELARIA_MANAGED, EngineKind.H2_MEMORY});

    private final RunnerOptions options;
    private final Map<EngineKind, Engine> engines;
    private final Map<EngineKind, String> loadErrors;
    private final Map<String, Map<EngineKind, Measurement>> results;
    private final Map<String, EngineKind> references;
    private final StringBuilder out = new StringBuilder();
    private String loadAverageAtStart = "?";

    Report(RunnerOptions options, Map<EngineKind, Engine> engines, Map<EngineKind, String> loadErrors,
           Map<String, Map<EngineKind, Measurement>> results, Map<String, EngineKind> references) {
        this.options = options;
        this.engines = engines;
        this.loadErrors = loadErrors;
        this.results = results;
        this.references = references;
    }

    /** Records the machine's load average when the run starts: the machine is shared. */
    Report startedAt(String loadAverage) {
        this.loadAverageAtStart = loadAverage;
        return this;
    }

    String markdown(String commandLine, double totalSeconds) {
        line("## TPC-H SF %s, %s", number(options.scaleFactor()), LocalDate.now());
        line("");
        line("- arguments: `%s`", commandLine.isBlank() ? "(defaults)" : commandLine);
        line("- machine: %s", machine());
        line("- load average (1/5/15 min) at start %s, at end %s", loadAverageAtStart, loadAverage());
        line("- %d warm-up run then %d timed runs per query and engine, median in ms; timeout %d s; "
                + "total %.0f s", 1, options.runs(), options.timeoutSeconds(), totalSeconds);
        line("");
        loads();
        queryTable();
        ratios();
        problems();
        return out.toString();
    }

    private void loads() {
        line("| engine | version | load ms |");
        line("|---|---|---:|");
        engines.forEach((kind, engine) -> line("| %s | %s | %d |", kind.label(), engine.version(), engine.loadMillis()));
        loadErrors.forEach((kind, error) -> line("| %s | | load failed: %s |", kind.label(), escape(error)));
        line("");
    }

    private void queryTable() {
        StringBuilder header = new StringBuilder("| query | rows |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (EngineKind kind : engines.keySet()) {
            header.append(' ').append(kind.label()).append(" |");
            rule.append("---:|");
        }
        line("%s", header);
        line("%s", rule);
        results.forEach((query, perEngine) -> {
            StringBuilder row = new StringBuilder("| " + query + " | " + rows(query, perEngine) + " |");
            for (EngineKind kind : engines.keySet()) {
                row.append(' ').append(perEngine.get(kind).cell()).append(" |");
            }
            line("%s", row);
        });
        line("");
    }

    private String rows(String query, Map<EngineKind, Measurement> perEngine) {
        EngineKind reference = references.get(query);
        return reference == null ? "-" : String.valueOf(perEngine.get(reference).warmUp().rowCount());
    }

    private void ratios() {
        line("| geomean ratio (lower is faster for Velaria) | TPC-H | micro |");
        line("|---|---:|---:|");
        for (EngineKind[] pair : RATIOS) {
            if (engines.containsKey(pair[0]) && engines.containsKey(pair[1])) {
                line("| %s / %s | %s | %s |", pair[0].label(), pair[1].label(),
                        ratio(pair, BenchQuery.TPCH), ratio(pair, BenchQuery.MICRO));
            }
        }
        line("");
    }

    /** "1.23 (20 of 22; 2 left out)" over the queries of {@code set} that were run. */
    private String ratio(EngineKind[] pair, List<String> set) {
        List<Double> ratios = new ArrayList<>();
        int considered = 0;
        for (String query : set) {
            Map<EngineKind, Measurement> perEngine = results.get(query);
            if (perEngine == null) {
                continue;
            }
            considered++;
            Measurement a = perEngine.get(pair[0]);
            Measurement b = perEngine.get(pair[1]);
            if (a.usable() && b.usable()) {
                ratios.add(Math.max(a.medianMillis(), 0.001) / Math.max(b.medianMillis(), 0.001));
            }
        }
        if (considered == 0) {
            return "-";
        }
        String mean = ratios.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f", Stats.geometricMean(ratios));
        return String.format(Locale.ROOT, "%s (%d of %d; %d left out)", mean, ratios.size(), considered,
                considered - ratios.size());
    }

    private void problems() {
        List<String> lines = new ArrayList<>();
        results.forEach((query, perEngine) -> perEngine.forEach((kind, m) -> {
            if (m.problem() != null) {
                lines.add(String.format("| %s | %s | %s |", query, kind.label(), escape(m.problem())));
            }
        }));
        if (lines.isEmpty()) {
            line("All queries ran on every engine and all results agreed.");
            return;
        }
        line("Left out of the geomeans (failed, timed out or disagreed with the reference engine):");
        line("");
        line("| query | engine | problem |");
        line("|---|---|---|");
        lines.forEach(l -> line("%s", l));
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %s RAM, JVM max heap %d MiB, %s %s (%s), %s %s",
                runtime.availableProcessors(), memTotal(), runtime.maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** The first three fields of /proc/loadavg, or "?". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "? GiB";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
