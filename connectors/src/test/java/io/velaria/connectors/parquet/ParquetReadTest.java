package io.velaria.connectors.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.connectors.Tables;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReadTest {
  @TempDir
  Path dir;

  /** 1000 rows in row groups of 100: id 0..999, name "n<id>", day 20000+id/100. */
  private Path numbered() {
    List<ColumnDef> cols = List.of(ColumnDef.of("id", DataType.BIGINT),
        ColumnDef.of("name", DataType.VARCHAR), ColumnDef.of("day", DataType.DATE));
    Path file = dir.resolve("n.parquet");
    TableSpec spec = Tables.spec(dir, cols, "path", file.toString(), "row_group_rows", "100",
        "compression", "zstd");
    try (TableWriter w = new ParquetConnector().writer(spec, cols)) {
      List<Object[]> rows = new ArrayList<>();
      for (long i = 0; i < 1000; i++) {
        rows.add(new Object[] {i, i % 7 == 0 ? null : "n" + i, 20000L + i / 100});
      }
      w.write(Tables.batch(cols, rows.toArray(new Object[0][])));
      w.commit();
    }
    return file;
  }

  @Test
  void skipsRowGroupsByStatistics() {
    Path f = numbered();
    ConnectorTable t = Tables.open(new ParquetConnector(), dir, "path", f.toString());
    assertEquals(1000, t.estimatedRowCount());
    List<List<Object>> rows = Tables.rows(t, new int[] {0},
        List.of(new ColumnPredicate(0, ColumnPredicate.Op.GE, List.of(950L))));
    assertEquals(100, rows.size()); // the whole last row group, filtered later by the engine
    assertTrue(t.describe().contains("row_groups_read=1 row_groups_skipped=9"), t.describe());
    Tables.rows(t, new int[] {1, 2}, List.of(new ColumnPredicate(2, ColumnPredicate.Op.EQ,
        List.of(20003L))));
    assertTrue(t.describe().contains("row_groups_read=1 row_groups_skipped=9"), t.describe());
    Tables.rows(t, new int[] {0}, List.of(new ColumnPredicate(0, ColumnPredicate.Op.IN,
        List.of(5L, 505L, 5000L))));
    assertTrue(t.describe().contains("row_groups_read=2 row_groups_skipped=8"), t.describe());
    Tables.rows(t, new int[] {0}, List.of(new ColumnPredicate(0, ColumnPredicate.Op.LT,
        List.of(0L))));
    assertTrue(t.describe().contains("row_groups_read=0 row_groups_skipped=10"), t.describe());
    List<List<Object>> nulls = Tables.rows(t, new int[] {0, 1}, List.of());
    assertEquals(Arrays.asList(0L, null), nulls.get(0));
    assertEquals(Arrays.asList(1L, "n1"), nulls.get(1));
  }

  @Test
  void readsFilesFromOtherWritersWithNestedData() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m {"
        + " required int32 a; optional int64 ts (TIMESTAMP(MILLIS,true));"
        + " optional binary s (STRING); optional fixed_len_byte_array(8) dec (DECIMAL(12,3));"
        + " optional int96 old;"
        + " optional group tags (LIST) { repeated group list { optional binary element (STRING); } }"
        + " optional group emb (LIST) { repeated group list { required double element; } }"
        + " optional group point { required double x; optional double y; } }");
    Path file = dir.resolve("other.parquet");
    SimpleGroupFactory f = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(schema).build()) {
      Group g = f.newGroup().append("a", 1).append("ts", 1_700_000_000_000L).append("s", "hi")
          .append("dec", org.apache.parquet.io.api.Binary.fromConstantByteArray(
              new byte[] {0, 0, 0, 0, 0, 0, 0x30, 0x39}))
          .append("old", org.apache.parquet.io.api.Binary.fromConstantByteArray(
              int96(2_440_589, 1_000_000_000L)));
      Group tags = g.addGroup("tags");
      tags.addGroup("list").append("element", "x");
      tags.addGroup("list");
      Group emb = g.addGroup("emb");
      emb.addGroup("list").append("element", 0.5);
      emb.addGroup("list").append("element", 1.5);
      g.addGroup("point").append("x", 1.0);
      w.write(g);
      w.write(f.newGroup().append("a", 2));
    }
    ConnectorTable t = Tables.open(new ParquetConnector(), dir, "path", file.toString());
    assertEquals(List.of("a INTEGER", "ts TIMESTAMP", "s VARCHAR", "dec DECIMAL(12,3)",
        "old TIMESTAMP", "tags VARCHAR", "emb VECTOR(2)", "point VARCHAR"), Tables.schema(t));
    List<List<Object>> rows = Tables.rows(t);
    assertEquals(Arrays.asList(1L, 1_700_000_000_000L, "hi", 12345L, 86_401_000L,
        "[\"x\",null]", List.of(0.5f, 1.5f), "{\"x\":1.0,\"y\":null}"), rows.get(0));
    assertEquals(Arrays.asList(2L, null, null, null, null, null, null, null), rows.get(1));
  }

  private static byte[] int96(int julianDay, long nanos) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putLong(nanos).putInt(julianDay);
    return b.array();
  }

  @Test
  void corruptFooterAndDirectories() throws Exception {
    Path f = numbered();
    byte[] bytes = Files.readAllBytes(f);
    Path bad = dir.resolve("bad.parquet");
    bytes[bytes.length - 6] ^= 0x55; // the footer length
    Files.write(bad, bytes);
    VelariaException e = assertThrows(VelariaException.class,
        () -> Tables.open(new ParquetConnector(), dir, "path", bad.toString()));
    assertEquals("22P04", e.sqlState());
    assertTrue(e.getMessage().contains("cannot read the Parquet footer of file " + bad),
        e.getMessage());
    Path text = dir.resolve("text.parquet");
    Files.writeString(text, "this is not parquet at all");
    e = assertThrows(VelariaException.class,
        () -> Tables.open(new ParquetConnector(), dir, "path", text.toString()));
    assertTrue(e.getMessage().contains(text.toString()), e.getMessage());

    Path d = Files.createDirectories(dir.resolve("parts"));
    List<ColumnDef> cols = List.of(ColumnDef.of("k", DataType.VARCHAR),
        ColumnDef.of("v", DataType.DOUBLE));
    TableSpec spec = Tables.spec(dir, cols, "path", d.toString());
    ConnectorTable t = new ParquetConnector().open(spec);
    for (int i = 0; i < 3; i++) {
      try (TableWriter w = new ParquetConnector().writer(spec, cols)) {
        w.write(Tables.batch(cols, new Object[] {"k" + i, i * 1.5}));
        w.commit();
      }
    }
    try (TableWriter w = new ParquetConnector().writer(spec, cols)) {
      w.write(Tables.batch(cols, new Object[] {"aborted", 0.0}));
      w.abort();
    }
    assertEquals(3, Tables.rows(t).size());
    assertEquals(3, Files.list(d).count());
    ConnectorTable g = Tables.open(new ParquetConnector(), dir, "path", "parts/part-*.parquet",
        "filename", "true");
    assertEquals(List.of("k VARCHAR", "v DOUBLE", "filename VARCHAR"), Tables.schema(g));
    assertEquals(3, Tables.rows(g).size());
  }
}
