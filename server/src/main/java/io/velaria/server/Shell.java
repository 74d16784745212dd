package io.velaria.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import sqlline.Application;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

/**
 * {@code velaria shell [--db <dir|mem:name|jdbc-url>] [sqlline options]}: sqlline over the
 * embedded driver, with history in {@code ~/.velaria/history}, tab completion of SQL keywords
 * and of the table and column names the database has (read when the shell connects;
 * {@code !rehash} re-reads them after DDL), and results printed as aligned tables.
 */
public final class Shell {
  private Shell() {}

  /** sqlline's application hooks: Velaria's banner, drivers and defaults. */
  public static final class VelariaApplication extends Application {
    @Override
    public String getInfoMessage() {
      return "Velaria shell (sqlline " + getVersion() + "). Type !help for commands,"
          + " !tables to list tables, !quit to leave; end SQL statements with ';'.";
    }

    @Override
    public Collection<String> initDrivers() {
      return List.of("io.velaria.jdbc.VelariaDriver", "org.apache.calcite.avatica.remote.Driver");
    }

    @Override
    public Collection<String> getConnectionUrlExamples() {
      return List.of("jdbc:velaria:", "jdbc:velaria:mem:NAME", "jdbc:velaria:/path/to/db",
          "jdbc:avatica:remote:url=http://127.0.0.1:8765;serialization=PROTOBUF");
    }

    @Override
    public SqlLineOpts getOpts(SqlLine sqlLine) {
      SqlLineOpts opts = super.getOpts(sqlLine);
      opts.set(sqlline.BuiltInProperty.FAST_CONNECT, false); // table/column names to complete
      opts.set(sqlline.BuiltInProperty.INCREMENTAL, false); // widths from all rows
      opts.set(sqlline.BuiltInProperty.SHOW_ELAPSED_TIME, true);
      opts.set(sqlline.BuiltInProperty.NULL_VALUE, "NULL");
      opts.set(sqlline.BuiltInProperty.PROMPT, "velaria> ");
      opts.set(sqlline.BuiltInProperty.ISOLATION, "TRANSACTION_NONE");
      opts.set(sqlline.BuiltInProperty.HISTORY_FILE, historyFile().toString());
      return opts;
    }
  }

  static Path historyFile() {
    Path dir = Path.of(System.getProperty("user.home"), ".velaria");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      // sqlline reports it if it cannot write the history
    }
    return dir.resolve("history");
  }

  /** Builds sqlline's arguments from ours. */
  static List<String> sqllineArgs(String[] args) {
    String db = "";
    List<String> extra = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--db") && i + 1 < args.length) {
        db = args[++i];
      } else {
        extra.add(args[i]);
      }
    }
    List<String> a = new ArrayList<>();
    a.add("-ac");
    a.add(VelariaApplication.class.getName());
    a.add("-u");
    a.add(Cli.jdbcUrl(db));
    a.add("-n");
    a.add("velaria");
    a.add("-p");
    a.add("");
    a.add("--connectInteractionMode=notAskCredentials");
    a.add("--historyFile=" + historyFile());
    a.addAll(extra);
    return a;
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    try {
      SqlLine sqlLine = new SqlLine();
      // null input: sqlline opens the system terminal (raw mode, completion, line editing);
      // a stream is only passed when the caller supplies one that is not System.in
      InputStream input = in == System.in ? null : in;
      SqlLine.Status status = sqlLine.begin(sqllineArgs(args).toArray(new String[0]), input,
          true);
      return status == SqlLine.Status.OK ? 0 : 1;
    } catch (IOException e) {
      err.println("shell: " + e.getMessage());
      return 1;
    }
  }
}
