package io.velaria.jdbc.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.connectors.arrow.ArrowSinkFunction;
import io.velaria.connectors.arrow.ArrowSourceFunction;
import io.velaria.connectors.arrow.ArrowStreams;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * The Java API for custom stream sources and sinks: a polling source that pushes Arrow pages
 * (offset = page number, held by the engine) and a sink that receives Arrow batches.
 */
class ArrowStreamApiTest {
  /** Pages of (key, v): the "remote" data a polling source reads. */
  private final List<List<Object[]>> pages = new ArrayList<>();
  private final List<String> received = new ArrayList<>();
  private final List<Long> commitIds = new ArrayList<>();

  private VectorSchemaRoot page(int index, BufferAllocator alloc) {
    List<Object[]> rows = pages.get(index);
    VarCharVector key = new VarCharVector("key", alloc);
    BigIntVector v = new BigIntVector("v", alloc);
    key.allocateNew(rows.size());
    v.allocateNew(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      key.setSafe(i, ((String) rows.get(i)[0]).getBytes(StandardCharsets.UTF_8));
      v.set(i, (Long) rows.get(i)[1]);
    }
    key.setValueCount(rows.size());
    v.setValueCount(rows.size());
    VectorSchemaRoot root = new VectorSchemaRoot(List.of(key, v));
    root.setRowCount(rows.size());
    return root;
  }

  @Test
  void customSourceAndSinkThroughArrow() throws Exception {
    ArrowStreams.registerSource("test_pages", (offset, alloc) -> {
      int next = offset == null ? 0 : Integer.parseInt(offset) + 1;
      return next >= pages.size() ? null
          : new ArrowSourceFunction.Result(page(next, alloc), Integer.toString(next));
    });
    ArrowStreams.registerSink("test_collect", new ArrowSinkFunction() {
      @Override
      public void write(long commitId, VectorSchemaRoot rows) {
        commitIds.add(commitId);
        for (int i = 0; i < rows.getRowCount(); i++) {
          received.add(rows.getVector("key").getObject(i) + "=" + rows.getVector("total")
              .getObject(i));
        }
      }
    });
    pages.add(List.<Object[]>of(new Object[] {"a", 1L}, new Object[] {"b", 2L}));
    pages.add(List.<Object[]>of(new Object[] {"a", 3L}));
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      s.execute("CREATE SOURCE TABLE remote (key VARCHAR, v BIGINT) USING test_pages");
      s.execute("CREATE SINK TABLE collected (key VARCHAR, total BIGINT) USING test_collect");
      String insert = "INSERT INTO collected SELECT key, SUM(v) AS total FROM remote"
          + " GROUP BY key";
      assertEquals(2, s.executeUpdate(insert));
      Map<String, String> latest = latest();
      assertEquals(Map.of("a", "4", "b", "2"), latest);
      assertEquals(0, s.executeUpdate(insert));
      pages.add(List.<Object[]>of(new Object[] {"b", 10L}));
      assertEquals(1, s.executeUpdate(insert));
      assertEquals(Map.of("a", "4", "b", "12"), latest());
      assertEquals(List.of(1L, 2L), commitIds);
    }
  }

  private Map<String, String> latest() {
    Map<String, String> m = new TreeMap<>();
    for (String r : received) {
      m.put(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1));
    }
    return m;
  }
}
