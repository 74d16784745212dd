package io.velaria.jdbc.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL while it runs INSERTs into a persistent database, many times,
 * and checks after each kill that the table holds exactly the batches whose INSERT returned:
 * no partial batch, no gap, no duplicate.
 */
class KillDuringInsertTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void committedInsertsSurviveKillMinus9() throws Exception {
    Random random = new Random(42);
    int next = 0;
    for (int round = 0; round < 8; round++) {
      int lastPrinted = runAndKill(next, 100 + random.nextInt(700));
      int committed = verify(next, lastPrinted);
      next = committed + 1;
    }
    assertTrue(next > 8, "the child committed too little to test anything: " + next);
  }

  /** Starts the child, lets it insert for a while after it is ready, kills it; returns the last printed batch. */
  private int runAndKill(int first, long millis) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), InsertLoopMain.class.getName(), dir.toString(),
        Integer.toString(first));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    AtomicInteger last = new AtomicInteger(first - 1);
    java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch firstCommit = new java.util.concurrent.CountDownLatch(1);
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.equals("ready")) {
            ready.countDown();
          } else if (line.startsWith("committed ")) {
            last.set(Integer.parseInt(line.substring(10)));
            firstCommit.countDown();
          } else if (output.length() < 10_000) {
            output.append(line).append('\n');
          }
        }
      } catch (Exception e) {
        // the stream ends when the child dies
      }
    });
    reader.start();
    assertTrue(ready.await(60, TimeUnit.SECONDS), "child did not start: " + output);
    // the first INSERT of a fresh JVM is slow (class loading); kill only once inserts flow
    assertTrue(firstCommit.await(60, TimeUnit.SECONDS), "child committed nothing: " + output);
    Thread.sleep(millis);
    // SIGKILL through the handle, so the pipe stays readable for lines already written
    p.toHandle().destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not die");
    reader.join(10_000);
    return last.get();
  }

  /** Checks the table and returns the last batch it holds. */
  private int verify(int first, int lastPrinted) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + dir);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT COUNT(*), COUNT(DISTINCT id), MIN(id), MAX(id), MAX(batch) FROM t")) {
      rs.next();
      long count = rs.getLong(1);
      long distinct = rs.getLong(2);
      int lastBatch = count == 0 ? -1 : (int) rs.getLong(5);
      // the kill may land after an INSERT returned but before its line was printed
      assertTrue(lastBatch == lastPrinted || lastBatch == lastPrinted + 1,
          "table ends at batch " + lastBatch + " but the child last reported " + lastPrinted);
      assertEquals(count, distinct, "duplicate rows");
      assertEquals((lastBatch + 1) * 10L, count, "missing or partial batches");
      if (count > 0) {
        assertEquals(0, rs.getLong(3));
        assertEquals(lastBatch * 10L + 9, rs.getLong(4));
      }
      try (ResultSet per = s.executeQuery(
          "SELECT batch, COUNT(*) FROM t GROUP BY batch HAVING COUNT(*) <> 10")) {
        assertTrue(!per.next(), "a batch is partial");
      }
      return lastBatch;
    }
  }

}
