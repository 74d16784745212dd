package io.velaria.connectors.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velaria.connectors.arrow.ArrowConnector;
import io.velaria.connectors.common.FileSet;
import io.velaria.connectors.common.TypeInference;
import io.velaria.connectors.csv.CsvConnector;
import io.velaria.connectors.csv.TsvConnector;
import io.velaria.connectors.excel.ExcelConnector;
import io.velaria.connectors.json.JsonConnector;
import io.velaria.connectors.line.LineConnector;
import io.velaria.connectors.parquet.ParquetConnector;
import io.velaria.connectors.probe.ProbeResult.Candidate;
import io.velaria.connectors.probe.ProbeResult.Confidence;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.TypeKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Guesses the format of a file from its content and extension: magic bytes for Parquet
 * ({@code PAR1} at both ends), Arrow ({@code ARROW1}, or an IPC stream's continuation marker)
 * and Excel (a zip holding {@code xl/workbook.xml}); for text, JSON (lines or an array of
 * objects, parsed with Jackson), delimited text (comma, tab, pipe, semicolon: how consistently
 * each delimiter splits the lines) and blank-separated lines. Each candidate gets a score out of
 * 100; the extension adds a little to the formats it names. Only the first 64 KiB are read
 * (plus the footer of a possible Parquet file).
 */
public final class Prober {
  static final int SAMPLE = 64 << 10;
  private static final JsonFactory JSON = new JsonFactory();
  private static final char[] DELIMITERS = {',', '\t', '|', ';'};

  private Prober() {}

  /** Probes one file (with no other options). */
  public static ProbeResult probe(Path file) {
    return probe(file, new TableSpec("probe", List.of(), Map.of("path", file.toString()),
        file.toAbsolutePath().getParent()));
  }

  /** Probes the file (or first file of the directory / glob) named by a table's options. */
  public static ProbeResult probe(TableSpec spec) {
    List<Path> files = FileSet.of(spec).files();
    return probe(files.get(0), spec);
  }

  private static ProbeResult probe(Path file, TableSpec spec) {
    byte[] head;
    byte[] tail = new byte[0];
    long size;
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      size = f.length();
      head = new byte[(int) Math.min(size, SAMPLE)];
      f.readFully(head);
      if (size >= 8) {
        tail = new byte[4];
        f.seek(size - 4);
        f.readFully(tail);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + file + ": " + e, e);
    }
    String ext = extension(file);
    List<Candidate> cands = new ArrayList<>();
    String kind;
    if (size == 0) {
      kind = "empty";
    } else if (startsWith(head, "PAR1")) {
      kind = "parquet";
      boolean footer = Arrays.equals(tail, "PAR1".getBytes(StandardCharsets.US_ASCII));
      cands.add(new Candidate("parquet", Map.of(), footer ? 100 : 70, footer
          ? "PAR1 magic at the start and the end" : "PAR1 at the start but not at the end"
          + " (truncated or corrupt footer)"));
    } else if (startsWith(head, "ARROW1")) {
      kind = "arrow";
      cands.add(new Candidate("arrow", Map.of(), 100, "ARROW1 magic (Arrow IPC file)"));
    } else if (head.length >= 8 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFF
        && (head[2] & 0xFF) == 0xFF && (head[3] & 0xFF) == 0xFF) {
      kind = "arrow";
      boolean named = ext.equals("arrows") || ext.equals("arrow") || ext.equals("ipc")
          || ext.equals("feather");
      cands.add(new Candidate("arrow", Map.of(), named ? 92 : 75,
          "Arrow IPC stream continuation marker" + (named ? " and extension ." + ext : "")));
    } else if (startsWith(head, "PK\u0003\u0004")) {
      kind = "zip";
      if (hasEntry(file, "xl/workbook.xml")) {
        kind = "xlsx";
        cands.add(new Candidate("excel", Map.of(), 100, "zip holding xl/workbook.xml"));
      }
    } else if (isBinary(head)) {
      kind = "binary";
    } else {
      kind = "text";
      String text = decode(head, size > head.length);
      json(text, ext, cands);
      if (!cands.isEmpty()) {
        kind = "json";
      }
      delimited(text, ext, cands, cands.stream().anyMatch(c -> c.score() >= 75));
    }
    cands.sort(Comparator.comparingInt(Candidate::score).reversed());
    List<String> warnings = new ArrayList<>();
    if (cands.isEmpty()) {
      warnings.add(size == 0 ? "the file is empty" : "no format recognizes this " + kind
          + " file");
      return new ProbeResult(file, kind, null, Map.of(), 0, Confidence.LOW, List.of(),
          warnings, List.of());
    }
    Candidate top = cands.get(0);
    int next = cands.size() > 1 ? cands.get(1).score() : 0;
    int lead = top.score() - next;
    Confidence conf = top.score() >= 90 && lead >= 15 ? Confidence.HIGH
        : top.score() >= 65 && lead >= 8 ? Confidence.MEDIUM : Confidence.LOW;
    if (cands.size() > 1 && lead < 15) {
      warnings.add(top.label() + " (" + top.score() + ") is only " + lead + " points ahead of "
          + cands.get(1).label() + " (" + next + "): add USING to choose");
    }
    if (conf == Confidence.LOW) {
      warnings.add("low confidence: " + (top.score() < 65 ? "the best score " + top.score()
          + " is under 65 (" + top.reason() + ")" : "the best candidates are too close"));
    }
    List<ColumnDef> schema = List.of();
    try {
      Map<String, String> opts = new HashMap<>(spec.options());
      top.options().forEach(opts::putIfAbsent);
      opts.remove("format_probe");
      schema = connector(top.format()).open(new TableSpec(spec.tableName(),
          spec.declaredColumns(), opts, spec.workingDirectory())).columns();
    } catch (VelariaException e) {
      warnings.add("reading it as " + top.label() + " failed: " + e.getMessage());
    }
    return new ProbeResult(file, kind, top.format(), top.options(), top.score(), conf,
        List.copyOf(cands), List.copyOf(warnings), schema);
  }

  static Connector connector(String format) {
    switch (format) {
      case "csv": return new CsvConnector();
      case "tsv": return new TsvConnector();
      case "json": return new JsonConnector();
      case "line": return new LineConnector();
      case "parquet": return new ParquetConnector();
      case "excel": return new ExcelConnector();
      case "arrow": return new ArrowConnector();
      default: throw new IllegalArgumentException(format);
    }
  }

  private static String extension(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  private static boolean startsWith(byte[] b, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
    return b.length >= m.length && Arrays.equals(b, 0, m.length, m, 0, m.length);
  }

  private static boolean hasEntry(Path file, String name) {
    try (ZipFile z = new ZipFile(file.toFile())) {
      return z.getEntry(name) != null;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isBinary(byte[] b) {
    int bad = 0;
    for (byte x : b) {
      int c = x & 0xFF;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        bad++;
      }
    }
    return bad > b.length / 100 + 1;
  }

  /** The sample as text; a truncated sample loses its last, partial line. */
  private static String decode(byte[] head, boolean truncated) {
    int n = head.length;
    if (truncated) {
      int nl = n - 1;
      while (nl > 0 && head[nl] != '\n') {
        nl--;
      }
      if (nl > 0) {
        n = nl + 1;
      }
    }
    int start = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    return new String(head, start, n - start, StandardCharsets.UTF_8);
  }

  private static void json(String text, String ext, List<Candidate> out) {
    String t = text.stripLeading();
    if (t.isEmpty() || (t.charAt(0) != '{' && t.charAt(0) != '[')) {
      return;
    }
    boolean extJson = ext.equals("json") || ext.equals("jsonl") || ext.equals("ndjson");
    try (JsonParser p = JSON.createParser(t)) {
      if (t.charAt(0) == '[') {
        p.nextToken();
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_OBJECT) {
          int n = 0;
          JsonToken tok = first;
          try {
            while (tok == JsonToken.START_OBJECT) {
              p.skipChildren();
              n++;
              tok = p.nextToken();
            }
          } catch (IOException e) {
            // the sample may end inside the array
          }
          int score = tok == JsonToken.END_ARRAY || tok == null || n >= 1 ? 95 : 60;
          out.add(new Candidate("json", Map.of("format", "json_array"), Math.min(100,
              score + (extJson ? 5 : 0)), "a JSON array of " + n + (n == 1 ? " object"
              : " objects") + " in the sample"));
        } else if (first != null && first.isScalarValue()) {
          out.add(new Candidate("json", Map.of("format", "json_array"), 30,
              "a JSON array of scalars, not objects (rows must be objects)"));
        }
        return;
      }
      int objects = 0;
      int lines = 0;
      for (String line : t.split("\n")) {
        if (!line.isBlank()) {
          lines++;
        }
      }
      try {
        JsonToken tok;
        while ((tok = p.nextToken()) != null) {
          if (tok != JsonToken.START_OBJECT) {
            break;
          }
          p.skipChildren();
          objects++;
        }
      } catch (IOException e) {
        // a syntax error: the score says how far it got
      }
      if (objects == 0) {
        return;
      }
      boolean ok = objects >= lines;
      int score = ok ? 95 : objects >= Math.max(1, lines * 9 / 10) ? 75 : 40;
      out.add(new Candidate("json", Map.of("format", "json_lines"), Math.min(100,
          score + (extJson ? 5 : 0)), objects + " JSON objects in " + lines + " sampled lines"));
    } catch (IOException e) {
      // not JSON
    }
  }

  private static void delimited(String text, String ext, List<Candidate> out,
      boolean json) {
    int penalty = json ? 35 : 0; // text that parses as JSON objects is not delimited text
    List<String> lines = new ArrayList<>();
    for (String l : text.split("\r?\n")) {
      if (!l.isBlank()) {
        lines.add(l);
      }
      if (lines.size() >= 200) {
        break;
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    Candidate best = null;
    for (char d : DELIMITERS) {
      int[] counts = new int[lines.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = fields(lines.get(i), d);
      }
      int mode = mode(counts);
      if (mode < 2) {
        continue;
      }
      int same = 0;
      for (int c : counts) {
        if (c == mode) {
          same++;
        }
      }
      double consistency = (double) same / counts.length;
      int score = (int) Math.round(50 + 40 * consistency);
      if (lines.size() < 2) {
        score -= 15;
      }
      String format = d == '\t' ? "tsv" : "csv";
      boolean named = (d == '\t' && (ext.equals("tsv") || ext.equals("tab")))
          || (d != '\t' && ext.equals("csv"));
      if (named) {
        score += 8;
      }
      Map<String, String> opts = new LinkedHashMap<>();
      if (d == '|' || d == ';') {
        opts.put("delimiter", String.valueOf(d));
      }
      if (!header(lines, d)) {
        opts.put("header", "false");
      }
      Candidate c = new Candidate(format, opts, Math.min(100, score - penalty), mode + " fields on "
          + same + " of " + counts.length + " lines split by '" + (d == '\t' ? "\\t" : d) + "'");
      if (best == null || c.score() > best.score()) {
        best = c;
      }
      out.add(c);
    }
    // blank-separated lines (logs): the line format, split on runs of blanks
    int[] counts = new int[lines.size()];
    for (int i = 0; i < counts.length; i++) {
      String s = lines.get(i).trim();
      counts[i] = s.isEmpty() ? 0 : s.split("\\s+").length;
    }
    int mode = mode(counts);
    int same = 0;
    for (int c : counts) {
      if (c == mode) {
        same++;
      }
    }
    double consistency = (double) same / counts.length;
    boolean logExt = ext.equals("log") || ext.equals("txt");
    int score = mode >= 2 ? (int) Math.round(35 + 30 * consistency) : 30;
    if (logExt) {
      score += 10;
    }
    out.add(new Candidate("line", Map.of("mode", "split"), Math.min(85, score - penalty),
        mode >= 2
        ? mode + " blank-separated fields on " + same + " of " + counts.length + " lines"
        : "plain text lines"));
  }

  /** Fields of a line split by {@code d}, outside double quotes. */
  private static int fields(String line, char d) {
    int n = 1;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == d && !quoted) {
        n++;
      }
    }
    return n;
  }

  private static int mode(int[] counts) {
    Map<Integer, Integer> freq = new HashMap<>();
    int best = 0;
    int bestN = 0;
    for (int c : counts) {
      int n = freq.merge(c, 1, Integer::sum);
      if (n > bestN || (n == bestN && c > best)) {
        best = c;
        bestN = n;
      }
    }
    return best;
  }

  /**
   * True when the first line looks like a header: some column is text in the first line but
   * typed (number, date, boolean) below it; or every line is text (the CSV default).
   */
  private static boolean header(List<String> lines, char d) {
    if (lines.size() < 2) {
      return true;
    }
    TypeInference inf = new TypeInference();
    String[] first = split(lines.get(0), d);
    boolean firstAllText = true;
    for (String f : first) {
      var t = inf.classify(f);
      if (t != null && t.kind() != TypeKind.VARCHAR) {
        firstAllText = false;
      }
    }
    if (!firstAllText) {
      return false;
    }
    return true;
  }

  private static String[] split(String line, char d) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == d && !quoted) {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    out.add(sb.toString());
    return out.toArray(new String[0]);
  }

}
