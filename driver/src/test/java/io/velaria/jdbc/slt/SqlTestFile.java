package io.velaria.jdbc.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One sqllogictest-style file, parsed into records. Format:
 *
 * <pre>
 * # comment
 * statement ok | statement error [SQLSTATE] [message fragment]
 * SQL (until a blank line)
 *
 * query [sortmode] (nosort|rowsort|valuesort; default nosort)
 * SQL
 * ----
 * expected row, values separated by a tab; NULL for null; (empty) for ''
 *
 * query error [SQLSTATE] [message fragment]
 * SQL
 *
 * statement count N          (the statement's update count must be N)
 * SQL
 *
 * file PATH                  (writes the lines up to a blank line to PATH: to a hidden
 * line 1                      temporary name first, then renamed into place, the way
 * line 2                      producers feed a stream source directory)
 * </pre>
 */
final class SqlTestFile {
  /** One statement or query with what it must produce. */
  record Record(int line, String kind, String sql, String expectedState, String expectedMessage,
      String sortMode, List<String> expectedRows) {}

  private SqlTestFile() {}

  static List<Record> parse(Path file, java.util.Map<String, String> variables)
      throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Record> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      int start = i + 1;
      String[] head = line.split("\\s+", 4);
      String kind = head[0];
      if (kind.equals("file")) {
        List<String> content = new ArrayList<>();
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          content.add(substitute(lines.get(i), variables));
          i++;
        }
        out.add(new Record(start, "file", substitute(head[1], variables), null, null,
            "nosort", content));
        continue;
      }
      if (!kind.equals("statement") && !kind.equals("query")) {
        throw new IllegalArgumentException(file + ":" + start + ": expected statement or query");
      }
      boolean error = head.length > 1 && head[1].equals("error");
      boolean count = kind.equals("statement") && head.length > 2 && head[1].equals("count");
      String state = error && head.length > 2 ? head[2] : count ? head[2] : null;
      String message = error && head.length > 3 ? head[3] : null;
      String sort = !error && kind.equals("query") && head.length > 1 ? head[1] : "nosort";
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(lines.get(i)).append('\n');
        i++;
      }
      List<String> rows = new ArrayList<>();
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          rows.add(substitute(lines.get(i), variables));
          i++;
        }
      }
      String kindName = error ? kind + " error" : count ? "statement count"
          : kind.equals("statement") ? "statement ok"
          : "query";
      out.add(new Record(start, kindName, substitute(sql.toString().strip(), variables), state,
          message, sort, rows));
    }
    return out;
  }

  private static String substitute(String s, java.util.Map<String, String> variables) {
    for (var e : variables.entrySet()) {
      s = s.replace("${" + e.getKey() + "}", e.getValue());
    }
    return s;
  }
}
