package io.velaria.engine.exec;

import static io.velaria.engine.exec.TestBatches.collect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.operator.SortKey;
import io.velaria.engine.exec.operator.SortOperator;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortOperatorTest {
  static final DataType[] TYPES = {DataType.BIGINT, DataType.VARCHAR, DataType.DOUBLE,
      DataType.BOOLEAN, DataType.INTEGER};

  static List<Object[]> rows(int n, long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {
          rnd.nextInt(12) == 0 ? null : (long) rnd.nextInt(50),
          rnd.nextInt(12) == 0 ? null : "s" + rnd.nextInt(20),
          rnd.nextInt(12) == 0 ? null : (rnd.nextInt(30) - 15) / 2.0,
          rnd.nextInt(12) == 0 ? null : rnd.nextBoolean(),
          (long) i}); // input position, to check stability
    }
    return rows;
  }

  /** Comparator of rows following SQL ORDER BY with the same rules as the operator. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<List<Object>> reference(List<SortKey> keys) {
    return (a, b) -> {
      for (SortKey k : keys) {
        Object x = a.get(k.column());
        Object y = b.get(k.column());
        int c;
        if (x == null || y == null) {
          c = x == y ? 0 : (x == null) == k.nullsFirst() ? -1 : 1;
        } else {
          c = ((Comparable) x).compareTo(y);
          if (x instanceof Double && (Double) x == 0.0 && (Double) y == 0.0) {
            c = 0;
          }
          c = k.descending() ? -c : c;
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  static List<List<Object>> expected(List<Object[]> rows, List<SortKey> keys, long offset,
      long limit) {
    List<List<Object>> all = TestBatches.rows(rows);
    all.sort(reference(keys)); // List.sort is stable
    int from = (int) Math.min(offset, all.size());
    int to = limit < 0 ? all.size() : (int) Math.min(all.size(), offset + limit);
    return all.subList(from, to);
  }

  static List<List<Object>> sort(List<Object[]> rows, List<SortKey> keys, long offset,
      long limit, int batchSize) {
    ExecContext ctx = TestBatches.ctx(1L << 30, batchSize);
    List<List<Object>> got = collect(new SortOperator(TestBatches.source(TYPES, rows, 1000),
        TYPES, keys, offset, limit, ctx));
    assertEquals(0, ctx.memory().used());
    return got;
  }

  static final List<List<SortKey>> KEY_SETS = List.of(
      List.of(new SortKey(0, false, false)),
      List.of(new SortKey(0, true, true)),
      List.of(new SortKey(1, false, true), new SortKey(2, true, false)),
      List.of(new SortKey(3, true, false), new SortKey(0, false, true),
          new SortKey(1, true, true)),
      List.of(new SortKey(2, false, false)));

  @Test
  void fullSortIsStableAcrossBatches() {
    List<Object[]> rows = rows(10_000, 1);
    for (List<SortKey> keys : KEY_SETS) {
      assertEquals(expected(rows, keys, 0, -1), sort(rows, keys, 0, -1, 1024), keys.toString());
    }
  }

  @Test
  void topNMatchesFullSort() {
    List<Object[]> rows = rows(20_000, 2);
    for (List<SortKey> keys : KEY_SETS) {
      for (long[] ol : new long[][] {{0, 10}, {5, 100}, {0, 3000}, {9000, 1000}, {0, 0},
          {19_990, 50}}) {
        List<List<Object>> top = sort(rows, keys, ol[0], ol[1], 1024);
        assertEquals(expected(rows, keys, ol[0], ol[1]), top, keys + " " + Arrays.toString(ol));
        // Limit beyond the top-N bound takes the full sort path; same answer.
        assertEquals(expected(rows, keys, ol[0], ol[1] + 20_000),
            sort(rows, keys, ol[0], ol[1] + 20_000, 1024));
      }
    }
  }

  @Test
  void emptyInputAndNegativeZero() {
    assertEquals(List.of(), sort(List.of(), List.of(new SortKey(0, false, false)), 0, -1, 64));
    List<Object[]> rows = List.of(new Object[] {1L, "a", 0.0, true, 0L},
        new Object[] {2L, "b", -0.0, true, 1L}, new Object[] {3L, "c", -1.0, true, 2L},
        new Object[] {4L, "d", Double.NaN, true, 3L});
    List<List<Object>> got = sort(rows, List.of(new SortKey(2, false, false)), 0, -1, 64);
    assertEquals(List.of(3L, 1L, 2L, 4L), got.stream().map(r -> r.get(0)).toList());
  }

  @Test
  void extremeLongValuesWithNulls() {
    List<Object[]> rows = new ArrayList<>();
    long[] values = {5, Long.MAX_VALUE, -1, Long.MIN_VALUE, 0};
    for (int i = 0; i < 40; i++) {
      Long v = i % 6 == 5 ? null : values[i % 5];
      rows.add(new Object[] {v, "x", 1.0, true, (long) i});
    }
    for (boolean desc : new boolean[] {false, true}) {
      for (boolean nullsFirst : new boolean[] {false, true}) {
        List<SortKey> keys = List.of(new SortKey(0, desc, nullsFirst));
        assertEquals(expected(rows, keys, 0, -1), sort(rows, keys, 0, -1, 7));
        assertEquals(expected(rows, keys, 3, 5), sort(rows, keys, 3, 5, 7));
      }
    }
  }

  @Test
  void memoryLimit() {
    ExecContext ctx = TestBatches.ctx(50_000, 1024);
    SortOperator op = new SortOperator(TestBatches.source(TYPES, rows(5000, 3), 500), TYPES,
        List.of(new SortKey(0, false, false)), 0, -1, ctx);
    VelariaException e = assertThrows(VelariaException.class, () -> collect(op));
    assertEquals("53200", e.sqlState());
    assertEquals(0, ctx.memory().used());
  }

  @Test
  void microTiming() {
    int n = 1_000_000;
    int batch = 4096;
    java.util.List<io.velaria.engine.column.Batch> batches = new ArrayList<>();
    Random rnd = new Random(9);
    for (int off = 0; off < n; off += batch) {
      long[] k = new long[batch];
      double[] d = new double[batch];
      for (int i = 0; i < batch; i++) {
        k[i] = rnd.nextInt(1000);
        d[i] = rnd.nextDouble();
      }
      batches.add(new io.velaria.engine.column.Batch(new io.velaria.engine.column.Column[] {
          new io.velaria.engine.column.LongColumn(DataType.BIGINT, batch, k, null),
          new io.velaria.engine.column.DoubleColumn(DataType.DOUBLE, batch, d, null)}, batch));
    }
    DataType[] types = {DataType.BIGINT, DataType.DOUBLE};
    List<SortKey> keys = List.of(new SortKey(0, false, false), new SortKey(1, true, false));
    for (long limit : new long[] {-1, 10, -1, 10}) {
      long t0 = System.nanoTime();
      SortOperator op = new SortOperator(new ListOperator(batches), types, keys, 0, limit,
          TestBatches.ctx(1L << 31, 4096));
      long rows = 0;
      io.velaria.engine.column.Batch b;
      while ((b = op.next()) != null) {
        rows += b.rowCount();
      }
      op.close();
      System.out.printf("sort %d rows, limit %d -> %d rows in %.1f ms%n", n, limit, rows,
          (System.nanoTime() - t0) / 1e6);
    }
  }
}
