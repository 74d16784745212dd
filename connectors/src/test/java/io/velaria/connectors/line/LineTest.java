package io.velaria.connectors.line;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineTest {
  @TempDir
  Path dir;

  static final String LOG = "uid=1 action=\"login\" latency=12\n"
      + "garbage line\n"
      + "uid=2 action=\"view page\" latency=7\n"
      + "\n"
      + "uid=3 action=\"logout\" latency=30\n";

  @Test
  void regexWithMappingsCountsUnmatched() throws Exception {
    Path f = dir.resolve("app.log");
    Files.writeString(f, LOG);
    ConnectorTable t = new LineConnector().open(Tables.spec(dir, List.of(
        ColumnDef.of("uid", DataType.INTEGER), ColumnDef.of("action", DataType.VARCHAR),
        ColumnDef.of("latency", DataType.INTEGER)), "path", f.toString(), "mode", "regex",
        "regex_pattern", "^uid=(\\d+) action=\"([^\"]+)\" latency=(\\d+)",
        "mappings", "uid:1,action:2,latency:3"));
    assertTrue(t.describe().contains("unmatched_lines=1 of 4 sampled"), t.describe());
    assertEquals(List.of(List.of(1L, "login", 12L), List.of(2L, "view page", 7L),
        List.of(3L, "logout", 30L)), Tables.rows(t));
    assertTrue(t.describe().contains("unmatched_lines=1 (last scan)"), t.describe());
    ConnectorTable whole = Tables.open(new LineConnector(), dir, "path", f.toString(),
        "mode", "regex", "regex_pattern", "latency=(\\d+)", "mappings", "line:0,ms:1");
    assertEquals(List.of("line VARCHAR", "ms BIGINT"), Tables.schema(whole));
    assertEquals(List.of("latency=12", 12L), Tables.rows(whole).get(0));
  }

  @Test
  void splitModeTypedAndInferred() throws Exception {
    Path f = dir.resolve("s.txt");
    Files.writeString(f, "2026-01-02 INFO started the server\n2026-01-03 WARN disk 91%\n");
    ConnectorTable t = Tables.open(new LineConnector(), dir, "path", f.toString());
    assertEquals(List.of("c0 DATE", "c1 VARCHAR", "c2 VARCHAR", "c3 VARCHAR", "c4 VARCHAR"),
        Tables.schema(t));
    ConnectorTable u = new LineConnector().open(Tables.spec(dir, List.of(
        ColumnDef.of("day", DataType.DATE), ColumnDef.of("level", DataType.VARCHAR),
        ColumnDef.of("msg", DataType.VARCHAR)), "path", f.toString(), "mode", "split",
        "split_delimiter", " "));
    assertEquals(List.of(List.of(20455L, "INFO", "started the server"),
        List.of(20456L, "WARN", "disk 91%")), Tables.rows(u));
    Path p = dir.resolve("p.txt");
    Files.writeString(p, "1|x\n2|\nbad|z\n");
    ConnectorTable v = new LineConnector().open(Tables.spec(dir, List.of(
        ColumnDef.of("n", DataType.INTEGER), ColumnDef.of("s", DataType.VARCHAR)),
        "path", p.toString(), "split_delimiter", "|"));
    VelariaException e = assertThrows(VelariaException.class, () -> Tables.rows(v));
    assertEquals("22P02", e.sqlState());
    assertTrue(e.getMessage().contains("in file " + p + ", line 3, field 1 (n)"),
        e.getMessage());
  }

  @Test
  void regexErrors() throws Exception {
    Path f = dir.resolve("app.log");
    Files.writeString(f, LOG);
    VelariaException e = assertThrows(VelariaException.class, () -> Tables.open(
        new LineConnector(), dir, "path", f.toString(), "mode", "regex", "regex_pattern",
        "uid=\\d+", "mappings", "uid:1"));
    assertEquals("42000", e.sqlState());
    assertTrue(e.getMessage().contains("names group 1 but regex_pattern 'uid=\\d+' has no"
        + " capture groups"), e.getMessage());
    e = assertThrows(VelariaException.class, () -> Tables.open(new LineConnector(), dir,
        "path", f.toString(), "mode", "regex", "regex_pattern", "uid=\\d+"));
    assertTrue(e.getMessage().contains("has no capture groups"), e.getMessage());
    e = assertThrows(VelariaException.class, () -> Tables.open(new LineConnector(), dir,
        "path", f.toString(), "mode", "regex", "regex_pattern", "uid=(\\d+"));
    assertTrue(e.getMessage().contains("invalid regex_pattern"), e.getMessage());
  }
}
