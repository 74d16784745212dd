package io.velaria.connectors.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.connectors.Tables;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.ConnectorTable;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ArrowTest {
  @TempDir
  Path dir;

  /** Writes three rows (id, name, score, day, emb FixedSizeList<float32>[2]) as file or stream. */
  public static Path sample(Path dir, String name, boolean stream) throws Exception {
    Path file = dir.resolve(name);
    try (RootAllocator a = new RootAllocator();
        BigIntVector id = new BigIntVector("id", a);
        VarCharVector nm = new VarCharVector("name", a);
        Float8Vector score = new Float8Vector("score", a);
        DateDayVector day = new DateDayVector("day", a);
        FixedSizeListVector emb = FixedSizeListVector.empty("emb", 2, a)) {
      emb.addOrGetVector(FieldType.nullable(new ArrowType.FloatingPoint(
          FloatingPointPrecision.SINGLE)));
      Float4Vector data = (Float4Vector) emb.getDataVector();
      for (int i = 0; i < 3; i++) {
        id.setSafe(i, i + 1);
        if (i != 1) {
          nm.setSafe(i, ("n" + i).getBytes());
          score.setSafe(i, i + 0.5);
          emb.setNotNull(i);
          data.setSafe(2 * i, i);
          data.setSafe(2 * i + 1, -i);
        } else {
          nm.setNull(i);
          score.setNull(i);
          emb.setNull(i);
        }
        day.setSafe(i, 20000 + i);
      }
      for (var v : List.of(id, nm, score, day, emb)) {
        v.setValueCount(3);
      }
      data.setValueCount(6);
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id.getField(), nm.getField(),
          score.getField(), day.getField(), emb.getField()), List.of(id, nm, score, day, emb), 3);
      if (stream) {
        try (OutputStream out = Files.newOutputStream(file);
            ArrowStreamWriter w = new ArrowStreamWriter(root, null, out)) {
          w.start();
          w.writeBatch();
          w.end();
        }
      } else {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
            ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
          w.start();
          w.writeBatch();
          w.end();
        }
      }
    }
    return file;
  }

  @Test
  void readsFilesAndStreams() throws Exception {
    for (boolean stream : new boolean[] {false, true}) {
      Path f = sample(dir, stream ? "s.arrows" : "f.arrow", stream);
      ConnectorTable t = Tables.open(new ArrowConnector(), dir, "path", f.toString());
      assertEquals(List.of("id BIGINT", "name VARCHAR", "score DOUBLE", "day DATE",
          "emb VECTOR(2)"), Tables.schema(t));
      List<List<Object>> rows = Tables.rows(t);
      assertEquals(Arrays.asList(1L, "n0", 0.5, 20000L, List.of(0f, 0f)), rows.get(0));
      assertEquals(Arrays.asList(2L, null, null, 20001L, null), rows.get(1));
      assertEquals(List.of(List.of(20002L, "n2")), Tables.rows(t, new int[] {3, 1}, List.of())
          .subList(2, 3));
    }
  }

  @Test
  void notArrowIsAnError() throws Exception {
    Path f = dir.resolve("x.arrow");
    Files.writeString(f, "hello, this is not arrow");
    VelariaException e = assertThrows(VelariaException.class,
        () -> Tables.open(new ArrowConnector(), dir, "path", f.toString()));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    assertEquals("22P04", e.sqlState());
  }
}
