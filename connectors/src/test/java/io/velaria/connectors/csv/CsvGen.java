package io.velaria.connectors.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large CSV file {@code id,name,value,tag} and remembers what a reader must find:
 * the row count and the sums of id and value (value sums are exact: all values are halves).
 * Every 7th name is quoted and holds a comma and non-ASCII text.
 */
final class CsvGen {
  long rows;
  long idSum;
  double valueSum;
  /** Physical line number (header is line 1) of the row whose tag is not a number, or -1. */
  long badLine = -1;

  static CsvGen generate(Path file, long targetBytes, long badRow) throws IOException {
    CsvGen g = new CsvGen();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("id,name,value,tag\n");
      long bytes = 18;
      StringBuilder sb = new StringBuilder(64);
      for (long id = 0; bytes < targetBytes; id++) {
        sb.setLength(0);
        sb.append(id).append(',');
        if (id % 7 == 0) {
          sb.append("\"n,").append(id).append(" é\"");
        } else {
          sb.append("name").append(id);
        }
        double value = (id % 1000) + 0.5;
        sb.append(',').append(value).append(',');
        if (id == badRow) {
          sb.append('x');
          g.badLine = id + 2;
        } else {
          sb.append(id % 10);
        }
        sb.append('\n');
        w.append(sb);
        bytes += sb.length() + (id % 7 == 0 ? 1 : 0);
        g.rows++;
        g.idSum += id;
        g.valueSum += value;
      }
    }
    return g;
  }
}
