package io.velaria.connectors.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Helpers: write files, open tables, read every row as objects. */
final class CsvTestSupport {
  private CsvTestSupport() {}

  static Path write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  static Map<String, String> opts(Path file, String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("path", file.toString());
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static TableSpec spec(Map<String, String> options, ColumnDef... cols) {
    return new TableSpec("t", List.of(cols), options, Path.of("/"));
  }

  static ConnectorTable open(Path file, List<ColumnDef> cols, String... kv) {
    return new CsvConnector().open(spec(opts(file, kv), cols.toArray(new ColumnDef[0])));
  }

  static ColumnDef col(String name, DataType type) {
    return ColumnDef.of(name, type);
  }

  static int[] all(ConnectorTable t) {
    int[] c = new int[t.columns().size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = i;
    }
    return c;
  }

  static List<List<Object>> readAll(ConnectorTable t) {
    return read(t, all(t), -1);
  }

  static List<List<Object>> read(ConnectorTable t, int[] cols, long limit) {
    try (BatchReader r = t.read(new ReadRequest(cols, List.of(), limit))) {
      return drain(r);
    }
  }

  static List<List<Object>> drain(BatchReader r) {
    List<List<Object>> rows = new ArrayList<>();
    for (Batch b = r.next(); b != null; b = r.next()) {
      for (int i = 0; i < b.rowCount(); i++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < b.columnCount(); c++) {
          Object v = b.column(c).getObject(i);
          row.add(v instanceof float[] ? toList((float[]) v)
              : v instanceof byte[] ? Arrays.toString((byte[]) v) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<Float> toList(float[] f) {
    List<Float> out = new ArrayList<>();
    for (float x : f) {
      out.add(x);
    }
    return out;
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** Runs {@code e}, expects a VelariaException with {@code state} and message parts. */
  static VelariaException fails(String state, Executable e, String... parts) {
    VelariaException ex = assertThrows(VelariaException.class, e);
    assertEquals(state, ex.sqlState(), ex.getMessage());
    for (String p : parts) {
      assertTrue(ex.getMessage().contains(p), "'" + ex.getMessage() + "' lacks '" + p + "'");
    }
    return ex;
  }

  static Map<String, DataType> types(ConnectorTable t) {
    Map<String, DataType> m = new LinkedHashMap<>();
    for (ColumnDef c : t.columns()) {
      m.put(c.name(), c.type());
    }
    return m;
  }

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
