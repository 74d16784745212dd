package io.velaria.connectors.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.connectors.Tables;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetRoundTripTest {
  @TempDir
  Path dir;

  static final List<ColumnDef> COLS = List.of(
      ColumnDef.of("id", DataType.BIGINT), ColumnDef.of("i", DataType.INTEGER),
      ColumnDef.of("name", DataType.VARCHAR), ColumnDef.of("price", DataType.decimal(10, 2)),
      ColumnDef.of("small", DataType.decimal(5, 1)), ColumnDef.of("d", DataType.DATE),
      ColumnDef.of("ts", DataType.TIMESTAMP), ColumnDef.of("t", DataType.TIME),
      ColumnDef.of("ok", DataType.BOOLEAN), ColumnDef.of("r", DataType.REAL),
      ColumnDef.of("x", DataType.DOUBLE), ColumnDef.of("bin", DataType.VARBINARY),
      ColumnDef.of("v", DataType.vector(3)));

  @Test
  void writesAndReadsBackEveryType() {
    for (String codec : List.of("snappy", "zstd", "gzip", "none")) {
      Path file = dir.resolve("all-" + codec + ".parquet");
      TableSpec spec = Tables.spec(dir, COLS, "path", file.toString(), "compression", codec);
      ParquetConnector c = new ParquetConnector();
      ConnectorTable empty = c.open(spec);
      assertEquals(0, Tables.rows(empty).size());
      try (TableWriter w = c.writer(spec, COLS)) {
        w.write(Tables.batch(COLS,
            new Object[] {1L, 7L, "a", 12345L, 15L, 19000L, 1_700_000_000_123L, 3_600_000L, true,
                1.5, 2.25, new byte[] {1, 2}, new float[] {1f, 2f, 3f}},
            new Object[] {2L, null, null, null, null, null, null, null, null, null, null, null,
                null}));
        w.commit();
      }
      ConnectorTable t = c.open(Tables.spec(dir, List.of(), "path", file.toString()));
      assertEquals(List.of("id BIGINT", "i INTEGER", "name VARCHAR", "price DECIMAL(10,2)",
          "small DECIMAL(5,1)", "d DATE", "ts TIMESTAMP", "t TIME", "ok BOOLEAN", "r REAL",
          "x DOUBLE", "bin VARBINARY", "v VECTOR(3)"), Tables.schema(t));
      List<List<Object>> rows = Tables.rows(t);
      assertEquals(Arrays.asList(1L, 7L, "a", 12345L, 15L, 19000L, 1_700_000_000_123L,
          3_600_000L, true, 1.5, 2.25, "[1, 2]", List.of(1f, 2f, 3f)), rows.get(0));
      assertEquals(Arrays.asList(2L, null, null, null, null, null, null, null, null, null, null,
          null, null), rows.get(1));
      // a second INSERT appends
      try (TableWriter w = c.writer(spec, COLS)) {
        w.write(Tables.batch(COLS, new Object[] {3L, 1L, "c", 1L, 1L, 1L, 1L, 1L, false, 0.0,
            0.0, new byte[0], new float[] {0f, 0f, 0f}}));
        w.commit();
      }
      assertEquals(3, Tables.rows(t).size());
    }
  }
}
