package io.velaria.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code velaria-jdbc-<version>-all.jar} in a fresh JVM with no JVM flags, as a
 * BI tool would load it: only the jar, the smoke main (and HikariCP for the pool variant).
 */
class FreshJvmIT {
  private static int runSmoke(boolean pool) throws Exception {
    Path jar = Path.of(System.getProperty("velaria.allJar"));
    assertTrue(Files.isRegularFile(jar), "missing " + jar);
    String cp = jar + File.pathSeparator + System.getProperty("velaria.testClasses");
    if (pool) {
      cp += File.pathSeparator + new File(com.zaxxer.hikari.HikariDataSource.class
          .getProtectionDomain().getCodeSource().getLocation().toURI());
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", cp, SmokeMain.class.getName()));
    if (pool) {
      cmd.add("pool");
    }
    Path log = Files.createTempFile("velaria-smoke", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("smoke JVM did not finish in 180 s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(out);
    Assumptions.assumeFalse(p.exitValue() == 3, "engine cannot run SQL yet: " + out);
    return p.exitValue();
  }

  @Test
  void driverJarAlone() throws Exception {
    assertEquals(0, runSmoke(false));
  }

  @Test
  void driverJarWithHikari() throws Exception {
    assertEquals(0, runSmoke(true));
  }
}
