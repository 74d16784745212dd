package io.velaria.engine.spi;

import io.velaria.engine.catalog.ColumnDef;
import java.util.List;

/** A readable table that a connector opened for one catalog entry. */
public interface ConnectorTable {
  /** The columns, declared or inferred. */
  List<ColumnDef> columns();

  /** Rough row count for the planner; -1 when unknown. */
  long estimatedRowCount();

  /**
   * Opens a reader. A connector that can read in parallel may return several readers from
   * {@link #split(ReadRequest, int)}; this reads everything with one.
   */
  BatchReader read(ReadRequest request);

  /** Readers over disjoint parts of the data, at most {@code maxSplits}; by default one. */
  default List<BatchReader> split(ReadRequest request, int maxSplits) {
    return List.of(read(request));
  }

  /** One line for EXPLAIN: format, path and the options that matter. */
  String describe();
}
