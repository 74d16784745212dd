package io.velaria.engine.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process of {@link CrashDurabilityTest}. {@code append DIR}: locks the database in DIR
 * and appends batch k (ids k*100 .. k*100+99) to table "t" forever, continuing from the
 * table's content, printing "committed k" after each append returns. {@code lock DIR}: holds
 * the lock and prints "locked". Either way it exits by itself after a minute at the latest,
 * so a lost parent never leaves it running.
 */
public final class CrashWriterMain {
  static final int BATCH_ROWS = 100;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (DatabaseLock lock = DatabaseLock.acquire(dir)) {
      if (args[0].equals("lock")) {
        System.out.println("locked");
        System.out.flush();
        while (System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        return;
      }
      try (DirectoryTableStore store = new DirectoryTableStore(dir.resolve("tables"))) {
        TableData table = store.open("t", TestRows.NUMBERED);
        long k = table.rowCount() / BATCH_ROWS;
        while (System.nanoTime() < deadline) {
          table.append(List.of(TestRows.numbered(k * BATCH_ROWS, BATCH_ROWS)));
          System.out.println("committed " + k);
          System.out.flush();
          k++;
        }
      }
    }
  }
}
