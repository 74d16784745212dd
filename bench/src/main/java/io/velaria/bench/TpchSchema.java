package io.velaria.bench;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The eight TPC-H tables as the tpch library describes them, with SQL types every engine accepts. */
public final class TpchSchema {
    /** One column: its name, the library's base type and the SQL type used in DDL. */
    public record Column(String name, TpchColumnType.Base base, String sqlType) {}

    /** One table: its name (lineitem, orders, ...) and its columns in file order. */
    public record Table(String name, List<Column> columns) {
        public String fileName() {
            return name + ".tbl";
        }

        /** {@code a INTEGER, b DECIMAL(15,2), ...} */
        public String columnDefinitions() {
            return columns.stream().map(c -> c.name() + " " + c.sqlType()).collect(Collectors.joining(", "));
        }

        public String columnNames() {
            return columns.stream().map(Column::name).collect(Collectors.joining(", "));
        }
    }

    private TpchSchema() {}

    public static List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (TpchTable<?> table : TpchTable.getTables()) {
            tables.add(describe(table));
        }
        return tables;
    }

    private static Table describe(TpchTable<?> table) {
        List<Column> columns = new ArrayList<>();
        for (TpchColumn<?> column : table.getColumns()) {
            columns.add(new Column(column.getColumnName(), column.getType().getBase(), sqlType(column.getType())));
        }
        return new Table(table.getTableName(), List.copyOf(columns));
    }

    static String sqlType(TpchColumnType type) {
        switch (type.getBase()) {
            case IDENTIFIER:
            case INTEGER:
                return "INTEGER";
            case DOUBLE:
                return "DECIMAL(15,2)";
            case DATE:
                return "DATE";
            case VARCHAR:
                return "VARCHAR(" + type.getPrecision().orElse(255L) + ")";
            default:
                throw new IllegalArgumentException("unknown TPC-H type " + type.getBase());
        }
    }
}
