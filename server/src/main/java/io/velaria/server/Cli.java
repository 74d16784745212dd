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
 * The {@code velaria} command: {@code sql [--db URL-or-dir] [--format table|csv] -e SQL} runs
 * statements; {@code demo} queries the bundled sample CSV files in a private database.
 */
public final class Cli {
  private Cli() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      out.println("usage: velaria sql [--db <dir|mem:name>] [--format table|csv] -e \"SQL\"");
      out.println("       velaria demo [--samples <dir>]");
      return args.length == 0 ? 2 : 0;
    }
    try {
      switch (args[0]) {
        case "sql":
          return sql(args, out);
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

  private static int sql(String[] args, PrintStream out) throws SQLException {
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
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("velaria sql needs -e \"SQL\"");
    }
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + db)) {
      for (String s : statements) {
        execute(c, s, format, out);
      }
    }
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
    try (Statement st = c.createStatement()) {
      if (!st.execute(sql)) {
        out.println(st.getUpdateCount() + " row(s) affected");
        return;
      }
      try (ResultSet rs = st.getResultSet()) {
        print(rs, format, out);
      }
    }
  }

  static void print(ResultSet rs, String format, PrintStream out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
    }
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        String v = rs.getString(i + 1);
        row[i] = v == null ? "NULL" : v;
      }
      rows.add(row);
    }
    if (format.equals("csv")) {
      out.println(String.join(",", header));
      for (String[] r : rows) {
        out.println(String.join(",", r));
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

  private static String format(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length()))
          .append(" |");
    }
    return sb.toString();
  }
}
