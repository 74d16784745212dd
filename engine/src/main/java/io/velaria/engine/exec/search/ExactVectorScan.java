package io.velaria.engine.exec.search;

import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.VectorMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Exact vector search: scores every candidate row straight from the column's contiguous float
 * array and keeps the best {@code topK} in a bounded heap. Large inputs are split into one
 * range per thread, each with its own heap, merged at the end.
 */
public final class ExactVectorScan {
  /** Below this many floats one thread is faster than starting others. */
  static final long PARALLEL_FLOATS = 1L << 18;

  private ExactVectorScan() {}

  /**
   * The best rows of {@code column} for {@code query}, best first (ties to the smaller row);
   * NULL vectors are skipped.
   *
   * @param candidates ascending row positions to consider, or null for every row
   */
  public static ScoredRows search(FloatArrayColumn column, float[] query, VectorMetric metric,
      int topK, int[] candidates, ExecContext ctx) {
    int count = candidates == null ? column.size() : candidates.length;
    int dim = column.dimension();
    if (count > 0 && dim != query.length) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "query vector has dimension "
          + query.length + " but the searched column holds VECTOR(" + dim + ")");
    }
    int parts = ctx == null ? 1 : Math.max(1, ctx.threads());
    if (parts == 1 || (long) count * dim < PARALLEL_FLOATS) {
      TopK top = new TopK(topK, metric.higherIsBetter());
      scan(column, query, metric, candidates, 0, count, top, ctx);
      return result(top);
    }
    List<Future<TopK>> futures = new ArrayList<>();
    int step = (count + parts - 1) / parts;
    for (int p = 1; p < parts; p++) {
      int from = Math.min(count, p * step);
      int to = Math.min(count, from + step);
      futures.add(ctx.workers().submit(() -> {
        TopK part = new TopK(topK, metric.higherIsBetter());
        scan(column, query, metric, candidates, from, to, part, ctx);
        return part;
      }));
    }
    TopK top = new TopK(topK, metric.higherIsBetter());
    try {
      scan(column, query, metric, candidates, 0, Math.min(count, step), top, ctx);
    } catch (RuntimeException | Error e) {
      // a failure in the caller's own part must not leave the workers scanning
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    return merged(top, futures);
  }

  /**
   * {@link #search} over every row of consecutive parts of one column (row ordinals run on
   * from one part to the next), without copying them into one array: each thread scans a
   * contiguous run of parts of about equal row count with its own heap.
   */
  public static ScoredRows search(List<FloatArrayColumn> parts, float[] query,
      VectorMetric metric, int topK, ExecContext ctx) {
    long total = 0;
    for (FloatArrayColumn part : parts) {
      if (part.size() > 0 && part.dimension() != query.length) {
        throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "query vector has dimension "
            + query.length + " but the searched column holds VECTOR(" + part.dimension() + ")");
      }
      total += part.size();
    }
    if (parts.size() == 1) {
      return search(parts.get(0), query, metric, topK, null, ctx);
    }
    int threads = ctx == null ? 1 : Math.max(1, ctx.threads());
    if (threads == 1 || total * query.length < PARALLEL_FLOATS) {
      TopK top = new TopK(topK, metric.higherIsBetter());
      scanParts(parts, 0, parts.size(), 0, query, metric, top, ctx);
      return result(top);
    }
    // split the parts into runs of about total / threads rows
    int[] firstPart = new int[threads + 1];
    int[] firstRow = new int[threads + 1];
    long seen = 0;
    int run = 1;
    for (int p = 0; p < parts.size() && run < threads; p++) {
      seen += parts.get(p).size();
      if (seen >= total * run / threads) {
        firstPart[run] = p + 1;
        firstRow[run] = (int) seen;
        run++;
      }
    }
    for (; run <= threads; run++) {
      firstPart[run] = parts.size();
      firstRow[run] = (int) total;
    }
    List<Future<TopK>> futures = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      int from = firstPart[t];
      int to = firstPart[t + 1];
      int base = firstRow[t];
      futures.add(ctx.workers().submit(() -> {
        TopK part = new TopK(topK, metric.higherIsBetter());
        scanParts(parts, from, to, base, query, metric, part, ctx);
        return part;
      }));
    }
    TopK top = new TopK(topK, metric.higherIsBetter());
    try {
      scanParts(parts, 0, firstPart[1], 0, query, metric, top, ctx);
    } catch (RuntimeException | Error e) {
      // a failure in the caller's own part must not leave the workers scanning
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    return merged(top, futures);
  }

  /** Parts {@code [from, to)}, the first of them starting at row ordinal {@code base}. */
  private static void scanParts(List<FloatArrayColumn> parts, int from, int to, int base,
      float[] query, VectorMetric metric, TopK top, ExecContext ctx) {
    int offset = base;
    for (int p = from; p < to; p++) {
      FloatArrayColumn part = parts.get(p);
      scan(part, query, metric, null, 0, part.size(), offset, top, ctx);
      offset += part.size();
    }
  }

  private static void scan(FloatArrayColumn column, float[] query, VectorMetric metric,
      int[] candidates, int from, int to, TopK top, ExecContext ctx) {
    scan(column, query, metric, candidates, from, to, 0, top, ctx);
  }

  /** Rows {@code [from, to)} of {@code column}, offered to {@code top} as {@code base + row}. */
  private static void scan(FloatArrayColumn column, float[] query, VectorMetric metric,
      int[] candidates, int from, int to, int base, TopK top, ExecContext ctx) {
    float[] values = column.values();
    boolean[] nulls = column.nulls();
    int dim = column.dimension();
    for (int i = from; i < to; i++) {
      if ((i & 0xFFFF) == 0 && ctx != null) {
        ctx.checkCancelled();
      }
      int row = candidates == null ? i : candidates[i];
      if (nulls != null && nulls[row]) {
        continue;
      }
      double s = VectorDistance.score(metric, query, values, row * dim);
      if (top.accepts(s)) {
        top.offer(base + row, s);
      }
    }
  }

  /** The caller's own part merged with the workers' parts, as the result. */
  private static ScoredRows merged(TopK top, List<Future<TopK>> futures) {
    try {
      for (Future<TopK> f : futures) {
        top.addAll(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VelariaException(SqlStates.QUERY_CANCELED, "vector search was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    } finally {
      for (Future<TopK> f : futures) {
        f.cancel(true);
      }
    }
    return result(top);
  }

  private static ScoredRows result(TopK top) {
    int[] rows = new int[top.size()];
    double[] scores = new double[rows.length];
    top.drain(rows, scores);
    return new ScoredRows(rows, scores);
  }
}
