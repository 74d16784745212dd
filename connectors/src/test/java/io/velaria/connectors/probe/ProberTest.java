package io.velaria.connectors.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.connectors.Tables;
import io.velaria.connectors.arrow.ArrowTest;
import io.velaria.connectors.excel.ExcelTest;
import io.velaria.connectors.probe.ProbeResult.Confidence;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProberTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static void high(ProbeResult r, String format) {
    assertEquals(format, r.format(), r.explain());
    assertEquals(Confidence.HIGH, r.confidence(), r.explain());
    assertTrue(r.score() >= 90, r.explain());
  }

  @Test
  void textFormats() throws Exception {
    ProbeResult csv = Prober.probe(write("people.csv",
        "id,name,born\n1,Ada,1815-12-10\n2,Grace,1906-12-09\n3,\"Lin, Jo\",1950-01-01\n"));
    high(csv, "csv");
    assertEquals(List.of("id", "name", "born"), csv.schema().stream().map(ColumnDef::name)
        .toList());
    assertEquals(DataType.DATE, csv.schema().get(2).type());

    ProbeResult tsv = Prober.probe(write("data", "a\tb\tc\n1\t2\t3\n4\t5\t6\n"));
    high(tsv, "tsv");

    ProbeResult pipes = Prober.probe(write("p.txt", "1|x|2.5\n2|y|3.5\n3|z|4.5\n"));
    assertEquals("csv", pipes.format(), pipes.explain());
    assertEquals(Map.of("delimiter", "|", "header", "false"), pipes.options());
    assertEquals(Confidence.HIGH, pipes.confidence(), pipes.explain());
    assertEquals(3, pipes.schema().size());

    ProbeResult lines = Prober.probe(write("events.jsonl",
        "{\"a\": 1, \"b\": \"x\"}\n{\"a\": 2, \"b\": \"y\"}\n{\"a\": 3, \"b\": \"z\"}\n"));
    high(lines, "json");
    assertEquals(Map.of("format", "json_lines"), lines.options());
    assertEquals(2, lines.schema().size());

    ProbeResult array = Prober.probe(write("arr.json", "[\n {\"a\": 1},\n {\"a\": 2}\n]\n"));
    high(array, "json");
    assertEquals(Map.of("format", "json_array"), array.options());
  }

  @Test
  void binaryFormats() throws Exception {
    high(Prober.probe(ExcelTest.sample(dir)), "excel");
    high(Prober.probe(ArrowTest.sample(dir, "f.arrow", false)), "arrow");
    high(Prober.probe(ArrowTest.sample(dir, "s.arrows", true)), "arrow");
    List<ColumnDef> cols = List.of(ColumnDef.of("x", DataType.BIGINT));
    Path pq = dir.resolve("x.bin");
    TableSpec spec = Tables.spec(dir, cols, "path", pq.toString());
    try (TableWriter w = new io.velaria.connectors.parquet.ParquetConnector().writer(spec,
        cols)) {
      w.write(Tables.batch(cols, new Object[] {1L}));
      w.commit();
    }
    ProbeResult p = Prober.probe(pq);
    high(p, "parquet");
    assertEquals("x BIGINT", p.schema().get(0).name() + " " + p.schema().get(0).type());
  }

  @Test
  void explainsLowConfidence() throws Exception {
    // prose: no delimiter splits it consistently and the words per line vary
    ProbeResult r = Prober.probe(write("notes", "hello there\nthis is a note about things\n"
        + "nothing; structured, here at all\n"));
    assertEquals(Confidence.LOW, r.confidence(), r.explain());
    assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("low confidence")),
        r.explain());
    assertTrue(r.explain().contains("candidates:"), r.explain());
    ProbeResult bin = Prober.probe(Files.write(dir.resolve("b.dat"), new byte[] {0, 1, 2, 3}));
    assertNull(bin.format());
    assertEquals("binary", bin.kind());
  }
}
