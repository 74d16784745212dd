package io.velaria.engine.exec;

import static io.velaria.engine.exec.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.exec.operator.JoinType;
import io.velaria.engine.exec.operator.NestedLoopJoinOperator;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NestedLoopJoinOperatorTest {
  static final DataType[] LEFT = {DataType.BIGINT, DataType.VARCHAR};
  static final DataType[] RIGHT = {DataType.BIGINT, DataType.DOUBLE};
  /** left.a between right.b - 2 and right.b + 2 (NULL if any is NULL). */
  static final Function<List<Object>, Boolean> NEAR = row -> {
    Long a = (Long) row.get(0);
    Long b = (Long) row.get(2);
    return a == null || b == null ? null : Math.abs(a - b) <= 2;
  };

  static List<Object[]> rows(int n, long seed, boolean left) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Long k = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(200);
      rows.add(left ? new Object[] {k, "s" + i} : new Object[] {k, rnd.nextDouble()});
    }
    return rows;
  }

  static void check(List<Object[]> left, List<Object[]> right, JoinType type,
      Function<List<Object>, Boolean> cond, int batchSize) {
    List<List<Object>> expected = JoinReference.join(left, right, 2, 2, new int[0],
        new int[0], new boolean[0], type, cond);
    ExecContext ctx = TestBatches.ctx(1L << 30, batchSize);
    List<List<Object>> got = TestBatches.collect(new NestedLoopJoinOperator(
        TestBatches.source(LEFT, left, 500), TestBatches.source(RIGHT, right, 170), LEFT, RIGHT,
        type, cond == null ? null : TestBatches.predicate(cond), ctx));
    assertEquals(expected.size(), got.size(), type + " row count");
    assertEquals(sorted(expected), sorted(got), type.toString());
    assertEquals(0, ctx.memory().used());
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void thetaJoin(JoinType type) {
    check(rows(1200, 1, true), rows(400, 2, false), type, NEAR, 512);
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void crossJoin(JoinType type) {
    check(rows(300, 3, true), rows(90, 4, false), type, null, 1024);
  }

  @ParameterizedTest
  @EnumSource(JoinType.class)
  void emptySides(JoinType type) {
    check(List.of(), rows(10, 5, false), type, NEAR, 1024);
    check(rows(10, 6, true), List.of(), type, NEAR, 1024);
    check(rows(10, 6, true), List.of(), type, null, 1024);
    check(List.of(), List.of(), type, null, 1024);
  }
}
