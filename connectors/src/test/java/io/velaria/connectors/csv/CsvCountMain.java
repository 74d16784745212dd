package io.velaria.connectors.csv;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a {@link CsvGen} file and prints "rows idSum valueSum millis". Run in a child JVM with a
 * small heap to show that files larger than the heap stream, and by hand to measure
 * throughput: {@code CsvCountMain FILE [SPLITS]}.
 */
public final class CsvCountMain {
  private CsvCountMain() {}

  public static void main(String[] args) throws Exception {
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int i = 0; i < repeat; i++) {
      run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 1);
    }
  }

  private static void run(Path file, int splits) throws Exception {
    long t0 = System.nanoTime();
    ConnectorTable t = new CsvConnector().open(
        new TableSpec("t", List.of(), Map.of("path", file.toString()), Path.of("/")));
    List<BatchReader> readers =
        t.split(new ReadRequest(new int[] {0, 2}, List.of(), -1), splits);
    ExecutorService pool = Executors.newFixedThreadPool(readers.size());
    long rows = 0;
    long idSum = 0;
    double valueSum = 0;
    long cpuNanos = 0;
    try {
      List<Future<Object[]>> parts = new java.util.ArrayList<>();
      for (BatchReader r : readers) {
        parts.add(pool.submit(() -> sum(r)));
      }
      for (Future<Object[]> f : parts) {
        Object[] p = f.get();
        rows += (Long) p[0];
        idSum += (Long) p[1];
        valueSum += (Double) p[2];
        cpuNanos += (Long) p[3];
      }
    } finally {
      pool.shutdown();
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    double mb = java.nio.file.Files.size(file) / 1e6;
    System.out.println(rows + " " + idSum + " " + valueSum + " " + ms + " " + readers.size()
        + String.format(" wall=%.0fMB/s cpu=%.0fMB/s-per-core", mb * 1000 / ms,
            mb * 1e9 / cpuNanos));
  }

  static Object[] sum(BatchReader r) {
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long rows = 0;
    long idSum = 0;
    double valueSum = 0;
    try (r) {
      for (Batch b = r.next(); b != null; b = r.next()) {
        long[] ids = ((LongColumn) b.column(0)).values();
        double[] vs = ((DoubleColumn) b.column(1)).values();
        for (int i = 0; i < b.rowCount(); i++) {
          idSum += ids[i];
          valueSum += vs[i];
        }
        rows += b.rowCount();
      }
    }
    long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
        - cpu0;
    return new Object[] {rows, idSum, valueSum, cpu};
  }
}
