package io.velaria.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class DirectoryTableStoreTest {
  @TempDir Path root;

  private static List<List<Object>> expectedIds(long from, long to) {
    List<List<Object>> rows = new ArrayList<>();
    for (long id = from; id < to; id++) {
      rows.add(TestRows.numberedRow(id));
    }
    return TestRows.comparableRows(rows);
  }

  private static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void streamCommitsAreRecordedWithTheRowsAndSurviveRestartAndRewrites() {
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.create("s1", TestRows.NUMBERED);
      assertEquals(-1, t.streamCommit("insert-a-1"));
      t.appendForStream(List.of(TestRows.numbered(0, 10)), "insert-a-1", 1);
      t.appendForStream(List.of(), "insert-b-2", 7); // no rows: only the commit is recorded
      t.append(List.of(TestRows.numbered(10, 5))); // another writer keeps the records
      t.appendForStream(List.of(TestRows.numbered(15, 5)), "insert-a-1", 2);
      assertEquals(2, t.streamCommit("insert-a-1"));
      assertEquals(7, t.streamCommit("insert-b-2"));
      t.replaceAll(List.of(TestRows.numbered(0, 3))); // DELETE keeps them too
      assertThrows(IllegalArgumentException.class,
          () -> t.appendForStream(List.of(), "two words", 1));
    }
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.open("s1", TestRows.NUMBERED);
      assertEquals(expectedIds(0, 3), TestRows.rows(t.snapshot()));
      assertEquals(2, t.streamCommit("insert-a-1"));
      assertEquals(7, t.streamCommit("insert-b-2"));
      assertEquals(-1, t.streamCommit("insert-c-3"));
    }
  }

  @Test
  void appendsSurviveRestartWithVersion() {
    long version;
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.create("t1", TestRows.NUMBERED);
      assertEquals(0, t.rowCount());
      assertEquals(List.of(), t.snapshot());
      t.append(List.of(TestRows.numbered(0, 10), TestRows.numbered(10, 5)));
      t.append(List.of(TestRows.numbered(15, 0)));
      t.append(List.of(TestRows.numbered(15, 20)));
      assertEquals(35, t.rowCount());
      assertEquals(expectedIds(0, 35), TestRows.rows(t.snapshot()));
      version = t.version();
      assertTrue(version >= 2);
    }
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.open("t1", TestRows.NUMBERED);
      assertEquals(35, t.rowCount());
      assertEquals(version, t.version());
      assertEquals(expectedIds(0, 35), TestRows.rows(t.snapshot()));
      t.append(List.of(TestRows.numbered(35, 1)));
      assertTrue(t.version() > version);
      assertEquals(expectedIds(0, 36), TestRows.rows(t.snapshot()));
    }
  }

  @Test
  void replaceAllSwitchesContentAndDeletesOldSegments() throws IOException {
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.create("t", TestRows.NUMBERED);
      t.append(List.of(TestRows.numbered(0, 10)));
      t.append(List.of(TestRows.numbered(10, 10)));
      long before = t.version();
      t.replaceAll(List.of(TestRows.numbered(100, 3)));
      assertTrue(t.version() > before);
      assertEquals(expectedIds(100, 103), TestRows.rows(t.snapshot()));
      assertEquals(2, files(root.resolve("t")).size(), files(root.resolve("t")).toString());
      t.replaceAll(List.of());
      assertEquals(0, t.rowCount());
      assertEquals(Set.of("manifest"), files(root.resolve("t")));
    }
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      assertEquals(List.of(), store.open("t", TestRows.NUMBERED).snapshot());
    }
  }

  @Test
  void snapshotsAreImmutable() {
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.create("t", TestRows.NUMBERED);
      t.append(List.of(TestRows.numbered(0, 3)));
      List<Batch> old = t.snapshot();
      t.append(List.of(TestRows.numbered(3, 3)));
      t.replaceAll(List.of(TestRows.numbered(50, 1)));
      assertEquals(expectedIds(0, 3), TestRows.rows(old));
      assertThrows(UnsupportedOperationException.class, () -> old.add(old.get(0)));
    }
  }

  @Test
  void openDeletesOrphansAndTempFiles() throws IOException {
    Path dir = root.resolve("t");
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      store.create("t", TestRows.NUMBERED).append(List.of(TestRows.numbered(0, 4)));
    }
    Set<String> committed = files(dir);
    // What a crash between segment rename and manifest switch, or mid-write, leaves behind.
    Files.copy(dir.resolve(committed.stream().filter(f -> f.startsWith("seg-")).findFirst()
        .orElseThrow()), dir.resolve("seg-0000000000000099.vseg"));
    Files.writeString(dir.resolve("seg-0000000000000100.vseg.tmp"), "half");
    Files.writeString(dir.resolve("manifest.tmp"), "half");
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.open("t", TestRows.NUMBERED);
      assertEquals(committed, files(dir));
      assertEquals(expectedIds(0, 4), TestRows.rows(t.snapshot()));
    }
  }

  @Test
  void manySmallAppendsAreCompacted() throws IOException {
    int appends = 400;
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.create("t", TestRows.NUMBERED);
      for (int i = 0; i < appends; i++) {
        t.append(List.of(TestRows.numbered(i, 1)));
        assertTrue(files(root.resolve("t")).size() <= DirectoryTable.MAX_SEGMENTS + 1);
      }
      assertEquals(expectedIds(0, appends), TestRows.rows(t.snapshot()));
      assertTrue(t.snapshot().size() < 200, "batches were coalesced: " + t.snapshot().size());
    }
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      assertEquals(expectedIds(0, appends),
          TestRows.rows(store.open("t", TestRows.NUMBERED).snapshot()));
    }
  }

  @Test
  void concurrentAppendsAreSerialized() throws Exception {
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.create("t", TestRows.NUMBERED);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            t.append(List.of(TestRows.numbered(writer * 1000 + i * 10, 10)));
            assertEquals(0, t.rowCount() % 10);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertEquals(1000, t.rowCount());
      Set<Long> ids = new TreeSet<>();
      for (List<Object> row : TestRows.rows(t.snapshot())) {
        ids.add((Long) row.get(0));
      }
      assertEquals(1000, ids.size());
    }
  }

  @Test
  void dropRemovesTheDirectoryAndUnknownTablesAreCleaned() {
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      store.create("a", TestRows.NUMBERED).append(List.of(TestRows.numbered(0, 2)));
      store.create("b", TestRows.NUMBERED);
      store.create("c", TestRows.NUMBERED);
      store.drop("a");
      assertFalse(Files.exists(root.resolve("a")));
      store.drop("a"); // already gone: no error
      store.deleteTablesOtherThan(List.of("b"));
      assertTrue(Files.exists(root.resolve("b")));
      assertFalse(Files.exists(root.resolve("c")));
      VelariaException e = assertThrows(VelariaException.class,
          () -> store.open("c", TestRows.NUMBERED));
      assertEquals(SqlStates.IO_ERROR, e.sqlState());
      assertThrows(IllegalArgumentException.class, () -> store.create("../x", TestRows.NUMBERED));
    }
  }

  @Test
  void corruptSegmentFailsTheReadNamingTheFile() throws IOException {
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      store.create("t", TestRows.NUMBERED).append(List.of(TestRows.numbered(0, 50)));
    }
    Path seg;
    try (Stream<Path> s = Files.list(root.resolve("t"))) {
      seg = s.filter(p -> p.getFileName().toString().startsWith("seg-")).findFirst()
          .orElseThrow();
    }
    byte[] content = Files.readAllBytes(seg);
    Files.write(seg, java.util.Arrays.copyOf(content, content.length - 3));
    try (DirectoryTableStore store = new DirectoryTableStore(root)) {
      TableData t = store.open("t", TestRows.NUMBERED);
      VelariaException e = assertThrows(VelariaException.class, t::snapshot);
      assertEquals(SqlStates.IO_ERROR, e.sqlState());
      assertTrue(e.getMessage().contains(seg.getFileName().toString()), e.getMessage());
    }
  }
}
