package io.velaria.server;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * {@code velaria probe FILE [--format FMT] [--rows N]}: opens the file as a table in a private
 * database and prints its columns (name, type, nullability as the connector inferred them),
 * the row count and the first rows. The format comes from {@code --format} or the file's
 * extension. (Built on SQL over the connectors; a dedicated probing API in the connectors
 * module can replace the inference here when it lands.)
 */
final class Probe {
  private Probe() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws SQLException {
    String file = null;
    String format = null;
    int sample = 5;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--format": format = args[++i]; break;
        case "--rows": sample = Integer.parseInt(args[++i]); break;
        default:
          if (args[i].startsWith("--") || file != null) {
            throw new IllegalArgumentException("usage: velaria probe FILE [--format FMT]"
                + " [--rows N]");
          }
          file = args[i];
      }
    }
    if (file == null) {
      throw new IllegalArgumentException("usage: velaria probe FILE [--format FMT] [--rows N]");
    }
    Path path = Path.of(file).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      err.println("error: file not found: " + path);
      return 1;
    }
    String using = format == null ? "" : " USING " + format.toLowerCase(Locale.ROOT);
    boolean progress = Progress.onTerminal();
    try (Connection c = DriverManager.getConnection("jdbc:velaria:")) {
      Cli.execute(c, "CREATE TABLE probed" + using + " OPTIONS(path: '"
          + path.toString().replace("'", "''") + "')", "table", new PrintStream(
              java.io.OutputStream.nullOutputStream()));
      out.println("file:    " + path);
      out.println("size:    " + String.format(Locale.ROOT, "%,d bytes", sizeOf(path)));
      DatabaseMetaData md = c.getMetaData();
      String[][] cols;
      java.util.List<String[]> list = new java.util.ArrayList<>();
      try (ResultSet rs = md.getColumns(null, null, "PROBED", "%")) {
        while (rs.next()) {
          list.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
              "YES".equals(rs.getString("IS_NULLABLE")) ? "yes" : "no"});
        }
      }
      if (list.isEmpty()) {
        try (ResultSet rs = md.getColumns(null, null, "probed", "%")) {
          while (rs.next()) {
            list.add(new String[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"),
                "YES".equals(rs.getString("IS_NULLABLE")) ? "yes" : "no"});
          }
        }
      }
      cols = list.toArray(new String[0][]);
      try (java.sql.Statement st = c.createStatement()) {
        long count;
        try (Progress p = new Progress(progress ? err : null, progress, "counting").tick();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM probed")) {
          rs.next();
          count = rs.getLong(1);
        }
        out.println("rows:    " + String.format(Locale.ROOT, "%,d", count));
        out.println("columns: " + cols.length);
        printTable(new String[] {"column", "type", "nullable"}, cols, out);
        if (sample > 0) {
          out.println("first " + sample + " row(s):");
          st.setMaxRows(sample);
          try (ResultSet rs = st.executeQuery("SELECT * FROM probed")) {
            Cli.print(rs, "table", out);
          }
        }
      }
    }
    return 0;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static void printTable(String[] header, String[][] rows, PrintStream out) {
    int[] w = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      w[i] = header[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i] == null ? 4 : r[i].length());
      }
    }
    StringBuilder line = new StringBuilder("+");
    for (int x : w) {
      line.append("-".repeat(x + 2)).append('+');
    }
    out.println(line);
    out.println(row(header, w));
    out.println(line);
    for (String[] r : rows) {
      out.println(row(r, w));
    }
    out.println(line);
  }

  private static String row(String[] cells, int[] w) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i] == null ? "NULL" : cells[i];
      sb.append(' ').append(c).append(" ".repeat(w[i] - c.length())).append(" |");
    }
    return sb.toString();
  }
}
