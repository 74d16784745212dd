package io.velaria.connectors.arrow;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import java.util.List;

/**
 * Arrow data registered through {@link ArrowData}: the record batches, already converted to
 * engine batches (a column at a time) when they were registered, kept in memory.
 */
final class ArrowMemoryTable implements ConnectorTable {
  private final String source;
  private final List<ColumnDef> columns;
  private final List<Batch> batches;
  private final long rows;

  ArrowMemoryTable(String source, List<ColumnDef> columns, List<Batch> batches) {
    this.source = source;
    this.columns = List.copyOf(columns);
    this.batches = List.copyOf(batches);
    long n = 0;
    for (Batch b : batches) {
      n += b.rowCount();
    }
    this.rows = n;
  }

  @Override
  public List<ColumnDef> columns() {
    return columns;
  }

  @Override
  public long estimatedRowCount() {
    return rows;
  }

  @Override
  public BatchReader read(ReadRequest request) {
    int[] projection = request.columns();
    return new BatchReader() {
      private int next;

      @Override
      public Batch next() {
        return next < batches.size() ? batches.get(next++).project(projection) : null;
      }

      @Override
      public void close() {
        next = batches.size();
      }
    };
  }

  @Override
  public String describe() {
    return "arrow in-memory source=" + source + " batches=" + batches.size() + " rows=" + rows;
  }
}
