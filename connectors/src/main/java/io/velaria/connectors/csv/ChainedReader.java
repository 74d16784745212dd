package io.velaria.connectors.csv;

import io.velaria.engine.column.Batch;
import io.velaria.engine.spi.BatchReader;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Reads several files one after another, opening each only when the previous one is done, so
 * a directory of many files holds one open file at a time.
 */
final class ChainedReader implements BatchReader {
  /** Opens the reader of part i given the rows still wanted (-1: all). */
  private final List<LongFunction<BatchReader>> parts;
  private final long limit;
  private long produced;
  private int next;
  private BatchReader current;

  ChainedReader(List<LongFunction<BatchReader>> parts, long limit) {
    this.parts = parts;
    this.limit = limit;
  }

  @Override
  public Batch next() {
    while (limit < 0 || produced < limit) {
      if (current == null) {
        if (next >= parts.size()) {
          return null;
        }
        current = parts.get(next++).apply(limit < 0 ? -1 : limit - produced);
      }
      Batch b = current.next();
      if (b != null) {
        produced += b.rowCount();
        return b;
      }
      current.close();
      current = null;
    }
    return null;
  }

  @Override
  public void close() {
    next = parts.size();
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
