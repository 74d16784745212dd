package io.velaria.bench;

import io.trino.tpch.GenerateUtils;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the eight TPC-H tables for a scale factor as {@code <table>.tbl} files like dbgen's:
 * '|'-delimited, no header, no trailing delimiter, dates YYYY-MM-DD, decimals with two digits.
 * Existing files are kept (each file is written to a temporary name and renamed when complete).
 *
 * <p>Usage: {@code TpchData --sf 1 [--dir bench/data/sf1]}
 */
public final class TpchData {
    private TpchData() {}

    public static void main(String[] args) throws IOException {
        double sf = 1;
        Path dir = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--sf": sf = Double.parseDouble(args[i + 1]); break;
                case "--dir": dir = Path.of(args[i + 1]); break;
                default: throw new IllegalArgumentException("usage: TpchData --sf 1 [--dir DIR]");
            }
        }
        Path out = generate(sf, dir == null ? defaultDir(sf) : dir);
        System.out.println("TPC-H SF " + sf + " in " + out);
    }

    /** bench/data/sf1, bench/data/sf0.1, ... relative to the working directory. */
    public static Path defaultDir(double sf) {
        String name = sf == Math.rint(sf) ? String.valueOf((long) sf) : String.valueOf(sf);
        Path bench = Files.isDirectory(Path.of("bench", "src")) ? Path.of("bench") : Path.of(".");
        return bench.resolve("data").resolve("sf" + name).toAbsolutePath();
    }

    /** Generates the missing table files for {@code sf} in {@code dir} and returns {@code dir}. */
    public static Path generate(double sf, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (TpchTable<?> table : TpchTable.getTables()) {
            Path file = dir.resolve(table.getTableName() + ".tbl");
            if (!Files.exists(file)) {
                write(table, sf, file);
            }
        }
        return dir;
    }

    private static <E extends TpchEntity> void write(TpchTable<E> table, double sf, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<TpchColumn<E>> columns = table.getColumns();
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (E row : table.createGenerator(sf, 1, 1)) {
                line.setLength(0);
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        line.append('|');
                    }
                    appendValue(line, columns.get(i), row);
                }
                line.append('\n');
                out.append(line);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static <E extends TpchEntity> void appendValue(StringBuilder line, TpchColumn<E> column, E row) {
        switch (column.getType().getBase()) {
            case IDENTIFIER: line.append(column.getIdentifier(row)); break;
            case INTEGER: line.append(column.getInteger(row)); break;
            case DATE: line.append(GenerateUtils.formatDate(column.getDate(row))); break;
            case DOUBLE: appendCents(line, Math.round(column.getDouble(row) * 100)); break;
            case VARCHAR: line.append(column.getString(row)); break;
            default: throw new IllegalArgumentException("unknown TPC-H type " + column.getType().getBase());
        }
    }

    /** 12345 -> "123.45", -5 -> "-0.05". */
    static void appendCents(StringBuilder line, long cents) {
        if (cents < 0) {
            line.append('-');
            cents = -cents;
        }
        line.append(cents / 100).append('.');
        long fraction = cents % 100;
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction);
    }
}
