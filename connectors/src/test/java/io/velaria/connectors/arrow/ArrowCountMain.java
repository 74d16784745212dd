package io.velaria.connectors.arrow;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads an Arrow file or stream with columns (id BIGINT, name VARCHAR, score DOUBLE) and
 * prints "rows idSum names scoreSum" (run by ArrowFlaglessTest in a JVM without flags).
 */
public final class ArrowCountMain {
  private ArrowCountMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    ConnectorTable t = new ArrowConnector().open(new TableSpec("t", List.of(),
        Map.of("path", file.toString()), file.getParent()));
    long rows = 0;
    long idSum = 0;
    long names = 0;
    double scoreSum = 0;
    try (BatchReader r = t.read(new ReadRequest(new int[] {0, 1, 2}, List.of(), -1))) {
      Batch b;
      while ((b = r.next()) != null) {
        LongColumn id = (LongColumn) b.column(0);
        Column name = b.column(1);
        DoubleColumn score = (DoubleColumn) b.column(2);
        for (int i = 0; i < b.rowCount(); i++) {
          idSum += id.get(i);
          names += name.isNull(i) ? 0 : 1;
          scoreSum += score.isNull(i) ? 0 : score.get(i);
        }
        rows += b.rowCount();
      }
    }
    System.out.println(rows + " " + idSum + " " + names + " " + scoreSum);
  }
}
