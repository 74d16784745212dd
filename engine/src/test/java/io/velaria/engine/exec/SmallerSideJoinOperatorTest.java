package io.velaria.engine.exec;

import static io.velaria.engine.exec.HashJoinOperatorTest.BK;
import static io.velaria.engine.exec.HashJoinOperatorTest.BUILD;
import static io.velaria.engine.exec.HashJoinOperatorTest.PK;
import static io.velaria.engine.exec.HashJoinOperatorTest.PROBE;
import static io.velaria.engine.exec.HashJoinOperatorTest.V_LT_W;
import static io.velaria.engine.exec.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.operator.JoinType;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.exec.operator.SmallerSideJoinOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The INNER join that swaps sides when the planned build side is the larger: same rows and
 * column order as the reference join whether or not it swaps, with and without a residual.
 */
class SmallerSideJoinOperatorTest {
  /** Rows with keys in [0, keys): k1 BIGINT, k2 VARCHAR, v BIGINT (probe layout). */
  private static List<Object[]> probeRows(int n, int keys, long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {rnd.nextInt(50) == 0 ? null : (long) rnd.nextInt(keys),
          "k" + rnd.nextInt(2), rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(100)});
    }
    return rows;
  }

  /** k1 BIGINT, w BIGINT, k2 VARCHAR (build layout). */
  private static List<Object[]> buildRows(int n, int keys, long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {rnd.nextInt(50) == 0 ? null : (long) rnd.nextInt(keys),
          rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(100), "k" + rnd.nextInt(2)});
    }
    return rows;
  }

  private static void check(List<Object[]> probe, List<Object[]> build,
      Function<List<Object>, Boolean> residual, boolean[] reads) {
    List<List<Object>> expected = JoinReference.join(probe, build, 3, 3, PK, BK,
        new boolean[2], JoinType.INNER, residual);
    ExecContext ctx = TestBatches.ctx(1L << 30, 1024);
    Evaluator ev = residual == null ? null : TestBatches.predicate(residual);
    Operator op = new SmallerSideJoinOperator(TestBatches.source(PROBE, probe, 1000),
        TestBatches.source(BUILD, build, 1000), PROBE, BUILD, PK, BK, new boolean[2], ev,
        reads, ctx);
    List<List<Object>> got = new ArrayList<>();
    try (op) {
      Batch b;
      while ((b = op.next()) != null) {
        assertEquals(6, b.columnCount());
        for (int r = 0; r < b.rowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < 6; c++) {
            row.add(b.column(c).getObject(r));
          }
          got.add(row);
        }
      }
    }
    assertEquals(0, ctx.memory().used(), "memory released");
    assertEquals(expected.size(), got.size(), "row count");
    assertEquals(sorted(expected), sorted(got));
  }

  @Test
  void largeBuildSmallProbeSwaps() {
    // 70,000 planned build rows against 3,000 probe rows: the probe side becomes the build
    check(probeRows(3000, 5000, 1), buildRows(70_000, 5000, 2), null, null);
    check(probeRows(3000, 5000, 3), buildRows(70_000, 5000, 4), V_LT_W, null);
    // the residual reads probe v (2) and build w (4) only
    check(probeRows(3000, 5000, 5), buildRows(70_000, 5000, 6), V_LT_W,
        new boolean[] {false, false, true, false, true, false});
  }

  @Test
  void largeBuildLargerProbeKeepsPlan() {
    // the probe side outgrows the build side: read-ahead batches are replayed, no swap
    check(probeRows(80_000, 20_000, 7), buildRows(70_000, 20_000, 8), V_LT_W,
        new boolean[] {false, false, true, false, true, false});
  }

  @Test
  void smallBuildAndEmptySides() {
    check(probeRows(5000, 100, 9), buildRows(200, 100, 10), V_LT_W, null);
    check(List.of(), buildRows(70_000, 100, 11), null, null);
    check(probeRows(100, 100, 12), List.of(), V_LT_W, null);
  }
}
