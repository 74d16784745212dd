package io.velaria.engine.sql.calcite;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.storage.TableData;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Estimated numbers of distinct values of table columns, for join ordering: whether a join
 * column is key-like (as many values as rows) or low-cardinality (a nation key) decides whether
 * a join multiplies rows. Estimated from a sample of at most {@link #SAMPLE} rows (every k-th
 * row of a managed table, the first rows of an external one) with the Haas-Stokes "Duj1"
 * estimator, and cached per table data (managed tables per data version), so a table is sampled
 * once per column, not per statement.
 */
final class DistinctCounts {
  static final int SAMPLE = 8192;

  /** Per runtime object (TableData or ConnectorTable): its version and per-column estimates. */
  private static final Map<Object, Cached> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private record Cached(long version, Map<Integer, Double> byColumn) {}

  private DistinctCounts() {}

  /**
   * Estimated distinct non-null values of column {@code column} of {@code table}, or a negative
   * number when unknown (a view, an unreadable file, a vector column).
   */
  static double of(CatalogTable table, int column) {
    Object runtime = table.entry().runtime();
    if (table.entry().openError() != null
        || !(runtime instanceof TableData || runtime instanceof ConnectorTable)) {
      return -1;
    }
    long version = runtime instanceof TableData ? ((TableData) runtime).version() : 0;
    Cached cached;
    synchronized (CACHE) {
      cached = CACHE.get(runtime);
      if (cached == null || cached.version() != version) {
        cached = new Cached(version, new ConcurrentHashMap<>());
        CACHE.put(runtime, cached);
      }
    }
    return cached.byColumn().computeIfAbsent(column, c -> {
      try {
        return runtime instanceof TableData
            ? fromManaged((TableData) runtime, c)
            : fromConnector((ConnectorTable) runtime, c, table.estimatedRows());
      } catch (RuntimeException e) {
        return -1.0; // statistics are a hint: a table that cannot be sampled stays unknown
      }
    });
  }

  /**
   * A uniform random sample of rows of the committed batches (all rows when the table is
   * small), with a fixed seed so plans are repeatable. Not every k-th row: tables are often
   * clustered by a foreign key (lineitem by l_orderkey, about 4 rows per order), and a
   * systematic sample then sees every value once and estimates l_orderkey as unique (6M
   * instead of 1.5M at SF 1), which made TPC-H q09 join lineitem to orders first.
   */
  private static double fromManaged(TableData data, int column) {
    List<Batch> batches = data.snapshot();
    long total = 0;
    for (Batch b : batches) {
      total += b.rowCount();
    }
    if (total == 0) {
      return 0;
    }
    long[] rows;
    if (total <= SAMPLE) {
      rows = new long[(int) total];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = i;
      }
    } else {
      java.util.SplittableRandom random = new java.util.SplittableRandom(42);
      rows = new long[SAMPLE];
      for (int i = 0; i < SAMPLE; i++) {
        rows[i] = random.nextLong(total);
      }
      java.util.Arrays.sort(rows);
    }
    List<Object> sample = new ArrayList<>(rows.length);
    int k = 0;
    long start = 0;
    for (Batch b : batches) {
      int n = b.rowCount();
      Column col = b.column(column);
      while (k < rows.length && rows[k] < start + n) {
        sample.add(col.getObject((int) (rows[k++] - start)));
      }
      start += n;
    }
    return estimate(sample, total);
  }

  /** The first rows of an external table (reading the whole file at planning time is too slow). */
  private static double fromConnector(ConnectorTable table, int column, double estimatedRows) {
    List<Object> sample = new ArrayList<>();
    boolean complete = true;
    try (BatchReader reader = table.read(new ReadRequest(new int[] {column}, List.of(), SAMPLE))) {
      Batch b;
      while ((b = reader.next()) != null) {
        Column col = b.column(0);
        for (int i = 0; i < b.rowCount() && sample.size() < SAMPLE; i++) {
          sample.add(col.getObject(i));
        }
        if (sample.size() >= SAMPLE) {
          complete = false;
          break;
        }
      }
    }
    long total = complete ? sample.size() : (long) Math.max(estimatedRows, sample.size());
    return estimate(sample, total);
  }

  /**
   * Duj1 (Haas and Stokes): {@code n d / (n - f1 + f1 n / N)} for a sample of n values with d
   * distinct ones, f1 of them seen once, from N rows. An all-distinct sample gives N, a sample
   * where every value repeats gives d; exact when the sample is the whole table.
   */
  static double estimate(List<Object> sample, long totalRows) {
    Map<Object, Integer> counts = new HashMap<>();
    int n = 0;
    for (Object v : sample) {
      if (v == null) {
        continue;
      }
      if (v instanceof float[]) {
        return -1;
      }
      Object key = v instanceof byte[] ? ByteBuffer.wrap((byte[]) v) : v;
      counts.merge(key, 1, Integer::sum);
      n++;
    }
    int d = counts.size();
    if (n == 0) {
      return 0;
    }
    long nonNullRows = Math.max(n, Math.round((double) totalRows * n / sample.size()));
    if (n >= nonNullRows) {
      return d;
    }
    int f1 = 0;
    for (int c : counts.values()) {
      if (c == 1) {
        f1++;
      }
    }
    double est = n * (double) d / (n - f1 + f1 * (double) n / nonNullRows);
    return Math.max(d, Math.min(est, nonNullRows));
  }
}
