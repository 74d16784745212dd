package io.velaria.engine.exec;

import static io.velaria.engine.exec.TestBatches.collect;
import static io.velaria.engine.exec.TestBatches.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.exec.operator.SetOperationOperator;
import io.velaria.engine.exec.operator.SetOperationOperator.Kind;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SetOperationOperatorTest {
  static final DataType[] TYPES = {DataType.BIGINT, DataType.VARCHAR};

  static List<Object[]> rows(int n, long seed) {
    Random rnd = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Object[] {rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(15),
          rnd.nextInt(8) == 0 ? null : "v" + rnd.nextInt(4)});
    }
    return rows;
  }

  static Map<List<Object>, Long> counts(List<Object[]> rows) {
    Map<List<Object>, Long> m = new HashMap<>();
    for (List<Object> r : TestBatches.rows(rows)) {
      m.merge(r, 1L, Long::sum);
    }
    return m;
  }

  static List<List<Object>> expected(List<List<Object[]>> inputs, Kind kind, boolean all) {
    Map<List<Object>, Long> acc = counts(inputs.get(0));
    if (kind == Kind.UNION) {
      for (List<Object[]> in : inputs.subList(1, inputs.size())) {
        counts(in).forEach((k, v) -> acc.merge(k, v, Long::sum));
      }
    }
    if (!all) {
      acc.replaceAll((k, v) -> 1L);
    }
    for (List<Object[]> in : inputs.subList(1, inputs.size())) {
      if (kind == Kind.UNION) {
        break;
      }
      Map<List<Object>, Long> c = counts(in);
      if (!all) {
        c.replaceAll((k, v) -> 1L);
      }
      acc.replaceAll((k, v) -> kind == Kind.INTERSECT ? Math.min(v, c.getOrDefault(k, 0L))
          : Math.max(0, v - c.getOrDefault(k, 0L)));
    }
    List<List<Object>> out = new ArrayList<>();
    acc.forEach((k, v) -> {
      for (long i = 0; i < v; i++) {
        out.add(k);
      }
    });
    return out;
  }

  static List<List<Object>> run(List<List<Object[]>> inputs, Kind kind, boolean all) {
    List<Operator> ops = new ArrayList<>();
    for (List<Object[]> in : inputs) {
      ops.add(TestBatches.source(TYPES, in, 300));
    }
    ExecContext ctx = TestBatches.ctx(1L << 30, 256);
    List<List<Object>> got = collect(new SetOperationOperator(ops, TYPES, kind, all, ctx));
    assertEquals(0, ctx.memory().used());
    return got;
  }

  @Test
  void allKindsAgainstReference() {
    List<List<List<Object[]>>> cases = List.of(
        List.of(rows(2000, 1), rows(1500, 2)),
        List.of(rows(2000, 3), rows(800, 4), rows(3000, 5)),
        List.of(rows(500, 6), List.of()),
        List.of(List.of(), rows(500, 7)),
        List.of(rows(700, 8)));
    for (List<List<Object[]>> inputs : cases) {
      for (Kind kind : Kind.values()) {
        for (boolean all : new boolean[] {false, true}) {
          assertEquals(sorted(expected(inputs, kind, all)), sorted(run(inputs, kind, all)),
              kind + (all ? " ALL" : "") + " of " + inputs.size());
        }
      }
    }
  }

  @Test
  void nullsCompareEqual() {
    List<Object[]> a = List.of(new Object[] {null, "x"}, new Object[] {null, "x"},
        new Object[] {1L, null});
    List<Object[]> b = List.of(new Object[] {null, "x"}, new Object[] {1L, null});
    assertEquals(List.of(List.of(List.of()).get(0)).size(), 1);
    List<List<Object>> got = run(List.of(a, b), Kind.EXCEPT, true);
    assertEquals(1, got.size());
    assertEquals(java.util.Arrays.asList(null, "x"), got.get(0));
    assertEquals(2, run(List.of(a, b), Kind.INTERSECT, false).size());
    assertEquals(0, run(List.of(a, b), Kind.EXCEPT, false).size());
  }
}
