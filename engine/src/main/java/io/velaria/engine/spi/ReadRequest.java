package io.velaria.engine.spi;

import java.util.List;

/**
 * What the engine asks a connector to read.
 *
 * @param columns indexes of the table's columns to return, in this order (projection)
 * @param predicates conditions the connector may use to skip data; see {@link ColumnPredicate}
 * @param limit an upper bound on rows the query needs, or -1
 */
public record ReadRequest(int[] columns, List<ColumnPredicate> predicates, long limit) {
  public ReadRequest {
    predicates = List.copyOf(predicates);
  }
}
