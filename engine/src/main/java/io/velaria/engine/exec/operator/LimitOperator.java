package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;

/** Skips {@code offset} rows, then passes at most {@code limit} (-1: all) and stops early. */
public final class LimitOperator implements Operator {
  private final Operator input;
  private long toSkip;
  private long remaining;

  public LimitOperator(Operator input, long offset, long limit) {
    this.input = input;
    this.toSkip = Math.max(0, offset);
    this.remaining = limit < 0 ? Long.MAX_VALUE : limit;
  }

  @Override
  public Batch next() {
    while (remaining > 0) {
      Batch b = input.next();
      if (b == null) {
        return null;
      }
      int n = b.rowCount();
      int from = 0;
      if (toSkip > 0) {
        int skip = (int) Math.min(toSkip, n);
        toSkip -= skip;
        from = skip;
      }
      int count = (int) Math.min(remaining, n - from);
      if (count <= 0) {
        continue;
      }
      remaining -= count;
      return b.slice(from, count);
    }
    return null;
  }

  @Override
  public void close() {
    input.close();
  }
}
