package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.drain;
import static io.velaria.connectors.csv.CsvTestSupport.open;
import static io.velaria.connectors.csv.CsvTestSupport.row;
import static io.velaria.connectors.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.spi.ColumnPredicate.Op;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilterTest {
  @TempDir Path dir;

  ConnectorTable table() throws Exception {
    StringBuilder sb = new StringBuilder("id,name,score,ok\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i).append(",n").append(i % 10).append(',')
          .append(i % 3 == 0 ? "" : String.valueOf(i * 0.5)).append(',')
          .append(i % 2 == 0).append('\n');
    }
    return open(write(dir, "f.csv", sb.toString()), List.of());
  }

  static List<List<Object>> read(ConnectorTable t, int[] cols, long limit,
      ColumnPredicate... preds) {
    try (BatchReader r = t.read(new ReadRequest(cols, List.of(preds), limit))) {
      return drain(r);
    }
  }

  static ColumnPredicate p(int col, Op op, Object... values) {
    return new ColumnPredicate(col, op, Arrays.asList(values));
  }

  @Test
  void predicatesDropRowsEarly() throws Exception {
    ConnectorTable t = table();
    assertEquals(List.of(row("n7")), read(t, new int[] {1}, -1, p(0, Op.EQ, 4567L)));
    assertEquals(3, read(t, new int[] {0}, -1, p(0, Op.LT, 3L)).size());
    assertEquals(2000, read(t, new int[] {}, -1, p(1, Op.IN, "n1", "n2", null)).size());
    assertEquals(3334, read(t, new int[] {0}, -1, p(2, Op.IS_NULL)).size());
    List<List<Object>> both = read(t, new int[] {2, 0}, -1, p(2, Op.GE, 4990.0),
        p(3, Op.EQ, true));
    // ids 9980..9999 with score >= 4990, even, not a multiple of 3.
    long expected = java.util.stream.IntStream.range(9980, 10_000)
        .filter(i -> i % 2 == 0 && i % 3 != 0).count();
    assertEquals(expected, both.size());
    assertEquals(row(4990.0, 9980L), both.get(0));
    // The limit counts rows that pass the filter.
    assertEquals(List.of(row(3L), row(13L), row(23L), row(33L), row(43L)),
        read(t, new int[] {0}, 5, p(1, Op.EQ, "n3")));
    // Operands of an unexpected class are not used: the engine filters.
    assertEquals(10_000, read(t, new int[] {0}, -1, p(0, Op.EQ, "5")).size());
  }
}
