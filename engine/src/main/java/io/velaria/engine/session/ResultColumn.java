package io.velaria.engine.session;

import io.velaria.engine.type.DataType;

/**
 * A column of a statement's result, as JDBC reports it.
 *
 * @param label the name the query gave the column (alias)
 * @param columnName the underlying column's name, or the label for expressions
 * @param schema the table's schema, or "" for expressions
 * @param table the table's name, or "" for expressions
 */
public record ResultColumn(
    String label, String columnName, String schema, String table, DataType type,
    boolean nullable) {
  public static ResultColumn of(String label, DataType type, boolean nullable) {
    return new ResultColumn(label, label, "", "", type, nullable);
  }
}
