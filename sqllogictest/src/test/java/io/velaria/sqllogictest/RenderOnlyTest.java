package io.velaria.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SltMain --render-only --results F --doc D}: renders the recorded table into the document
 * and runs nothing (the results file is left as it was, and no "sqllogictest:" run header
 * appears).
 */
class RenderOnlyTest {
  private static final String RESULTS = ResultsFile.HEADER + "\n"
      + "test/evidence/in1.test\t100\t2\t10\t3.5\tabc1234\t2026-11-20T10:00:00Z\t2\n"
      + "test/evidence/in2.test\t50\t0\t0\t1.5\tabc1234\t2026-11-20T10:01:00Z\t2\n"
      + "test/select1.test\t1000\t0\t0\t60.0\tdef5678\t2026-11-21T09:00:00Z\t2\n";

  @Test
  void rendersWithoutRunning(@TempDir Path dir) throws IOException {
    Path results = dir.resolve("full-run.tsv");
    Files.writeString(results, RESULTS);
    Path doc = dir.resolve("conformance.md");
    Files.writeString(doc, "# Title\n\nbefore\n\n" + SltMain.BEGIN + "\nold table\n" + SltMain.END
        + "\nafter\n");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      // the same arguments as a resumed run plus --render-only: still nothing may run
      SltMain.main(new String[] {"--render-only", "--results", results.toString(), "--resume",
          "--doc", doc.toString(), "@all"});
    } finally {
      System.setOut(saved);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(out.contains("sqllogictest:"), out);
    assertTrue(out.contains("rendered 3 recorded files"), out);
    assertEquals(RESULTS, Files.readString(results));

    String text = Files.readString(doc);
    assertTrue(text.startsWith("# Title\n\nbefore\n\n" + SltMain.BEGIN + "\n"), text);
    assertTrue(text.endsWith(SltMain.END + "\nafter\n"), text);
    assertFalse(text.contains("old table"), text);
    // evidence/ has 12 files in sql-logic-test 0.3; 2 of them are recorded
    assertTrue(text.contains("| test/evidence | 2 / 12 | 150 | 2 | 10 | 98.68% | 5.0 s |"), text);
    assertTrue(text.contains("| test | 1 / 5 | 1,000 | 0 | 0 | 100.00% | 1 min 00 s |"), text);
    assertTrue(text.contains("| **total** | 3 / 622 | 1,150 | 2 | 10 | 99.83% | 1 min 05 s |"),
        text);
    assertTrue(text.contains("3 files recorded in `full-run.tsv`, run at commits abc1234, "
        + "def5678 on 2026-11-20, 2026-11-21, 2 cores"), text);
  }
}
