package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.stream.spi.SourcePoll;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The polling stream source: records modified after the checkpoint, nothing twice. */
class BitableSourceTest extends BitableTestBase {

  private BitableSource source(int pageSize, long lagMs, long[] clock, long pollIntervalMs) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("app_token", BitableFixture.APP_TOKEN);
    o.put("table_id", BitableFixture.TABLE_ID);
    o.put("credentials", "sysprop:" + PROP);
    o.put("base_url", server.baseUrl());
    o.put("page_size", Integer.toString(pageSize));
    o.put("poll_interval_ms", Long.toString(pollIntervalMs));
    TableSpec spec = new TableSpec("src", List.of(ColumnDef.of("Name", DataType.VARCHAR)), o,
        Path.of("."));
    return new BitableSource(BitableTable.open(spec), null, lagMs, () -> clock[0]);
  }

  private static List<String> names(SourcePoll p) {
    List<String> out = new ArrayList<>();
    for (Batch b : p.batches()) {
      StringColumn c = (StringColumn) b.column(0);
      for (int i = 0; i < b.rowCount(); i++) {
        out.add(c.get(i));
      }
    }
    return out;
  }

  @Test
  void pollsPageByPageFromReplayableOffsets() throws Exception {
    BitableFixture fx = new BitableFixture(server, 23, 4);
    long[] clock = {Long.MAX_VALUE / 2};
    BitableSource s = source(5, 0, clock, 1);
    List<String> seen = new ArrayList<>();
    String offset = null;
    for (int i = 0; i < 10; i++) {
      SourcePoll p = s.poll(offset, 1);
      if (p.units() == 0) {
        break;
      }
      // the engine may poll the same offset again after a crash: same rows, same next offset
      SourcePoll again = s.poll(offset, 1);
      assertEquals(names(p), names(again));
      assertEquals(p.nextOffset(), again.nextOffset());
      seen.addAll(names(p));
      offset = p.nextOffset();
    }
    List<String> want = new ArrayList<>();
    fx.rows.forEach(r -> want.add((String) r[0]));
    assertEquals(want, seen, "every record once, in modified order");
    assertEquals(0, s.poll(offset, 1).units());

    // a record modified later, one added in the very millisecond of the checkpoint, and one
    // too recent for the lag: the first two come now, exactly once; the third after the clock moves
    long t = Long.parseLong(offset.split(" ")[1]);
    server.now = t;
    String sameMs = server.add(fx.table, obj("{\"Name\":[{\"type\":\"text\",\"text\":\"same-ms\"}]}"));
    server.now = t + 5000;
    server.modify(fx.table, fx.recordIds.get(3), "Name", BitableFixture.parse("[{\"type\":\"text\",\"text\":\"item-3 edited\"}]"));
    clock[0] = t + 7000;
    server.now = t + 9000;
    server.add(fx.table, obj("{\"Name\":[{\"type\":\"text\",\"text\":\"too-recent\"}]}"));
    SourcePoll p = s.poll(offset, 100);
    assertEquals(List.of("same-ms", "item-3 edited"), names(p));
    assertTrue(sameMs.startsWith("rec"));
    assertEquals(0, s.poll(p.nextOffset(), 100).units());
    clock[0] = t + 20_000;
    SourcePoll last = s.poll(p.nextOffset(), 100);
    assertEquals(List.of("too-recent"), names(last));
    assertEquals(0, s.poll(last.nextOffset(), 100).units());
  }

  @Test
  void idlePollsAreSpacedByThePollInterval() throws Exception {
    BitableFixture fx = new BitableFixture(server, 4, 2);
    long[] clock = {2_000_000_000_000L};
    BitableSource s = source(500, 0, clock, 5000);
    SourcePoll p = s.poll(null, 10);
    assertEquals(4, p.rowCount());
    assertEquals(0, s.poll(p.nextOffset(), 10).units());
    int asked = server.searchRequests.get();
    server.add(fx.table, obj("{\"Name\":[{\"type\":\"text\",\"text\":\"later\"}]}"));
    clock[0] += 4000;
    assertEquals(0, s.poll(p.nextOffset(), 10).units(), "within the interval: no call");
    assertEquals(asked, server.searchRequests.get());
    clock[0] += 1000;
    assertEquals(List.of("later"), names(s.poll(p.nextOffset(), 10)));
  }

  @Test
  void streamInsertPicksUpModifiedRecordsOnce(@TempDir Path tmp) throws Exception {
    BitableFixture fx = new BitableFixture(server, 1200, 8);
    String out = tmp.resolve("out.csv").toString();
    exec("CREATE SOURCE TABLE src (\"Name\" VARCHAR, \"Amount\" DECIMAL(18, 2)) USING bitable "
        + options("lag_ms: '0'"));
    exec("CREATE SINK TABLE dst (name VARCHAR, amount DECIMAL(18, 2)) USING csv OPTIONS(path: '"
        + out + "')");
    String insert = "INSERT INTO dst SELECT \"Name\", \"Amount\" FROM src";
    assertEquals(1200, update(insert));
    assertEquals(0, update(insert), "nothing new");

    server.now += 60_000;
    server.modify(fx.table, fx.recordIds.get(10), "Amount", BitableFixture.parse("1.25"));
    server.modify(fx.table, fx.recordIds.get(500), "Name",
        BitableFixture.parse("[{\"type\":\"text\",\"text\":\"renamed\"}]"));
    server.add(fx.table, obj("{\"Name\":[{\"type\":\"text\",\"text\":\"new one\"}],\"Amount\":7}"));
    assertEquals(3, update(insert));
    assertEquals(0, update(insert));

    exec("CREATE TABLE back (name VARCHAR, amount DECIMAL(18, 2)) USING csv OPTIONS(path: '" + out + "')");
    List<Object[]> rows = query("SELECT name, amount FROM back");
    assertEquals(1203, rows.size());
    Set<String> first = new HashSet<>();
    for (int i = 0; i < 1200; i++) {
      first.add((String) rows.get(i)[0]);
    }
    assertEquals(1200, first.size(), "no record twice in the first run");
    assertEquals("item-10", rows.get(1200)[0]);
    assertEquals(0, new java.math.BigDecimal("1.25").compareTo((java.math.BigDecimal) rows.get(1200)[1]));
    assertEquals("renamed", rows.get(1201)[0]);
    assertEquals("new one", rows.get(1202)[0]);
  }

  private long update(String sql) throws Exception {
    try (Statement s = conn.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static ObjectNode obj(String json) {
    return (ObjectNode) BitableFixture.parse(json);
  }
}
