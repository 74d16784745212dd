package io.velaria.bench;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A loop for profiling one engine on a few TPC-H queries: loads the tables once, prints each
 * query's plan (Velaria's EXPLAIN) if asked, then runs every query {@code --runs} times and
 * prints the times. Attach a profiler (JFR, jcmd Thread.print) to this JVM; no peer engines,
 * no correctness check (that is {@link TpchRunner}'s job).
 *
 * <pre>java -cp ... io.velaria.bench.TpchProfile --sf 1 --queries q09,q21 --runs 5 [--explain]
 * [--engine velaria-managed]</pre>
 */
public final class TpchProfile {
    private TpchProfile() {}

    public static void main(String[] args) throws Exception {
        double sf = 0.1;
        int runs = 3;
        boolean explain = false;
        EngineKind kind = EngineKind.VELARIA_MANAGED;
        List<String> queries = BenchQuery.TPCH;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf": sf = Double.parseDouble(args[++i]); break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--explain": explain = true; break;
                case "--engine": kind = EngineKind.byId(args[++i]); break;
                case "--queries": queries = List.of(args[++i].split(",")); break;
                case "--data": dir = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = TpchData.generate(sf, dir != null ? dir : TpchData.defaultDir(sf));
        try (Engine engine = Engine.open(kind, data)) {
            System.err.println("loaded in " + engine.loadMillis() + " ms");
            for (String name : queries) {
                BenchQuery q = BenchQuery.load(name);
                if (explain) {
                    System.out.println("-- " + name);
                    System.out.println(explain(engine, q.sql(kind.dialect())));
                }
                List<String> times = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    Outcome o = engine.run(q, 600, false);
                    times.add(o.ok() ? String.format(Locale.ROOT, "%.0f", o.millis()) : o.describe());
                }
                System.out.println(name + " " + times);
            }
        }
    }

    private static String explain(Engine engine, String sql) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Statement s = engine.connection().createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    sb.append(rs.getString(i));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
