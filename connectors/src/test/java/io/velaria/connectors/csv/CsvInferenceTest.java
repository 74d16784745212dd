package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.open;
import static io.velaria.connectors.csv.CsvTestSupport.readAll;
import static io.velaria.connectors.csv.CsvTestSupport.row;
import static io.velaria.connectors.csv.CsvTestSupport.types;
import static io.velaria.connectors.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.connectors.common.TypeInference;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInferenceTest {
  @TempDir Path dir;

  @Test
  void inferenceRules() throws Exception {
    Path f = write(dir, "inf.csv",
        "b,i,d,mix,dt,ts,tsmix,v,vmix,s,numtext,nul,empty,big\n"
        + "true,1,1.5,1,2024-01-02,2024-01-02 03:04:05,2024-01-02,[1 2],[1 2],x,1,null,,99999999999999999999\n"
        + "FALSE,-2,2,2.5,2024-12-31,2024-01-02T03:04:05.123,2024-01-02 00:00:01,\"[1,2]\",[1 2 3],y,a,NULL,,1\n"
        + "null,NULL,,,,,,,,,,,,\n");
    ConnectorTable t = open(f, List.of());
    Map<String, DataType> expected = new LinkedHashMap<>();
    expected.put("b", DataType.BOOLEAN);
    expected.put("i", DataType.BIGINT);
    expected.put("d", DataType.DOUBLE);
    expected.put("mix", DataType.DOUBLE);
    expected.put("dt", DataType.DATE);
    expected.put("ts", DataType.TIMESTAMP);
    expected.put("tsmix", DataType.TIMESTAMP);
    expected.put("v", DataType.vector(2));
    expected.put("vmix", DataType.VARCHAR);
    expected.put("s", DataType.VARCHAR);
    expected.put("numtext", DataType.VARCHAR);
    expected.put("nul", DataType.VARCHAR);
    expected.put("empty", DataType.VARCHAR);
    expected.put("big", DataType.DOUBLE);
    assertEquals(expected, types(t));
    List<List<Object>> rows = readAll(t);
    assertEquals(3, rows.size());
    assertEquals(true, rows.get(0).get(0));
    assertEquals(1.0, rows.get(0).get(3));
    assertEquals(List.of(1f, 2f), rows.get(1).get(7));
    assertEquals(row(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null), rows.get(2));
    // `null` text is NULL for non-string columns, but text in an inferred VARCHAR column.
    assertEquals("null", rows.get(0).get(11));
  }

  @Test
  void headerNamesAreMadeUnique() throws Exception {
    Path f = write(dir, "h.csv", "a,A, ,a,\n1,2,3,4,5\n");
    assertEquals(List.of("a", "A_1", "c2", "a_2", "c4"),
        List.copyOf(types(open(f, List.of())).keySet()));
  }

  @Test
  void classifyIsReusable() {
    TypeInference inf = new TypeInference();
    assertEquals(null, inf.classify(" NuLl "));
    assertEquals(DataType.BIGINT, inf.classify("-42"));
    assertEquals(DataType.DOUBLE, inf.classify("1e-3"));
    assertEquals(DataType.VARCHAR, inf.classify("NaN"));
    assertEquals(DataType.VARCHAR, inf.classify("2024-13-01"));
    assertEquals(DataType.VARCHAR, inf.classify("[1 a]"));
    assertEquals(DataType.vector(1), inf.classify("[7]"));
    assertEquals(DataType.VARCHAR, TypeInference.merge(DataType.BOOLEAN, DataType.BIGINT));
    assertEquals(DataType.TIMESTAMP, TypeInference.merge(DataType.DATE, DataType.TIMESTAMP));
  }
}
