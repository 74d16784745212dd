package io.velaria.connectors.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrow files and streams read in a child JVM started without
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (this module's tests run with it, since
 * Arrow's writers need it): what a BI tool or {@code java -jar} sees.
 */
public class ArrowFlaglessTest {
  private static final int BATCHES = 5;
  private static final int ROWS = 3000;

  @TempDir
  Path dir;

  @Test
  void fileAndStreamReadWithoutJvmFlags() throws Exception {
    String expected = write(dir.resolve("multi.arrow"), false);
    assertEquals(expected, write(dir.resolve("multi.arrows"), true));
    assertEquals(expected, readInChild(dir.resolve("multi.arrow")));
    assertEquals(expected, readInChild(dir.resolve("multi.arrows")));
  }

  /** Writes BATCHES batches; returns the line ArrowCountMain must print. */
  private static String write(Path file, boolean stream) throws Exception {
    long idSum = 0;
    long names = 0;
    double scoreSum = 0;
    try (RootAllocator a = new RootAllocator();
        BigIntVector id = new BigIntVector("id", a);
        VarCharVector name = new VarCharVector("name", a);
        Float8Vector score = new Float8Vector("score", a)) {
      VectorSchemaRoot root = new VectorSchemaRoot(List.of(id.getField(), name.getField(),
          score.getField()), List.of(id, name, score), 0);
      try (OutputStream out = stream ? Files.newOutputStream(file) : null;
          FileChannel ch = stream ? null : FileChannel.open(file, StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          ArrowWriter w = stream ? new ArrowStreamWriter(root, null, out)
              : new ArrowFileWriter(root, null, ch)) {
        w.start();
        long next = 1;
        for (int b = 0; b < BATCHES; b++) {
          root.allocateNew();
          for (int i = 0; i < ROWS; i++, next++) {
            id.setSafe(i, next);
            idSum += next;
            if (next % 7 == 0) {
              name.setNull(i);
              score.setNull(i);
            } else {
              name.setSafe(i, ("név " + next).getBytes(java.nio.charset.StandardCharsets.UTF_8));
              names++;
              score.setSafe(i, next * 0.25);
              scoreSum += next * 0.25;
            }
          }
          root.setRowCount(ROWS);
          w.writeBatch();
        }
        w.end();
      }
    }
    return (long) BATCHES * ROWS + " " + idSum + " " + names + " " + scoreSum;
  }

  private static String readInChild(Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        ArrowCountMain.class.getName(), file.toString()).redirectErrorStream(true).start();
    String out;
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
      out = new String(p.getInputStream().readAllBytes()).trim();
    } finally {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), out);
    assertTrue(!out.contains("add-opens"), out);
    return out.substring(out.lastIndexOf('\n') + 1);
  }
}
