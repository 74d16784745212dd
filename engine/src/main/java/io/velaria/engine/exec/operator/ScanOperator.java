package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.spi.BatchReader;

/**
 * Reads batches from a connector reader (or any batch source), drops rows failing the pushed
 * filter and keeps the output columns. The filter sees the columns as read; {@code output}
 * picks the produced ones from those.
 */
public final class ScanOperator implements Operator {
  private final BatchReader reader;
  private final Evaluator filter;
  private final int[] output;
  private final ExecContext ctx;

  public ScanOperator(BatchReader reader, Evaluator filter, int[] output, ExecContext ctx) {
    this.reader = reader;
    this.filter = filter;
    this.output = output;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    while (true) {
      ctx.checkCancelled();
      Batch b = reader.next();
      if (b == null) {
        return null;
      }
      if (filter != null) {
        b = FilterOperator.apply(filter, b);
        if (b.rowCount() == 0) {
          continue;
        }
      }
      return output == null ? b : b.project(output);
    }
  }

  @Override
  public void close() {
    reader.close();
  }

  /** A reader over a fixed list of batches, projecting columns. */
  public static BatchReader listReader(java.util.List<Batch> batches, int[] columns) {
    java.util.Iterator<Batch> it = batches.iterator();
    return new BatchReader() {
      @Override
      public Batch next() {
        while (it.hasNext()) {
          Batch b = it.next();
          if (b.rowCount() > 0) {
            return columns == null ? b : b.project(columns);
          }
        }
        return null;
      }

      @Override
      public void close() {}
    };
  }
}
