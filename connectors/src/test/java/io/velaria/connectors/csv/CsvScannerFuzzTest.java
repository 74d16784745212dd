package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.col;
import static io.velaria.connectors.csv.CsvTestSupport.open;
import static io.velaria.connectors.csv.CsvTestSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.type.DataType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random records of random fields (empty, NULL, long, with delimiters, quotes, CR/LF and
 * multi-byte text; LF or CRLF line ends) over several buffer lengths, read back exactly.
 */
class CsvScannerFuzzTest {
  @TempDir Path dir;

  private static final String ALPHABET = "abcxyz0123 ,\"\n\r;é✓";

  @Test
  void randomRecordsReadBackExactly() throws Exception {
    Random rnd = new Random(42);
    int cols = 5;
    List<List<Object>> expected = new ArrayList<>();
    StringBuilder sb = new StringBuilder("a,b,c,d,e\n");
    while (sb.length() < 3_000_000) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          sb.append(',');
        }
        if (rnd.nextInt(10) == 0) {
          row.add(null);
          continue;
        }
        int len = rnd.nextInt(10) == 0 ? rnd.nextInt(200) : rnd.nextInt(12);
        StringBuilder v = new StringBuilder();
        boolean special = rnd.nextInt(4) == 0;
        for (int i = 0; i < len; i++) {
          v.append(special ? ALPHABET.charAt(rnd.nextInt(ALPHABET.length()))
              : ALPHABET.charAt(rnd.nextInt(10)));
        }
        String s = v.toString();
        row.add(s);
        if (s.isEmpty() || s.contains(",") || s.contains("\"") || s.contains("\n")
            || s.contains("\r")) {
          sb.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(s);
        }
      }
      sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
      expected.add(row);
    }
    Path f = dir.resolve("fuzz.csv");
    Files.write(f, sb.toString().getBytes(StandardCharsets.UTF_8));
    List<ColumnDef> defs = new ArrayList<>();
    for (String n : Arrays.asList("a", "b", "c", "d", "e")) {
      defs.add(col(n, DataType.VARCHAR));
    }
    List<List<Object>> actual = readAll(open(f, defs));
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
  }
}
