package io.velaria.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments and checks that the table then
 * holds exactly the batches whose append returned (plus possibly the one in flight), whole.
 */
class CrashDurabilityTest {
  private static final int ROUNDS = 12;
  private static final String EOF = "<eof>";

  @TempDir Path dbDir;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void appendsThatReturnedSurviveKillDashNine() throws Exception {
    try (DirectoryTableStore store = new DirectoryTableStore(dbDir.resolve("tables"))) {
      store.create("t", TestRows.NUMBERED);
    }
    long seed = System.nanoTime();
    Random random = new Random(seed);
    long lastCommitted = -1;
    for (int round = 0; round < ROUNDS; round++) {
      String context = "round " + round + ", seed " + seed;
      Process child = start("append");
      try {
        BlockingQueue<String> lines = readLines(child);
        String first = lines.poll(60, TimeUnit.SECONDS);
        if (first == null || !first.startsWith("committed ")) {
          fail(context + ": child did not commit: " + first + "\n" + stderr());
        }
        lastCommitted = Math.max(lastCommitted, number(first));
        if (round == 0) {
          VelariaException e = assertThrows(VelariaException.class,
              () -> DatabaseLock.acquire(dbDir).close());
          assertEquals(SqlStates.IO_ERROR, e.sqlState());
          assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
        }
        Thread.sleep(50 + random.nextInt(750));
        // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
        // child's stdout, losing "committed" lines not read yet and failing the check below.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": child did not die");
        for (String line = lines.poll(30, TimeUnit.SECONDS); !EOF.equals(line);
            line = lines.poll(30, TimeUnit.SECONDS)) {
          assertNotNull(line, context + ": child output did not end");
          lastCommitted = Math.max(lastCommitted, number(line));
        }
      } finally {
        child.destroyForcibly();
      }
      long batches = checkTable(context);
      assertTrue(batches - 1 == lastCommitted || batches - 1 == lastCommitted + 1,
          context + ": table holds batches 0.." + (batches - 1)
              + " but the last printed commit was " + lastCommitted);
      System.out.println("crash test " + context + ": last printed commit " + lastCommitted
          + ", table holds " + batches + " batches");
      lastCommitted = batches - 1;
    }
  }

  /** Reopens the table after a kill and returns how many whole batches it holds. */
  private long checkTable(String context) throws IOException {
    // The OS released the dead child's lock.
    DatabaseLock.acquire(dbDir).close();
    try (DirectoryTableStore store = new DirectoryTableStore(dbDir.resolve("tables"))) {
      TableData t = store.open("t", TestRows.NUMBERED);
      List<List<Object>> rows = TestRows.rows(t.snapshot());
      assertEquals(0, rows.size() % CrashWriterMain.BATCH_ROWS, context + ": partial batch");
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(TestRows.comparableRows(List.of(TestRows.numberedRow(i))).get(0),
            rows.get(i), context + ": row " + i);
      }
      try (Stream<Path> files = Files.list(dbDir.resolve("tables").resolve("t"))) {
        for (Path f : files.toList()) {
          assertTrue(!f.toString().endsWith(".tmp"), context + ": leftover " + f);
        }
      }
      return rows.size() / CrashWriterMain.BATCH_ROWS;
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void lockIsExclusiveAcrossProcessesAndFreedByKill() throws Exception {
    Process child = start("lock");
    try {
      BlockingQueue<String> lines = readLines(child);
      assertEquals("locked", lines.poll(60, TimeUnit.SECONDS), stderr());
      VelariaException e =
          assertThrows(VelariaException.class, () -> DatabaseLock.acquire(dbDir));
      assertEquals(SqlStates.IO_ERROR, e.sqlState());
      assertEquals("database " + dbDir.toAbsolutePath() + " is in use by another process",
          e.getMessage());
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    try (DatabaseLock lock = DatabaseLock.acquire(dbDir)) {
      assertNotNull(lock);
      VelariaException e =
          assertThrows(VelariaException.class, () -> DatabaseLock.acquire(dbDir));
      assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
    }
    DatabaseLock.acquire(dbDir).close();
  }

  private Process start(String mode) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(
        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(),
        mode, dbDir.toString()));
    return new ProcessBuilder(cmd)
        .redirectError(dbDir.resolve("child-stderr.txt").toFile())
        .start();
  }

  private String stderr() throws IOException {
    Path f = dbDir.resolve("child-stderr.txt");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  /** Lines of the child's stdout, then {@link #EOF}; read on a daemon thread. */
  private static BlockingQueue<String> readLines(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the child died mid-line; what was read is all there is
      }
      lines.add(EOF);
    }, "crash-child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static long number(String line) {
    if (line == null || !line.startsWith("committed ")) {
      throw new AssertionError("unexpected child output: " + line);
    }
    return Long.parseLong(line.substring("committed ".length()));
  }
}
