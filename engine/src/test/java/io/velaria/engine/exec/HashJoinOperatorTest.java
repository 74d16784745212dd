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
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.operator.HashJoinOperator;
import io.velaria.engine.exec.operator.JoinType;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashJoinOperatorTest {
  /** Probe: k1 BIGINT, k2 VARCHAR, v BIGINT. */
  static final DataType[] PROBE = {DataType.BIGINT, DataType.VARCHAR, DataType.BIGINT};
  /** Build: k1 BIGINT, w BIGINT, k2 VARCHAR. */
  static final DataType[] BUILD = {DataType.BIGINT, DataType.BIGINT, DataType.VARCHAR};
  static final int[] PK = {0, 1};
  static final int[] BK = {0, 2};
  /** probe.v < build.w; NULL when either is NULL. */
  static final Function<List<Object>, Boolean> V_LT_W = row -> {
    Long v = (Long) row.get(2);
    Long w = (Long) row.get(4);
    return v == null || w == null ? null : v < w;
  };

  static List<Object[]> probeRows(int n, long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {rnd.nextInt(15) == 0 ? null : (long) rnd.nextInt(60),
          rnd.nextInt(15) == 0 ? null : "k" + rnd.nextInt(3),
          rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(100)});
    }
    return rows;
  }

  static List<Object[]> buildRows(int n, long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {rnd.nextInt(15) == 0 ? null : (long) rnd.nextInt(80),
          rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(100),
          rnd.nextInt(15) == 0 ? null : "k" + rnd.nextInt(3)});
    }
    return rows;
  }

  static List<List<Object>> runJoin(List<Object[]> probe, List<Object[]> build,
      boolean[] nullSafe, JoinType type, Function<List<Object>, Boolean> residual,
      int batchSize) {
    ExecContext ctx = TestBatches.ctx(1L << 30, batchSize);
    Evaluator ev = residual == null ? null : TestBatches.predicate(residual);
    Operator op = new HashJoinOperator(TestBatches.source(PROBE, probe, 700),
        TestBatches.source(BUILD, build, 300), PROBE, BUILD, PK, BK, nullSafe, type, ev, ctx);
    List<List<Object>> got = new ArrayList<>();
    try (op) {
      Batch b;
      while ((b = op.next()) != null) {
        assertTrue(b.rowCount() <= Math.max(batchSize, 700), "batch of " + b.rowCount());
        int width = type == JoinType.SEMI || type == JoinType.ANTI ? 3 : 6;
        assertEquals(width, b.columnCount());
        for (int r = 0; r < b.rowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < b.columnCount(); c++) {
            row.add(b.column(c).getObject(r));
          }
          got.add(row);
        }
      }
    }
    assertEquals(0, ctx.memory().used(), "memory released");
    return got;
  }

  static void check(List<Object[]> probe, List<Object[]> build, boolean[] nullSafe,
      JoinType type, Function<List<Object>, Boolean> residual, int batchSize) {
    List<List<Object>> expected = JoinReference.join(probe, build, 3, 3, PK, BK, nullSafe,
        type, residual);
    List<List<Object>> got = runJoin(probe, build, nullSafe, type, residual, batchSize);
    assertEquals(expected.size(), got.size(), type + " row count");
    assertEquals(sorted(expected), sorted(got), type.toString());
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void joinTypesWithoutResidual(JoinType type) {
    check(probeRows(3000, 1), buildRows(1500, 2), new boolean[2], type, null, 256);
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void joinTypesWithResidual(JoinType type) {
    check(probeRows(3000, 3), buildRows(1500, 4), new boolean[2], type, V_LT_W, 256);
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void nullSafeKeys(JoinType type) {
    check(probeRows(2000, 5), buildRows(1000, 6), new boolean[] {true, true}, type, null, 1024);
    check(probeRows(2000, 7), buildRows(1000, 8), new boolean[] {false, true}, type, V_LT_W,
        100);
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void emptySides(JoinType type) {
    List<Object[]> none = List.of();
    check(none, buildRows(100, 9), new boolean[2], type, null, 1024);
    check(probeRows(100, 10), none, new boolean[2], type, null, 1024);
    check(none, none, new boolean[2], type, V_LT_W, 1024);
    check(probeRows(100, 11), none, new boolean[2], type, V_LT_W, 1024);
  }

  @Test
  void manyMatchesPerProbeRowSpanBatches() {
    // 10,000 probe rows, each key matching 5 build rows: 50,000 output rows in batches.
    List<Object[]> probe = new ArrayList<>();
    List<Object[]> build = new ArrayList<>();
    for (long i = 0; i < 10_000; i++) {
      probe.add(new Object[] {i % 2000, "k", i});
    }
    for (long i = 0; i < 10_000; i++) {
      build.add(new Object[] {i % 2000, i, "k"});
    }
    check(probe, build, new boolean[2], JoinType.INNER, null, 1024);
    check(probe, build, new boolean[2], JoinType.FULL, V_LT_W, 1024);
    check(probe, build, new boolean[2], JoinType.SEMI, V_LT_W, 1024);
  }

  @Test
  void longProbeKeyAgainstDoubleBuildKey() {
    DataType[] p = {DataType.BIGINT};
    DataType[] b = {DataType.DOUBLE};
    ExecContext ctx = TestBatches.ctx();
    List<List<Object>> got = collect(new HashJoinOperator(
        new ListOperator(TestBatches.of(p, new Object[] {1L}, new Object[] {2L},
            new Object[] {null})),
        new ListOperator(TestBatches.of(b, new Object[] {2.0}, new Object[] {2.5},
            new Object[] {null})),
        p, b, new int[] {0}, new int[] {0}, new boolean[1], JoinType.INNER, null, ctx));
    assertEquals(List.of(Arrays.asList(2L, 2.0)), got);
  }

  @Test
  void buildSideOverMemoryLimit() {
    DataType[] t = {DataType.BIGINT};
    List<Batch> batches = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      long[] v = new long[1000];
      for (int j = 0; j < v.length; j++) {
        v[j] = i * 1000L + j;
      }
      batches.add(new Batch(new Column[] {new LongColumn(DataType.BIGINT, 1000, v, null)},
          1000));
    }
    ExecContext ctx = TestBatches.ctx(200_000, 1024);
    HashJoinOperator op = new HashJoinOperator(new ListOperator(batches.get(0)),
        new ListOperator(batches), t, t, new int[] {0}, new int[] {0}, new boolean[1],
        JoinType.INNER, null, ctx);
    VelariaException e = assertThrows(VelariaException.class, () -> collect(op));
    assertEquals("53200", e.sqlState());
    assertEquals(0, ctx.memory().used());
  }

  @Test
  void microTiming() {
    int buildRows = 1_000_000;
    int probeRows = 3_000_000;
    int batch = 4096;
    List<Batch> build = new ArrayList<>();
    for (int off = 0; off < buildRows; off += batch) {
      long[] k = new long[batch];
      for (int i = 0; i < batch; i++) {
        k[i] = off + i;
      }
      build.add(new Batch(new Column[] {new LongColumn(DataType.BIGINT, batch, k, null)},
          batch));
    }
    List<Batch> probe = new ArrayList<>();
    Random rnd = new Random(5);
    for (int off = 0; off < probeRows; off += batch) {
      long[] k = new long[batch];
      for (int i = 0; i < batch; i++) {
        k[i] = rnd.nextInt(buildRows * 2);
      }
      probe.add(new Batch(new Column[] {new LongColumn(DataType.BIGINT, batch, k, null)},
          batch));
    }
    DataType[] t = {DataType.BIGINT};
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      HashJoinOperator op = new HashJoinOperator(new ListOperator(probe),
          new ListOperator(build), t, t, new int[] {0}, new int[] {0}, new boolean[1],
          JoinType.INNER, null, TestBatches.ctx(1L << 31, 4096));
      long rows = 0;
      Batch b;
      while ((b = op.next()) != null) {
        rows += b.rowCount();
      }
      op.close();
      System.out.printf("hash join: build %d, probe %d -> %d rows in %.1f ms%n", buildRows,
          probeRows, rows, (System.nanoTime() - t0) / 1e6);
    }
  }
}
