package io.velaria.connectors.excel;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a sheet and prints "rows idSum" (run in a small-heap child JVM by the tests). */
public final class ExcelCountMain {
  private ExcelCountMain() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    ConnectorTable t = new ExcelConnector().open(new TableSpec("big", List.of(),
        Map.of("path", file.toString()), file.getParent()));
    long rows = 0;
    long sum = 0;
    try (BatchReader r = t.read(new ReadRequest(new int[] {0, 1, 2, 3}, List.of(), -1))) {
      Batch b;
      while ((b = r.next()) != null) {
        LongColumn id = (LongColumn) b.column(0);
        for (int i = 0; i < b.rowCount(); i++) {
          sum += id.get(i);
        }
        rows += b.rowCount();
      }
    }
    System.out.println(rows + " " + sum);
  }
}
