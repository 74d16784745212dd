package io.velaria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The velaria command: sql -e formats, probe, progress staying quiet, and the shell in a pty. */
@Timeout(120)
class CliTest {
  @TempDir
  Path tmp;

  static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = Cli.run(args, new PrintStream(out, true), new PrintStream(err, true));
    return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void sqlFormats() {
    String q = "SELECT 1 AS n, 'a,b' AS s, CAST(NULL AS VARCHAR) AS z, 2.5 AS d";
    String[] table = run("sql", "-e", q);
    assertEquals("0", table[0], table[2]);
    assertTrue(table[1].contains("| n | s   | z    | d   |"), table[1]);
    String[] csv = run("sql", "--format", "csv", "-e", q);
    assertEquals("n,s,z,d\n1,\"a,b\",NULL,2.5\n", csv[1].replace("\r", ""));
    String[] json = run("sql", "--format", "json", "-e", q);
    assertEquals("[\n  {\"n\": 1, \"s\": \"a,b\", \"z\": null, \"d\": 2.5}\n]\n",
        json[1].replace("\r", ""));
    // not a terminal: no progress output at all
    assertEquals("", table[2] + csv[2] + json[2]);
    String[] bad = run("sql", "-e", "SELECT * FROM missing");
    assertEquals("1", bad[0]);
    assertTrue(bad[2].startsWith("error [42P01]"), bad[2]);
    assertEquals("2", run("sql", "--format", "xml", "-e", "SELECT 1")[0]);
  }

  @Test
  void sqlOnAPersistentDatabase() {
    String db = tmp.resolve("db").toString();
    assertEquals("0", run("sql", "--db", db, "-e", "CREATE TABLE t (x INT)", "-e",
        "INSERT INTO t VALUES (7)")[0]);
    String[] r = run("sql", "--db", db, "--format", "csv", "-e", "SELECT x FROM t");
    assertEquals("x\n7\n", r[1].replace("\r", ""));
  }

  @Test
  void probeShowsColumnsAndRows() {
    Path people = Path.of("..", "samples", "people.csv").toAbsolutePath().normalize();
    String[] r = run("probe", people.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("rows:"), r[1]);
    assertTrue(r[1].contains("| name "), r[1]);
    assertTrue(r[1].contains("Ada"), r[1]);
    assertEquals("1", run("probe", tmp.resolve("none.csv").toString())[0]);
  }

  @Test
  void progressDrawsOnlyWhenEnabled() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true);
    try (Progress p = new Progress(ps, false, "reading")) {
      Thread.sleep(600);
      p.rows(5000);
    }
    assertEquals(0, sink.size());
    try (Progress p = new Progress(ps, true, "reading")) {
      Thread.sleep(600);
      p.rows(5000);
    }
    String shown = sink.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("5,000 rows") && shown.contains("rows/s"), shown);
  }

  private static String tmux(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("tmux");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(20, TimeUnit.SECONDS);
    return out;
  }

  private static String waitForScreen(String session, String text, long seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String screen = "";
    while (System.nanoTime() < deadline) {
      screen = tmux("capture-pane", "-p", "-t", session, "-S", "-100");
      if (screen.contains(text)) {
        return screen;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("'" + text + "' did not appear; screen:\n" + screen);
  }

  /** The shell in a real pseudo-terminal (tmux): prompt, completion, tables, history. */
  @Test
  void shellInAPseudoTerminal() throws Exception {
    boolean haveTmux;
    try {
      haveTmux = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      haveTmux = false;
    }
    assumeTrue(haveTmux, "tmux is not installed");
    Path db = tmp.resolve("shell-db");
    Path home = Files.createDirectories(tmp.resolve("home"));
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + db);
         Statement st = c.createStatement()) {
      st.execute("CREATE TABLE people_table (id INT, fullname VARCHAR)");
      st.execute("INSERT INTO people_table VALUES (1, 'Ada Lovelace'), (2, 'Grace Hopper')");
    }
    String session = "velaria-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "'" + java + "' -Duser.home='" + home + "' -cp '"
        + System.getProperty("java.class.path") + "' io.velaria.server.Cli shell --db '" + db
        + "'";
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "40", command);
    try {
      waitForScreen(session, "velaria>", 60);
      // completion of a table name: "people_t" + Tab
      tmux("send-keys", "-t", session, "SELECT fullname FROM people_t", "Tab");
      waitForScreen(session, "people_table", 20);
      // tmux reads a trailing ';' as its own command separator: escape it
      tmux("send-keys", "-t", session, " ORDER BY id\\;");
      tmux("send-keys", "-t", session, "Enter");
      String screen = waitForScreen(session, "Grace Hopper", 30);
      assertTrue(screen.toLowerCase().contains("fullname   |"), screen);
      assertTrue(screen.contains("+-"), "an aligned table: " + screen);
      tmux("send-keys", "-t", session, "!quit", "Enter");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline
          && tmux("has-session", "-t", session).isEmpty()) {
        Thread.sleep(200);
      }
      Path history = home.resolve(".velaria").resolve("history");
      assertTrue(Files.exists(history), "history file");
      assertTrue(Files.readString(history).contains("ORDER BY id"), Files.readString(history));
    } finally {
      tmux("kill-session", "-t", session);
    }
  }
}
