package io.velaria.server;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code velaria} command: {@code shell} (the default with no arguments) opens the
 * interactive SQL shell; {@code sql [--db URL-or-dir] [--format table|csv|json] -e SQL} runs
 * statements; {@code probe FILE} shows what a file holds; {@code server ...} runs the Avatica
 * HTTP server; {@code hash-password} makes user entries for its config; {@code demo} queries
 * the bundled sample CSV files in a private database.
 */
public final class Cli {
  private Cli() {}

  public static void main(String[] args) throws Exception {
    int rc = run(args, System.out, System.err);
    if (rc >= 0) {
      System.exit(rc);
    }
  }

  static final String USAGE = String.join("\n",
      "usage: velaria [shell] [--db <dir|mem:name>]     interactive SQL shell (sqlline)",
      "       velaria sql [--db <dir|mem:name>] [--format table|csv|json] -e \"SQL\" [-e ...]",
      "       velaria probe FILE [--format <csv|...>]    columns, types and sample rows of a file",
      "       velaria server [--db <dir|mem:name>] [--host 127.0.0.1] [--port 8765]",
      "                      [--serialization protobuf|json] [--config server.properties]",
      "                      [--data-root <dirs>]        Avatica HTTP server (docs/server.md)",
      "       velaria hash-password [--user NAME] [--iterations N]",
      "                                                  a user entry for server.properties",
      "       velaria demo [--samples <dir>]             sample tables and a query");

  /** Runs a command; returns the exit status, or -1 when a server keeps running. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help")
        || args[0].equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    try {
      if (args.length == 0 || args[0].startsWith("--")) {
        // `velaria` alone, or `velaria --db x`: the shell
        String[] rest = new String[args.length + 1];
        rest[0] = "shell";
        System.arraycopy(args, 0, rest, 1, args.length);
        return Shell.run(rest, System.in, out, err);
      }
      switch (args[0]) {
        case "shell":
          return Shell.run(args, System.in, out, err);
        case "sql":
          return sql(args, out, err);
        case "probe":
          return Probe.run(args, out, err);
        case "server":
          return server(args, out, err);
        case "hash-password":
          return hashPassword(args, out, err);
        case "demo":
          return demo(args, out);
        default:
          err.println("unknown command '" + args[0] + "'; try velaria help");
          return 2;
      }
    } catch (SQLException e) {
      err.println("error [" + e.getSQLState() + "]: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static int sql(String[] args, PrintStream out, PrintStream err) throws SQLException {
    String db = "";
    String format = "table";
    List<String> statements = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--db": db = value(args, ++i, "--db"); break;
        case "--format": format = value(args, ++i, "--format"); break;
        case "-e": statements.add(value(args, ++i, "-e")); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!format.equals("table") && !format.equals("csv") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be table, csv or json");
    }
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("velaria sql needs -e \"SQL\"");
    }
    boolean progress = Progress.onTerminal();
    try (Connection c = DriverManager.getConnection(jdbcUrl(db))) {
      for (String s : statements) {
        execute(c, s, format, out, progress ? err : null);
      }
    }
    return 0;
  }

  /** {@code --db} value to URL: a jdbc: URL as is, else after {@code jdbc:velaria:}. */
  static String jdbcUrl(String db) {
    return db.startsWith("jdbc:") ? db : "jdbc:velaria:" + db;
  }

  private static int server(String[] args, PrintStream out, PrintStream err)
      throws SQLException {
    ServerConfig config = null;
    List<String[]> overrides = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--config":
          config = ServerConfig.load(Path.of(value(args, ++i, a)));
          break;
        case "--db": case "--host": case "--port": case "--serialization": case "--data-root":
        case "--memory-limit": case "--statement-timeout": case "--idle-timeout":
        case "--max-connections": case "--threads": case "--read-only": case "--auth":
          overrides.add(new String[] {a.substring(2), value(args, ++i, a)});
          break;
        default:
          throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (config == null) {
      config = ServerConfig.defaults();
    }
    for (String[] o : overrides) {
      config.set(o[0], o[1], Path.of("").toAbsolutePath());
    }
    VelariaServer server = new VelariaServer(config, err);
    server.start();
    out.println(server.url());
    out.flush();
    try {
      server.runUntilStopped();
    } catch (InterruptedException e) {
      server.close();
    }
    return 0;
  }

  private static int hashPassword(String[] args, PrintStream out, PrintStream err) {
    String user = null;
    int iterations = PasswordHash.DEFAULT_ITERATIONS;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--user": user = value(args, ++i, "--user"); break;
        case "--iterations": iterations = Integer.parseInt(value(args, ++i, "--iterations"));
          break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    char[] password;
    java.io.Console console = System.console();
    if (console != null) {
      password = console.readPassword("password: ");
      char[] again = console.readPassword("again: ");
      if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
        err.println("passwords do not match");
        return 1;
      }
    } else {
      // from a pipe: the first line of standard input
      try {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
            java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          err.println("no password on standard input");
          return 1;
        }
        password = line.toCharArray();
      } catch (java.io.IOException e) {
        err.println("cannot read the password: " + e.getMessage());
        return 1;
      }
    }
    if (password.length == 0) {
      err.println("the password is empty");
      return 1;
    }
    String hash = PasswordHash.hash(password, iterations);
    PasswordHash.wipe(password);
    out.println(user == null ? hash : "user." + user + "=" + hash);
    return 0;
  }

  private static int demo(String[] args, PrintStream out) throws SQLException {
    Path samples = Path.of(args.length > 2 && args[1].equals("--samples") ? args[2] : "samples")
        .toAbsolutePath();
    if (!Files.isRegularFile(samples.resolve("people.csv"))) {
      throw new IllegalArgumentException("sample files not found in " + samples
          + "; run from the project directory or pass --samples <dir>");
    }
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      String[] setup = {
        "CREATE TABLE people USING csv OPTIONS(path: '" + samples.resolve("people.csv") + "')",
        "CREATE TABLE orders USING csv OPTIONS(path: '" + samples.resolve("orders.csv") + "')",
      };
      for (String s : setup) {
        out.println("velaria> " + s);
        execute(c, s, "table", out);
      }
      String query = "SELECT p.name, p.city, COUNT(o.order_id) AS orders, SUM(o.amount) AS total"
          + " FROM people p LEFT JOIN orders o ON o.person_id = p.id"
          + " GROUP BY p.name, p.city ORDER BY total DESC NULLS LAST, p.name";
      out.println("velaria> " + query);
      execute(c, query, "table", out);
    }
    return 0;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  static void execute(Connection c, String sql, String format, PrintStream out)
      throws SQLException {
    execute(c, sql, format, out, null);
  }

  /** Runs one statement and prints its result; {@code progressOut} non-null shows progress. */
  static void execute(Connection c, String sql, String format, PrintStream out,
      PrintStream progressOut) throws SQLException {
    try (Statement st = c.createStatement()) {
      boolean hasResult;
      try (Progress p = new Progress(progressOut, progressOut != null, "running").tick();
          // CREATE EMBEDDING INDEX reports rows embedded so far (embedded databases only)
          var embedding = io.velaria.engine.embed.EmbeddingProgress.listen(
              (index, done, total) -> p.rows(done))) {
        hasResult = st.execute(sql);
      }
      if (!hasResult) {
        out.println(st.getUpdateCount() + " row(s) affected");
        return;
      }
      try (ResultSet rs = st.getResultSet()) {
        print(rs, format, out, progressOut);
      }
    }
  }

  static void print(ResultSet rs, String format, PrintStream out) throws SQLException {
    print(rs, format, out, null);
  }

  static void print(ResultSet rs, String format, PrintStream out, PrintStream progressOut)
      throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
    }
    boolean json = format.equals("json");
    boolean[] literal = new boolean[n];
    for (int i = 0; i < n; i++) {
      literal[i] = isJsonLiteral(md.getColumnType(i + 1));
    }
    try (Progress p = new Progress(progressOut, progressOut != null, "reading")) {
      while (rs.next()) {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
          String v = rs.getString(i + 1);
          row[i] = v == null ? (json ? null : "NULL") : v;
        }
        rows.add(row);
        if ((rows.size() & 1023) == 0) {
          p.rows(rows.size());
        }
      }
    }
    if (json) {
      printJson(header, literal, rows, out);
      return;
    }
    if (format.equals("csv")) {
      out.println(csvLine(header));
      for (String[] r : rows) {
        out.println(csvLine(r));
      }
      return;
    }
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      width[i] = header[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder line = new StringBuilder("+");
    for (int w : width) {
      line.append("-".repeat(w + 2)).append('+');
    }
    out.println(line);
    out.println(format(header, width));
    out.println(line);
    for (String[] r : rows) {
      out.println(format(r, width));
    }
    out.println(line);
    out.println(rows.size() + " row(s)");
  }

  private static boolean isJsonLiteral(int type) {
    switch (type) {
      case java.sql.Types.TINYINT: case java.sql.Types.SMALLINT: case java.sql.Types.INTEGER:
      case java.sql.Types.BIGINT: case java.sql.Types.REAL: case java.sql.Types.FLOAT:
      case java.sql.Types.DOUBLE: case java.sql.Types.DECIMAL: case java.sql.Types.NUMERIC:
      case java.sql.Types.BOOLEAN: case java.sql.Types.BIT:
        return true;
      default:
        return false;
    }
  }

  /** One JSON object per row, in an array, keys in column order. */
  private static void printJson(String[] header, boolean[] literal, List<String[]> rows,
      PrintStream out) {
    out.println("[");
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder sb = new StringBuilder("  {");
      String[] row = rows.get(r);
      for (int i = 0; i < header.length; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(jsonString(header[i])).append(": ");
        String v = row[i];
        if (v == null) {
          sb.append("null");
        } else if (!literal[i] || v.equalsIgnoreCase("NaN") || v.contains("Infinity")) {
          sb.append(jsonString(v));
        } else {
          sb.append(v);
        }
      }
      sb.append(r + 1 < rows.size() ? "}," : "}");
      out.println(sb);
    }
    out.println("]");
  }

  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  /** RFC 4180: fields with commas, quotes or line breaks are quoted. */
  static String csvLine(String[] cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells[i];
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String format(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length()))
          .append(" |");
    }
    return sb.toString();
  }
}
