package io.velaria.connectors.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.connectors.Tables;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void jsonLinesInfersTypesNestedAndVectors() throws Exception {
    Path f = write("e.jsonl", "{\"id\": 1, \"name\": \"a\", \"score\": 1.5, \"ok\": true,"
        + " \"day\": \"2026-01-02\", \"tags\": {\"x\": [1, 2]}, \"emb\": [1, 2.5]}\n"
        + "{\"id\": 2, \"name\": null, \"emb\": [0, -1]}\n\n"
        + "{\"id\": 30000000000, \"score\": 2, \"extra\": \"late key\"}\n");
    ConnectorTable t = Tables.open(new JsonConnector(), dir, "path", f.toString());
    assertEquals(List.of("id BIGINT", "name VARCHAR", "score DOUBLE", "ok BOOLEAN", "day DATE",
        "tags VARCHAR", "emb VECTOR(2)", "extra VARCHAR"), Tables.schema(t));
    List<List<Object>> rows = Tables.rows(t);
    assertEquals(Arrays.asList(1L, "a", 1.5, true, 20455L, "{\"x\":[1,2]}", List.of(1f, 2.5f),
        null), rows.get(0));
    assertEquals(Arrays.asList(2L, null, null, null, null, null, List.of(0f, -1f), null),
        rows.get(1));
    assertEquals(Arrays.asList(30000000000L, null, 2.0, null, null, null, null, "late key"),
        rows.get(2));
    assertEquals(List.of(List.of("a"), Arrays.asList((Object) null), Arrays.asList(
        (Object) null)), Tables.rows(t, new int[] {1}, List.of()));
  }

  @Test
  void jsonArrayWithDeclaredColumnsAndColumnsOption() throws Exception {
    Path f = write("a.json", "[{\"A\": 1, \"b\": \"x\", \"c\": [1,2,3]},\n {\"b\": \"y\"}]");
    ConnectorTable t = new JsonConnector().open(Tables.spec(dir, List.of(
        ColumnDef.of("a", DataType.INTEGER), ColumnDef.of("c", DataType.VARCHAR)),
        "path", f.toString(), "format", "json_array"));
    assertEquals(List.of(Arrays.asList(1L, "[1,2,3]"), Arrays.asList(null, null)),
        Tables.rows(t));
    ConnectorTable u = Tables.open(new JsonConnector(), dir, "path", f.toString(),
        "columns", "b,c");
    assertEquals(List.of("b VARCHAR", "c VECTOR(3)"), Tables.schema(u));
    assertTrue(u.describe().contains("format=auto"), u.describe());
  }

  @Test
  void errorsNameFileLineAndColumn() throws Exception {
    Path trunc = write("t.jsonl", "{\"a\": 1}\n{\"a\": 2, \"b\": [1, 2\n");
    VelariaException e = assertThrows(VelariaException.class,
        () -> Tables.rows(new JsonConnector().open(Tables.spec(dir, List.of(
            ColumnDef.of("a", DataType.BIGINT)), "path", trunc.toString()))));
    assertEquals("22P04", e.sqlState());
    assertTrue(e.getMessage().contains("invalid JSON in file " + trunc + ", line 3"),
        e.getMessage());
    Path scalar = write("s.json", "[1, 2, 3]");
    e = assertThrows(VelariaException.class,
        () -> Tables.open(new JsonConnector(), dir, "path", scalar.toString()));
    assertTrue(e.getMessage().contains("the top-level array holds scalars"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column 2"), e.getMessage());
    Path nonObject = write("n.jsonl", "{\"a\": 1}\n\"text\"\n");
    e = assertThrows(VelariaException.class,
        () -> Tables.open(new JsonConnector(), dir, "path", nonObject.toString()));
    assertTrue(e.getMessage().contains("row 2 is a string, not a JSON object"),
        e.getMessage());
    assertTrue(e.getMessage().contains("line 2, column 1"), e.getMessage());
    Path bad = write("b.jsonl", "{\"a\": 1}\n{\"a\": \"x\"}\n");
    ConnectorTable t = new JsonConnector().open(Tables.spec(dir, List.of(
        ColumnDef.of("a", DataType.INTEGER)), "path", bad.toString()));
    e = assertThrows(VelariaException.class, () -> Tables.rows(t));
    assertEquals("22P02", e.sqlState());
    assertTrue(e.getMessage().contains("invalid INTEGER value 'x' in file " + bad
        + ", line 2, column 7 (key a)"), e.getMessage());
    e = assertThrows(VelariaException.class, () -> Tables.open(new JsonConnector(), dir,
        "path", dir.resolve("nope.json").toString()));
    assertEquals("58030", e.sqlState());
  }

  @Test
  void directoriesAndGlobsWithFilename() throws Exception {
    Path d = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(d.resolve("2026-01.jsonl"), "{\"n\": 1}\n{\"n\": 2}\n");
    Files.writeString(d.resolve("2026-02.jsonl"), "{\"n\": 3}\n");
    Files.writeString(d.resolve("2025-12.jsonl"), "{\"n\": 100}\n");
    Files.writeString(d.resolve(".hidden.jsonl"), "{\"n\": 1000}\n");
    ConnectorTable all = Tables.open(new JsonConnector(), dir, "path", d.toString());
    assertEquals(4, Tables.rows(all).size());
    ConnectorTable some = Tables.open(new JsonConnector(), dir, "path", "logs/2026-*.jsonl",
        "filename", "true");
    assertEquals(List.of("n BIGINT", "filename VARCHAR"), Tables.schema(some));
    List<List<Object>> rows = Tables.rows(some);
    assertEquals(3, rows.size());
    assertEquals(List.of(3L, d.resolve("2026-02.jsonl").toString()), rows.get(2));
    assertEquals(List.of(List.of(d.resolve("2026-01.jsonl").toString())),
        Tables.rows(some, new int[] {1}, List.of()).subList(0, 1));
  }
}
