package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.col;
import static io.velaria.connectors.csv.CsvTestSupport.opts;
import static io.velaria.connectors.csv.CsvTestSupport.readAll;
import static io.velaria.connectors.csv.CsvTestSupport.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  @TempDir Path dir;

  static final List<ColumnDef> COLS = List.of(col("b", DataType.BOOLEAN),
      col("i", DataType.INTEGER), col("r", DataType.REAL), col("d", DataType.DOUBLE),
      col("dec", DataType.decimal(10, 3)), col("s", DataType.VARCHAR), col("dt", DataType.DATE),
      col("tm", DataType.TIME), col("ts", DataType.TIMESTAMP), col("bin", DataType.VARBINARY),
      col("v", DataType.vector(2)));

  static final Object[][] ROWS = {
      {true, 1L, (double) 1.25f, 0.1, 12345L, "plain", LocalDate.of(2024, 2, 29).toEpochDay(),
          3_723_004L, -1L, new byte[] {1, (byte) 0xab}, new float[] {1.5f, -2f}},
      {false, -7L, (double) 3.4e38f, 1e300, -5L, "a,b \"quoted\"\nnext line",
          LocalDate.of(1900, 1, 1).toEpochDay(), 0L, 1_709_214_310_500L, new byte[0],
          new float[] {0.1f, 1e-7f}},
      {null, null, null, Double.NaN, null, "", null, null, null, null, null},
      {true, 0L, 0.0, Double.NEGATIVE_INFINITY, 0L, "null", 0L, 86_399_999L, 0L,
          new byte[] {0}, new float[] {0f, 0f}},
  };

  static Batch batch(Object[]... rows) {
    Column[] cols = new Column[COLS.size()];
    for (int c = 0; c < cols.length; c++) {
      ColumnBuilder b = new ColumnBuilder(COLS.get(c).type());
      for (Object[] r : rows) {
        b.appendObject(r[c]);
      }
      cols[c] = b.build();
    }
    return new Batch(cols, rows.length);
  }

  static List<List<Object>> expected(Object[]... rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : rows) {
      List<Object> row = new ArrayList<>();
      for (Object v : r) {
        if (v instanceof float[]) {
          List<Float> f = new ArrayList<>();
          for (float x : (float[]) v) {
            f.add(x);
          }
          row.add(f);
        } else {
          row.add(v instanceof byte[] ? Arrays.toString((byte[]) v) : v);
        }
      }
      out.add(row);
    }
    return out;
  }

  @Test
  void roundTripEveryTypeWithCommitAndAbort() throws Exception {
    Path f = dir.resolve("out.csv");
    CsvConnector csv = new CsvConnector();
    try (TableWriter w = csv.writer(spec(opts(f)), COLS)) {
      w.write(batch(ROWS[0], ROWS[1]));
      w.commit();
      w.write(batch(ROWS[2]));
      w.abort();
      w.write(batch(ROWS[2], ROWS[3]));
      w.commit();
      w.write(batch(ROWS[0]));
      // closed without commit: rolled back
    }
    ConnectorTable t = csv.open(spec(opts(f), COLS.toArray(new ColumnDef[0])));
    assertEquals(expected(ROWS), readAll(t));
    assertEquals("b,i,r,d,dec,s,dt,tm,ts,bin,v", Files.readAllLines(f).get(0));

    // A second writer appends without a second header, also after a missing final newline.
    Files.writeString(f, Files.readString(f).stripTrailing());
    try (TableWriter w = csv.writer(spec(opts(f)), COLS)) {
      w.write(batch(ROWS[0]));
      w.commit();
    }
    List<List<Object>> again = readAll(csv.open(spec(opts(f), COLS.toArray(new ColumnDef[0]))));
    assertEquals(expected(ROWS[0], ROWS[1], ROWS[2], ROWS[3], ROWS[0]), again);
  }

  @Test
  void otherDelimitersNullValueAndAbortOfAFreshFile() throws Exception {
    Path f = dir.resolve("out.tsv");
    TsvConnector tsv = new TsvConnector();
    try (TableWriter w = tsv.writer(spec(opts(f, "null_value", "\\N", "escape", "\\")), COLS)) {
      w.write(batch(ROWS));
      w.abort();
      assertEquals(0, Files.size(f));
      w.write(batch(ROWS));
      w.commit();
    }
    ConnectorTable t = tsv.open(spec(opts(f, "null_value", "\\N", "escape", "\\"),
        COLS.toArray(new ColumnDef[0])));
    assertEquals(expected(ROWS), readAll(t));
    assertEquals(true, Files.readString(f).contains("\\N"));
  }

  @Test
  void aDirectoryGetsOnePartFilePerCommit() throws Exception {
    Path d = dir.resolve("sink");
    CsvConnector csv = new CsvConnector();
    try (TableWriter w = csv.writer(spec(CsvTestSupport.map("path", d + "/")), COLS)) {
      w.write(batch(ROWS[0]));
      w.commit();
      w.commit();
      w.write(batch(ROWS[2]));
      w.abort();
      w.write(batch(ROWS[1], ROWS[3]));
      w.commit();
      w.write(batch(ROWS[2]));
    }
    try (var files = Files.list(d)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted()
          .collect(java.util.stream.Collectors.toList());
      assertEquals(2, names.size(), names.toString());
      assertEquals(true, names.get(0).startsWith("part-") && names.get(0).endsWith(".csv"));
    }
    ConnectorTable t = csv.open(spec(opts(d), COLS.toArray(new ColumnDef[0])));
    assertEquals(expected(ROWS[0], ROWS[1], ROWS[3]), readAll(t));
  }
}
