package io.velaria.engine.spi;

import java.util.List;

/**
 * A simple condition on one column that the engine offers to a connector: the connector may
 * use it to skip data (row groups, files, remote filters). The engine still evaluates the full
 * filter on what the connector returns, so a connector may ignore any predicate.
 *
 * @param column index into the table's columns (not into the projection)
 * @param op the comparison
 * @param values literal operands in the engine's internal representation (see
 *     {@link io.velaria.engine.column.Column#getObject}); one for comparisons, many for IN, none
 *     for IS [NOT] NULL
 */
public record ColumnPredicate(int column, Op op, List<Object> values) {
  public enum Op { EQ, NE, LT, LE, GT, GE, IN, IS_NULL, IS_NOT_NULL }

  @Override
  public String toString() {
    return "$" + column + " " + op + (values.isEmpty() ? "" : " " + values);
  }
}
