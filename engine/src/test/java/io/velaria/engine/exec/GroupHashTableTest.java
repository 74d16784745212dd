package io.velaria.engine.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.hash.GroupHashTable;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupHashTableTest {
  @Test
  void denseIdsInOrderOfFirstAppearance() {
    DataType[] types = {DataType.BIGINT, DataType.VARCHAR, DataType.DOUBLE, DataType.BOOLEAN};
    Random rnd = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(new Object[] {rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(20),
          rnd.nextInt(10) == 0 ? null : "s" + rnd.nextInt(5),
          rnd.nextInt(10) == 0 ? null : (double) rnd.nextInt(3),
          rnd.nextInt(10) == 0 ? null : rnd.nextBoolean()});
    }
    ExecContext ctx = TestBatches.ctx();
    Map<List<Object>, Integer> expected = new HashMap<>();
    try (GroupHashTable t = GroupHashTable.forGrouping(types, ctx, "test")) {
      for (Batch b : TestBatches.batches(types, rows, 999)) {
        int[] ids = new int[b.rowCount()];
        t.findOrInsert(b.columns(), b.rowCount(), ids);
        for (int r = 0; r < b.rowCount(); r++) {
          List<Object> key = new ArrayList<>();
          for (int c = 0; c < types.length; c++) {
            key.add(b.column(c).getObject(r));
          }
          Integer want = expected.computeIfAbsent(key, k -> expected.size());
          assertEquals(want, ids[r], key.toString());
        }
      }
      assertEquals(expected.size(), t.size());
      // Output of key columns reproduces the keys in id order.
      for (Map.Entry<List<Object>, Integer> e : expected.entrySet()) {
        for (int c = 0; c < types.length; c++) {
          assertEquals(e.getKey().get(c), t.keyColumn(c, e.getValue(), 1).getObject(0));
        }
      }
    }
    assertEquals(0, ctx.memory().used());
  }

  @Test
  void nullKeysNeverMatchUnlessNullSafe() {
    DataType[] types = {DataType.BIGINT, DataType.VARCHAR};
    Batch b = TestBatches.of(types, new Object[] {1L, "a"}, new Object[] {null, "a"},
        new Object[] {1L, null}, new Object[] {null, null}, new Object[] {1L, null});
    ExecContext ctx = TestBatches.ctx();
    try (GroupHashTable t = new GroupHashTable(types, new boolean[] {false, true}, ctx, "t")) {
      int[] ids = new int[5];
      t.findOrInsert(b.columns(), 5, ids);
      assertArrayEquals(new int[] {0, -1, 1, -1, 1}, ids);
      t.find(b.columns(), 5, ids);
      assertArrayEquals(new int[] {0, -1, 1, -1, 1}, ids);
    }
  }

  @Test
  void singleLongKeyFastPathDoesNotMatchStoredNull() {
    DataType[] types = {DataType.BIGINT};
    ExecContext ctx = TestBatches.ctx();
    try (GroupHashTable t = GroupHashTable.forGrouping(types, ctx, "t")) {
      int[] ids = new int[2];
      Batch withNull = TestBatches.of(types, new Object[] {null}, new Object[] {5L});
      t.findOrInsert(withNull.columns(), 2, ids);
      assertArrayEquals(new int[] {0, 1}, ids);
      // A null-free batch takes the fast path; its 0 must not equal the stored NULL.
      Batch zero = TestBatches.of(types, new Object[] {0L}, new Object[] {5L});
      t.findOrInsert(zero.columns(), 2, ids);
      assertArrayEquals(new int[] {2, 1}, ids);
    }
  }
}
