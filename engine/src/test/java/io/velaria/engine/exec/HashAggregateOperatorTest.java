package io.velaria.engine.exec;

import static io.velaria.engine.exec.TestBatches.collect;
import static io.velaria.engine.exec.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.agg.AggKind;
import io.velaria.engine.exec.agg.AggregateSpec;
import io.velaria.engine.exec.operator.DistinctOperator;
import io.velaria.engine.exec.operator.HashAggregateOperator;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest {
  private static final DataType DEC152 = DataType.decimal(15, 2);

  static AggregateSpec spec(AggKind kind, int arg, DataType in, DataType out) {
    return new AggregateSpec(kind, arg, false, -1, in, out);
  }

  static AggregateSpec distinct(AggKind kind, int arg, DataType in, DataType out) {
    return new AggregateSpec(kind, arg, true, -1, in, out);
  }

  private static List<List<Object>> run(DataType[] types, List<Object[]> rows, int[] keys,
      List<AggregateSpec> aggs) {
    ExecContext ctx = TestBatches.ctx();
    return collect(new HashAggregateOperator(TestBatches.source(types, rows, 1000), types, keys,
        aggs, ctx));
  }

  @Test
  void groupsByLongAndStringWithNullsAcrossBatches() {
    DataType[] types = {DataType.BIGINT, DataType.VARCHAR, DataType.BIGINT, DataType.DOUBLE};
    Random rnd = new Random(1);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Long k1 = rnd.nextInt(20) == 0 ? null : (long) rnd.nextInt(30);
      String k2 = rnd.nextInt(20) == 0 ? null : "s" + rnd.nextInt(7);
      Long v = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(1000) - 500;
      Double d = rnd.nextInt(10) == 0 ? null : rnd.nextInt(100) / 4.0;
      rows.add(new Object[] {k1, k2, v, d});
    }
    List<AggregateSpec> aggs = List.of(
        spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT),
        spec(AggKind.COUNT, 2, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.SUM, 2, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.MIN, 2, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.MAX, 3, DataType.DOUBLE, DataType.DOUBLE),
        spec(AggKind.SUM, 3, DataType.DOUBLE, DataType.DOUBLE),
        spec(AggKind.AVG, 2, DataType.BIGINT, DataType.DOUBLE));
    ExecContext ctx = TestBatches.ctx(1L << 30, 1024);
    List<List<Object>> got = collect(new HashAggregateOperator(
        TestBatches.source(types, rows, 1000), types, new int[] {0, 1}, aggs, ctx));

    Map<List<Object>, long[]> ex = new HashMap<>();
    Map<List<Object>, Long> min = new HashMap<>();
    Map<List<Object>, Double> max = new HashMap<>();
    Map<List<Object>, Double> dsum = new HashMap<>();
    for (Object[] r : rows) {
      List<Object> k = Arrays.asList(r[0], r[1]);
      long[] e = ex.computeIfAbsent(k, x -> new long[3]);
      e[0]++;
      if (r[2] != null) {
        e[1]++;
        e[2] += (Long) r[2];
        min.merge(k, (Long) r[2], Math::min);
      }
      if (r[3] != null) {
        max.merge(k, (Double) r[3], Math::max);
        dsum.merge(k, (Double) r[3], Double::sum);
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    for (Map.Entry<List<Object>, long[]> e : ex.entrySet()) {
      long[] v = e.getValue();
      List<Object> k = e.getKey();
      expected.add(Arrays.asList(k.get(0), k.get(1), v[0], v[1], v[1] == 0 ? null : v[2],
          min.get(k), max.get(k), dsum.get(k), v[1] == 0 ? null : v[2] / (double) v[1]));
    }
    assertEquals(sorted(expected), sorted(got));
    assertEquals(0, ctx.memory().used(), "memory released on close");
  }

  @Test
  void globalAggregateOverEmptyInput() {
    DataType[] types = {DataType.BIGINT, DataType.VARCHAR};
    List<List<Object>> got = run(types, List.of(), new int[0], List.of(
        spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT),
        spec(AggKind.COUNT, 0, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.SUM, 0, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.SUM0, 0, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.AVG, 0, DataType.BIGINT, DataType.DOUBLE),
        spec(AggKind.MIN, 1, DataType.VARCHAR, DataType.VARCHAR),
        spec(AggKind.MAX, 0, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.SINGLE_VALUE, 0, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.BOOL_AND, 0, DataType.BOOLEAN, DataType.BOOLEAN)));
    assertEquals(List.of(Arrays.asList(0L, 0L, null, 0L, null, null, null, null, null)), got);
  }

  @Test
  void groupedAggregateOverEmptyInputHasNoRows() {
    DataType[] types = {DataType.BIGINT};
    assertEquals(List.of(), run(types, List.of(), new int[] {0},
        List.of(spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT))));
  }

  @Test
  void singleValue() {
    DataType[] types = {DataType.BIGINT, DataType.VARCHAR};
    List<AggregateSpec> aggs = List.of(spec(AggKind.SINGLE_VALUE, 1, DataType.VARCHAR,
        DataType.VARCHAR));
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {1L, "a"});
    rows.add(new Object[] {2L, null});
    assertEquals(sorted(List.of(Arrays.asList(1L, "a"), Arrays.asList(2L, null))),
        sorted(run(types, rows, new int[] {0}, aggs)));
    rows.add(new Object[] {1L, "b"});
    VelariaException e = assertThrows(VelariaException.class,
        () -> run(types, rows, new int[] {0}, aggs));
    assertEquals("21000", e.sqlState());
    assertTrue(e.getMessage().contains("more than one row"));
  }

  @Test
  void sumOverflow() {
    DataType[] types = {DataType.BIGINT};
    List<Object[]> rows = List.of(new Object[] {Long.MAX_VALUE - 1}, new Object[] {5L});
    VelariaException e = assertThrows(VelariaException.class, () -> run(types, rows,
        new int[0], List.of(spec(AggKind.SUM, 0, DataType.BIGINT, DataType.BIGINT))));
    assertEquals("22003", e.sqlState());
    assertTrue(e.getMessage().contains("SUM overflow"));
  }

  @Test
  void avgDoesNotOverflow() {
    DataType[] types = {DataType.BIGINT};
    List<Object[]> rows = List.of(new Object[] {Long.MAX_VALUE}, new Object[] {Long.MAX_VALUE});
    List<List<Object>> got = run(types, rows, new int[0], List.of(
        spec(AggKind.AVG, 0, DataType.BIGINT, DataType.BIGINT),
        spec(AggKind.AVG, 0, DataType.BIGINT, DataType.DOUBLE)));
    assertEquals(List.of(Arrays.asList(Long.MAX_VALUE, (double) Long.MAX_VALUE)), got);
  }

  @Test
  void decimalSumAndAvg() {
    DataType[] types = {DEC152};
    // 1.25, 2.50, 3.00, NULL
    List<Object[]> rows = List.of(new Object[] {125L}, new Object[] {250L},
        new Object[] {300L}, new Object[] {null});
    List<List<Object>> got = run(types, rows, new int[0], List.of(
        spec(AggKind.SUM, 0, DEC152, DataType.decimal(18, 2)),
        spec(AggKind.SUM, 0, DEC152, DataType.decimal(18, 4)),
        spec(AggKind.AVG, 0, DEC152, DataType.DOUBLE),
        // 6.75 / 3 = 2.25 -> DECIMAL(10,1) 2.3 (half up); integer 2
        spec(AggKind.AVG, 0, DEC152, DataType.decimal(10, 1)),
        spec(AggKind.AVG, 0, DEC152, DataType.INTEGER),
        spec(AggKind.MIN, 0, DEC152, DEC152),
        spec(AggKind.MAX, 0, DEC152, DEC152)));
    assertEquals(List.of(Arrays.asList(675L, 67500L, 2.25, 23L, 2L, 125L, 300L)), got);
    // Negative half rounds away from zero: -2.25 -> -2.3
    List<Object[]> neg = List.of(new Object[] {-125L}, new Object[] {-250L},
        new Object[] {-300L});
    assertEquals(List.of(List.of(-23L)), run(types, neg, new int[0],
        List.of(spec(AggKind.AVG, 0, DEC152, DataType.decimal(10, 1)))));
  }

  @Test
  void distinctAggregatesAndFilter() {
    DataType[] types = {DataType.BIGINT, DataType.BIGINT, DataType.BOOLEAN};
    Random rnd = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(new Object[] {(long) rnd.nextInt(5),
          rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(40),
          rnd.nextInt(6) == 0 ? null : rnd.nextBoolean()});
    }
    List<AggregateSpec> aggs = List.of(
        distinct(AggKind.COUNT, 1, DataType.BIGINT, DataType.BIGINT),
        distinct(AggKind.SUM, 1, DataType.BIGINT, DataType.BIGINT),
        new AggregateSpec(AggKind.COUNT_STAR, -1, false, 2, null, DataType.BIGINT),
        new AggregateSpec(AggKind.SUM, 1, true, 2, DataType.BIGINT, DataType.BIGINT));
    List<List<Object>> got = run(types, rows, new int[] {0}, aggs);
    Map<Long, Set<Long>> vals = new HashMap<>();
    Map<Long, Set<Long>> filteredVals = new HashMap<>();
    Map<Long, Long> filteredCount = new HashMap<>();
    for (Object[] r : rows) {
      Long k = (Long) r[0];
      Set<Long> s = vals.computeIfAbsent(k, x -> new HashSet<>());
      Set<Long> fs = filteredVals.computeIfAbsent(k, x -> new HashSet<>());
      filteredCount.putIfAbsent(k, 0L);
      if (r[1] != null) {
        s.add((Long) r[1]);
      }
      if (Boolean.TRUE.equals(r[2])) {
        filteredCount.merge(k, 1L, Long::sum);
        if (r[1] != null) {
          fs.add((Long) r[1]);
        }
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    for (Long k : vals.keySet()) {
      Set<Long> fs = filteredVals.get(k);
      expected.add(Arrays.asList(k, (long) vals.get(k).size(),
          vals.get(k).stream().mapToLong(Long::longValue).sum(), filteredCount.get(k),
          fs.isEmpty() ? null : fs.stream().mapToLong(Long::longValue).sum()));
    }
    assertEquals(sorted(expected), sorted(got));
  }

  @Test
  void booleanStringAndAnyValueAggregates() {
    DataType[] types = {DataType.BIGINT, DataType.BOOLEAN, DataType.VARCHAR};
    List<Object[]> rows = List.of(
        new Object[] {1L, true, "pear"}, new Object[] {1L, null, null},
        new Object[] {1L, false, "apple"}, new Object[] {2L, true, "fig"},
        new Object[] {2L, null, "zebra"}, new Object[] {3L, null, null});
    List<List<Object>> got = run(types, rows, new int[] {0}, List.of(
        spec(AggKind.BOOL_AND, 1, DataType.BOOLEAN, DataType.BOOLEAN),
        spec(AggKind.BOOL_OR, 1, DataType.BOOLEAN, DataType.BOOLEAN),
        spec(AggKind.MIN, 2, DataType.VARCHAR, DataType.VARCHAR),
        spec(AggKind.MAX, 2, DataType.VARCHAR, DataType.VARCHAR),
        spec(AggKind.MIN, 1, DataType.BOOLEAN, DataType.BOOLEAN),
        spec(AggKind.MAX, 1, DataType.BOOLEAN, DataType.BOOLEAN),
        spec(AggKind.ANY_VALUE, 2, DataType.VARCHAR, DataType.VARCHAR)));
    assertEquals(List.of(
        Arrays.asList(1L, false, true, "apple", "pear", false, true, "pear"),
        Arrays.asList(2L, true, true, "fig", "zebra", true, true, "fig"),
        Arrays.asList(3L, null, null, null, null, null, null, null)), got);
  }

  @Test
  void doubleKeysNegativeZeroAndNaN() {
    DataType[] types = {DataType.DOUBLE};
    List<Object[]> rows = List.of(new Object[] {0.0}, new Object[] {-0.0},
        new Object[] {Double.NaN}, new Object[] {0.0 / 0.0}, new Object[] {null},
        new Object[] {null}, new Object[] {1.5});
    List<List<Object>> got = run(types, rows, new int[] {0},
        List.of(spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT)));
    assertEquals(4, got.size());
    assertEquals(List.of(2L, 2L, 2L, 1L), got.stream().map(r -> r.get(1)).toList());
  }

  @Test
  void distinctOperator() {
    DataType[] types = {DataType.BIGINT, DataType.VARCHAR};
    List<Object[]> rows = List.of(new Object[] {1L, "a"}, new Object[] {1L, "a"},
        new Object[] {null, "a"}, new Object[] {null, "a"}, new Object[] {1L, null},
        new Object[] {2L, "b"});
    List<List<Object>> got = collect(new DistinctOperator(TestBatches.source(types, rows, 2),
        types, TestBatches.ctx()));
    assertEquals(List.of(Arrays.asList(1L, "a"), Arrays.asList(null, "a"),
        Arrays.asList(1L, null), Arrays.asList(2L, "b")), got);
  }

  @Test
  void memoryLimitExceeded() {
    DataType[] types = {DataType.BIGINT};
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 50_000; i++) {
      rows.add(new Object[] {i});
    }
    ExecContext ctx = TestBatches.ctx(100_000, 1024);
    HashAggregateOperator op = new HashAggregateOperator(TestBatches.source(types, rows, 1024),
        types, new int[] {0}, List.of(spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT)), ctx);
    VelariaException e = assertThrows(VelariaException.class, () -> collect(op));
    assertEquals("53200", e.sqlState());
    assertEquals(0, ctx.memory().used());
  }

  @Test
  void outputBatchesRespectBatchSizeAndCancellationStops() {
    DataType[] types = {DataType.BIGINT};
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 10_000; i++) {
      rows.add(new Object[] {i % 3000});
    }
    ExecContext ctx = TestBatches.ctx(1L << 30, 512);
    HashAggregateOperator op = new HashAggregateOperator(TestBatches.source(types, rows, 1024),
        types, new int[] {0}, List.of(spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT)), ctx);
    int total = 0;
    Batch b;
    while ((b = op.next()) != null) {
      assertTrue(b.rowCount() <= 512);
      total += b.rowCount();
    }
    op.close();
    assertEquals(3000, total);

    ExecContext cancelled = TestBatches.ctx(1L << 30, 512);
    cancelled.control().cancel();
    HashAggregateOperator op2 = new HashAggregateOperator(
        TestBatches.source(types, rows, 1024), types, new int[] {0},
        List.of(spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT)), cancelled);
    VelariaException e = assertThrows(VelariaException.class, () -> collect(op2));
    assertEquals("57014", e.sqlState());
  }

  @Test
  void microTiming() {
    int n = 2_000_000;
    int batch = 4096;
    List<Batch> batches = new ArrayList<>();
    Random rnd = new Random(3);
    for (int off = 0; off < n; off += batch) {
      long[] k = new long[batch];
      long[] v = new long[batch];
      for (int i = 0; i < batch; i++) {
        k[i] = rnd.nextInt(100_000);
        v[i] = rnd.nextInt(1000);
      }
      batches.add(new Batch(new Column[] {new LongColumn(DataType.BIGINT, batch, k, null),
          new LongColumn(DataType.BIGINT, batch, v, null)}, batch));
    }
    DataType[] types = {DataType.BIGINT, DataType.BIGINT};
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      HashAggregateOperator op = new HashAggregateOperator(new ListOperator(batches), types,
          new int[] {0}, List.of(spec(AggKind.SUM, 1, DataType.BIGINT, DataType.BIGINT),
              spec(AggKind.COUNT_STAR, -1, null, DataType.BIGINT)), TestBatches.ctx());
      long groups = 0;
      Batch b;
      while ((b = op.next()) != null) {
        groups += b.rowCount();
      }
      op.close();
      System.out.printf("hash aggregate: %d rows, %d groups in %.1f ms%n", n, groups,
          (System.nanoTime() - t0) / 1e6);
    }
  }
}
