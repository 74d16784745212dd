package io.velaria.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark query with its text per dialect, read from {@code /queries/NAME.sql} and optional
 * {@code /queries/NAME.<dialect>.sql} overrides. A query whose text has ORDER BY is compared in order.
 */
public record BenchQuery(String name, Map<Dialect, String> sql, boolean ordered) {
    public static final List<String> TPCH = names();
    public static final List<String> MICRO = List.of(
            "m1_scan_count", "m2_filtered_scan", "m3_group_low", "m4_group_high",
            "m5_join2_agg", "m6_join3_agg", "m7_topk");

    public String sql(Dialect dialect) {
        return sql.get(dialect);
    }

    public static BenchQuery load(String name) {
        String standard = read(name + ".sql");
        if (standard == null) {
            throw new IllegalArgumentException("no query " + name);
        }
        Map<Dialect, String> texts = new EnumMap<>(Dialect.class);
        for (Dialect dialect : Dialect.values()) {
            String special = read(name + "." + dialect.suffix() + ".sql");
            texts.put(dialect, special != null ? special : standard);
        }
        boolean ordered = standard.toLowerCase(Locale.ROOT).contains("order by");
        return new BenchQuery(name, Map.copyOf(texts), ordered);
    }

    public static List<BenchQuery> loadAll(List<String> names) {
        List<BenchQuery> queries = new ArrayList<>();
        for (String name : names) {
            queries.add(load(name));
        }
        return queries;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            names.add(String.format(Locale.ROOT, "q%02d", i));
        }
        return List.copyOf(names);
    }

    private static String read(String resource) {
        try (InputStream in = BenchQuery.class.getResourceAsStream("/queries/" + resource)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
