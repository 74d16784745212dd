package io.velaria.connectors.csv;

import static io.velaria.connectors.csv.CsvTestSupport.col;
import static io.velaria.connectors.csv.CsvTestSupport.fails;
import static io.velaria.connectors.csv.CsvTestSupport.open;
import static io.velaria.connectors.csv.CsvTestSupport.read;
import static io.velaria.connectors.csv.CsvTestSupport.readAll;
import static io.velaria.connectors.csv.CsvTestSupport.row;
import static io.velaria.connectors.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.type.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDirectoryTest {
  @TempDir Path dir;

  @Test
  void aDirectoryReadsItsFilesInNameOrder() throws Exception {
    Path d = Files.createDirectory(dir.resolve("parts"));
    write(d, "part-2.csv", "id,name\n3,c\n");
    write(d, "part-1.csv", "id,name\n1,a\n2,b\n");
    write(d, "part-3.csv", "id,name\n");
    write(d, ".part-4.csv.tmp", "id,name\n99,hidden\n");
    write(d, "_SUCCESS", "");
    ConnectorTable t = open(d, List.of());
    assertEquals(DataType.BIGINT, t.columns().get(0).type());
    assertEquals(List.of(row(1L, "a"), row(2L, "b"), row(3L, "c")), readAll(t));
    assertEquals(List.of(row("a"), row("b")), read(t, new int[] {1}, 2));
    List<List<Object>> union = new ArrayList<>();
    List<BatchReader> splits = t.split(new ReadRequest(new int[] {0}, List.of(), -1), 2);
    assertEquals(2, splits.size());
    for (BatchReader r : splits) {
      union.addAll(CsvTestSupport.drain(r));
      r.close();
    }
    assertEquals(List.of(row(1L), row(2L), row(3L)), union);

    // Files added later are read by later queries.
    write(d, "part-5.csv", "id,name\n5,e\n");
    assertEquals(4, readAll(t).size());
    write(d, "part-6.csv", "id,name\nx,f\n");
    fails(SqlStates.INVALID_TEXT_REPRESENTATION, () -> readAll(t), "part-6.csv", "line 2",
        "column 1 (id)");
  }

  @Test
  void emptyDirectory() throws Exception {
    Path d = Files.createDirectory(dir.resolve("empty"));
    fails(SqlStates.BAD_COPY_FORMAT, () -> open(d, List.of()), d.toString());
    assertEquals(List.of(), readAll(open(d, List.of(col("a", DataType.INTEGER)))));
  }
}
