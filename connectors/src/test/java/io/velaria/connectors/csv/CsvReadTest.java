package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.col;
import static io.velaria.connectors.csv.CsvTestSupport.open;
import static io.velaria.connectors.csv.CsvTestSupport.read;
import static io.velaria.connectors.csv.CsvTestSupport.readAll;
import static io.velaria.connectors.csv.CsvTestSupport.row;
import static io.velaria.connectors.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.type.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadTest {
  @TempDir Path dir;

  static long days(int y, int m, int d) {
    return LocalDate.of(y, m, d).toEpochDay();
  }

  static long millis(String isoLocal) {
    return LocalDateTime.parse(isoLocal).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  static long unscaled(String v, int scale) {
    return new BigDecimal(v).setScale(scale, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }

  @Test
  void everyDeclaredType() throws Exception {
    Path f = write(dir, "all.csv",
        "b,ti,si,i,bi,r,d,dec,s,c,dt,tm,ts,bin,v\n"
        + "true,1,-300,70000,9000000000,1.5,2.25,12.345,hello,x,2024-02-29,13:45:10.250,"
        + "2024-02-29 13:45:10.5,0aff,[1 2 3]\n"
        + "f,-128,32767,-2147483648,-9223372036854775808,-0.5,1e3,-0.005,\"a,b\",y,1970-01-01,"
        + "00:00,2024-02-29T00:00:01Z,\\x00,\"[1,2.5,-3]\"\n"
        + "YES, 7 ,0,0,0,NaN,-Infinity,0,\"\",z,1999-12-31,23:59:59,"
        + "2024-01-01T10:00:00+02:00,,\"[0.5  0.25 ,1]\"\n"
        + ",,,,,,,,,,,,,,\n");
    List<ColumnDef> cols = List.of(col("b", DataType.BOOLEAN), col("ti", DataType.TINYINT),
        col("si", DataType.SMALLINT), col("i", DataType.INTEGER), col("bi", DataType.BIGINT),
        col("r", DataType.REAL), col("d", DataType.DOUBLE), col("dec", DataType.decimal(6, 2)),
        col("s", DataType.VARCHAR), col("c", DataType.chars(1)), col("dt", DataType.DATE),
        col("tm", DataType.TIME), col("ts", DataType.TIMESTAMP),
        col("bin", DataType.VARBINARY), col("v", DataType.vector(3)));
    List<List<Object>> rows = readAll(open(f, cols));
    assertEquals(4, rows.size());
    assertEquals(row(true, 1L, -300L, 70000L, 9000000000L, 1.5, 2.25, unscaled("12.345", 2),
        "hello", "x", days(2024, 2, 29),
        LocalTime.of(13, 45, 10, 250_000_000).toNanoOfDay() / 1_000_000,
        millis("2024-02-29T13:45:10.500"), Arrays.toString(new byte[] {0x0a, (byte) 0xff}),
        List.of(1f, 2f, 3f)), rows.get(0));
    assertEquals(row(false, -128L, 32767L, (long) Integer.MIN_VALUE, Long.MIN_VALUE, -0.5,
        1000.0, unscaled("-0.005", 2), "a,b", "y", 0L, 0L, millis("2024-02-29T00:00:01"),
        Arrays.toString(new byte[] {0}), List.of(1f, 2.5f, -3f)), rows.get(1));
    assertEquals(row(true, 7L, 0L, 0L, 0L, Double.NaN, Double.NEGATIVE_INFINITY, 0L, "", "z",
        days(1999, 12, 31), (23 * 3600 + 59 * 60 + 59) * 1000L, millis("2024-01-01T08:00:00"),
        null, List.of(0.5f, 0.25f, 1f)), rows.get(2));
    assertEquals(Arrays.asList(new Object[15]), rows.get(3));
  }

  @Test
  void realIsRoundedToFloatAndDecimalRoundsHalfUp() throws Exception {
    Path f = write(dir, "n.csv", "r,d\n0.1,1.005\n-2.675,-2.675\n99.999,0.004\n");
    ConnectorTable t = open(f, List.of(col("r", DataType.REAL), col("d", DataType.decimal(5, 2))));
    List<List<Object>> rows = readAll(t);
    assertEquals(row((double) 0.1f, unscaled("1.005", 2)), rows.get(0));
    assertEquals(row((double) -2.675f, unscaled("-2.675", 2)), rows.get(1));
    assertEquals(row((double) 99.999f, 0L), rows.get(2));
  }

  @Test
  void nullRules() throws Exception {
    Path f = write(dir, "nulls.csv",
        "s,i,x\n,NULL,NA\n\"\",null,\"NA\"\nnull,,x\nNA,\"\",\n");
    List<ColumnDef> cols = List.of(col("s", DataType.VARCHAR), col("i", DataType.INTEGER),
        col("x", DataType.VARCHAR));
    List<List<Object>> plain = readAll(open(f, cols));
    assertEquals(List.of(row(null, null, "NA"), row("", null, "NA"), row("null", null, "x"),
        row("NA", null, null)), plain);
    List<List<Object>> na = readAll(open(f, cols, "null_value", "NA"));
    // null_value applies to unquoted fields; a quoted "NA" stays text.
    assertEquals(List.of(row(null, null, null), row("", null, "NA"), row("null", null, "x"),
        row(null, null, null)), na);
  }

  @Test
  void headerlessFilesAndOtherDelimiters() throws Exception {
    Path f = write(dir, "p.txt", "1|a|x\n2|b|y\n");
    ConnectorTable t = open(f, List.of(), "header", "false", "delimiter", "|");
    assertEquals(List.of("c0", "c1", "c2"),
        t.columns().stream().map(ColumnDef::name).collect(Collectors.toList()));
    assertEquals(List.of(row(1L, "a", "x"), row(2L, "b", "y")), readAll(t));

    Path s = write(dir, "s.csv", "a;b\n1,5;x\n");
    assertEquals(List.of(row("1,5", "x")), readAll(open(s, List.of(), "delimiter", ";")));

    Path tsv = write(dir, "t.tsv", "a\tb\n1\thello, world\n");
    for (String d : new String[] {"tab", "\\t", "\t"}) {
      assertEquals(List.of(row(1L, "hello, world")), readAll(open(tsv, List.of(), "delimiter", d)));
    }
    ConnectorTable viaTsv = new TsvConnector().open(CsvTestSupport.spec(CsvTestSupport.opts(tsv)));
    assertEquals(List.of(row(1L, "hello, world")), readAll(viaTsv));
    assertTrue(viaTsv.describe().startsWith("tsv path="), viaTsv.describe());
  }

  @Test
  void quotedFieldsWithNewlinesEscapesBomAndCrlf() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text = "id,note\r\n1,\"line one\r\nline \"\"two\"\"\"\r\n2,\"a,b\"\r\n3,plain \"x\"\r\n"
        + "4,\"ünïcödé ✓\"";
    Path f = dir.resolve("q.csv");
    Files.write(f, concat(bom, text.getBytes(StandardCharsets.UTF_8)));
    ConnectorTable t = open(f, List.of());
    assertEquals("id", t.columns().get(0).name());
    assertEquals(List.of(row(1L, "line one\r\nline \"two\""), row(2L, "a,b"),
        row(3L, "plain \"x\""), row(4L, "ünïcödé ✓")), readAll(t));

    Path e = write(dir, "esc.csv", "a,b\n\"x\\\"y\",\"back\\\\slash\"\n");
    assertEquals(List.of(row("x\"y", "back\\slash")),
        readAll(open(e, List.of(), "escape", "\\")));
    Path noQuote = write(dir, "nq.csv", "a,b\n\"x,y\n");
    assertEquals(List.of(row("\"x", "y")), readAll(open(noQuote, List.of(), "quote", "")));
    Path single = write(dir, "sq.csv", "a,b\n'x,y',2\n");
    assertEquals(List.of(row("x,y", 2L)), readAll(open(single, List.of(), "quote", "'")));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void projectionInAnyOrderAndLimit() throws Exception {
    StringBuilder sb = new StringBuilder("a,b,c\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i).append(",s").append(i).append(',').append(i * 0.5).append('\n');
    }
    ConnectorTable t = open(write(dir, "p.csv", sb.toString()), List.of());
    List<List<Object>> rows = read(t, new int[] {2, 0}, -1);
    assertEquals(10_000, rows.size());
    assertEquals(row(4999.5, 9999L), rows.get(9999));
    assertEquals(row("s7", "s7"), read(t, new int[] {1, 1}, 8).get(7));
    assertEquals(8, read(t, new int[] {1}, 8).size());
    assertEquals(5000, read(t, new int[] {}, 5000).size());
    assertEquals(10_000, read(t, new int[] {}, -1).size());
    assertEquals(0, read(t, new int[] {0}, 0).size());
    long est = t.estimatedRowCount();
    assertTrue(est > 8_000 && est < 15_000, "estimate " + est);
  }

  @Test
  void skipRowsSampleRowsAndBlankLines() throws Exception {
    Path f = write(dir, "sk.csv", "# generated\n# by hand\nx,y\n1,a\n\n2,b\n");
    ConnectorTable t = open(f, List.of(), "skip_rows", "2");
    assertEquals(List.of("x", "y"), t.columns().stream().map(ColumnDef::name)
        .collect(Collectors.toList()));
    assertEquals(List.of(row(1L, "a"), row(2L, "b")), readAll(t));
    Path one = write(dir, "one.csv", "v\n1\n\n3\n");
    assertEquals(List.of(row(1L), row((Object) null), row(3L)), readAll(open(one, List.of())));
    Path late = write(dir, "late.csv", "v\n1\n2\nx\n");
    assertEquals(DataType.BIGINT, open(late, List.of(), "sample_rows", "2").columns().get(0).type());
  }

  @Test
  void latin1EncodingAndSkipRowsWithoutHeader() throws Exception {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, "junk line\ncafé;1\nnaïve;2\n".getBytes(StandardCharsets.ISO_8859_1));
    ConnectorTable t = open(f, List.of(), "encoding", "ISO-8859-1", "delimiter", ";",
        "header", "false", "skip_rows", "1");
    assertEquals(List.of(row("café", 1L), row("naïve", 2L)), readAll(t));
  }

  @Test
  void relativePathsAndDescribeAndServiceLoader() throws Exception {
    write(dir, "rel.csv", "a\n1\n");
    ConnectorTable t = new CsvConnector().open(new io.velaria.engine.spi.TableSpec("t",
        List.of(), CsvTestSupport.map("path", "rel.csv"), dir));
    assertEquals(List.of(row(1L)), readAll(t));
    assertEquals("csv path=" + dir.resolve("rel.csv") + " delimiter=',' header=true",
        t.describe());
    List<String> names = ServiceLoader.load(Connector.class).stream()
        .map(p -> p.get().name()).sorted().collect(Collectors.toList());
    assertTrue(names.containsAll(List.of("csv", "tsv")), names.toString());
  }
}
