package io.velaria.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Velaria's own regression cases in sqllogictest format ({@code src/test/resources/slt/velaria}),
 * one per engine fix the suite drove; they must pass completely.
 */
class VelariaCasesTest {
  @TestFactory
  Stream<DynamicTest> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(VelariaCasesTest.class.getResource("/slt/velaria").toURI());
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> "slt/velaria/" + p.getFileName()).filter(f -> f.endsWith(".test"))
          .sorted().toList();
    }
    SltRunner runner = new SltRunner(60);
    return files.stream().map(f -> DynamicTest.dynamicTest(f, () -> {
      SltRunner.FileResult r = runner.run(f);
      StringBuilder sb = new StringBuilder();
      for (SltRunner.Failure x : r.failures()) {
        sb.append(x.key()).append(": ").append(x.message()).append("\n  ").append(x.query())
            .append('\n');
      }
      for (String st : r.unexpectedSuccesses()) {
        sb.append("statement should have failed: ").append(st).append('\n');
      }
      assertEquals("", sb.toString());
      assertTrue(r.passed() > 0, "no query ran in " + f);
    }));
  }
}
