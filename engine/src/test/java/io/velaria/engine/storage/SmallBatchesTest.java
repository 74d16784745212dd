package io.velaria.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallBatchesTest {
  /** A one-column batch holding from, from+1, ...; every seventh value NULL. */
  private static Batch batch(long from, int rows) {
    long[] v = new long[rows];
    boolean[] nulls = new boolean[rows];
    for (int i = 0; i < rows; i++) {
      v[i] = from + i;
      nulls[i] = (from + i) % 7 == 0;
    }
    return new Batch(new Column[] {new LongColumn(DataType.BIGINT, rows, v, nulls)}, rows);
  }

  private static List<Long> values(List<Batch> batches) {
    List<Long> out = new ArrayList<>();
    for (Batch b : batches) {
      for (int i = 0; i < b.rowCount(); i++) {
        out.add((Long) b.column(0).getObject(i));
      }
    }
    return out;
  }

  @Test
  void rowByRowAppendsKeepOrderAndFewBatches() {
    List<Batch> table = List.of();
    int n = 5000;
    for (int i = 0; i < n; i++) {
      table = SmallBatches.append(table, List.of(batch(i, 1)));
      assertTrue(table.size() <= n / SmallBatches.SMALL + SmallBatches.MAX_TRAILING + 2,
          "after " + (i + 1) + " rows the table has " + table.size() + " batches");
    }
    List<Long> got = values(table);
    assertEquals(n, got.size());
    for (int i = 0; i < n; i++) {
      if (i % 7 == 0) {
        assertNull(got.get(i), "row " + i);
      } else {
        assertEquals(i, got.get(i), "row " + i);
      }
    }
    for (Batch b : table) {
      assertTrue(b.rowCount() <= Batch.DEFAULT_SIZE);
    }
  }

  @Test
  void largeBatchesAreNeverCopied() {
    Batch big = batch(0, Batch.DEFAULT_SIZE);
    List<Batch> table = new ArrayList<>(List.of(big));
    for (int i = 0; i < SmallBatches.MAX_TRAILING + 3; i++) {
      table = SmallBatches.append(table, List.of(batch(100_000 + i, 2)));
    }
    assertTrue(table.get(0) == big, "the full batch is kept as it is");
    assertEquals(Batch.DEFAULT_SIZE + 2 * (SmallBatches.MAX_TRAILING + 3), values(table).size());
  }
}
