package io.velaria.connectors.line;

import io.velaria.connectors.common.FileSet;
import io.velaria.connectors.common.MultiFileReader;
import io.velaria.connectors.common.TypeInference;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A line-oriented text file opened as a table. */
final class LineTable implements ConnectorTable {
  static final Set<String> OPTIONS = Set.of("path", "mode", "split_delimiter", "regex_pattern",
      "mappings", "sample_rows", "filename");

  final FileSet files;
  final boolean regex;
  /** The literal delimiter; null splits on runs of blanks. */
  final String delimiter;
  final Pattern pattern;
  /** Per data column: the field index (split) or the group (regex). */
  final int[] sources;
  final List<ColumnDef> columns;
  final List<ColumnDef> dataColumns;
  final boolean filename;
  /** Lines the regex did not match in the last complete scan (-1: none yet). */
  final AtomicLong unmatched = new AtomicLong(-1);
  private final long sampleUnmatched;
  private final long sampleLines;
  private final long estimate;

  private LineTable(FileSet files, boolean regex, String delimiter, Pattern pattern,
      int[] sources, List<ColumnDef> columns, List<ColumnDef> dataColumns, boolean filename,
      long sampleUnmatched, long sampleLines, long estimate) {
    this.files = files;
    this.regex = regex;
    this.delimiter = delimiter;
    this.pattern = pattern;
    this.sources = sources;
    this.columns = columns;
    this.dataColumns = dataColumns;
    this.filename = filename;
    this.sampleUnmatched = sampleUnmatched;
    this.sampleLines = sampleLines;
    this.estimate = estimate;
  }

  static LineTable open(TableSpec spec) {
    FileSet.checkOptions(spec, "line", OPTIONS);
    String mode = spec.option("mode", spec.option("regex_pattern") != null ? "regex" : "split")
        .trim().toLowerCase(Locale.ROOT);
    if (!mode.equals("split") && !mode.equals("regex")) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'mode' of a line table must be 'split' or 'regex', not '" + mode + "'");
    }
    boolean regex = mode.equals("regex");
    boolean filename = FileSet.booleanOption(spec, "filename", false);
    int sampleRows = io.velaria.connectors.common.Options.positiveInt(spec, "sample_rows", 1000);
    List<ColumnDef> declared = spec.declaredColumns();
    if (filename && !declared.isEmpty()) {
      if (!declared.get(declared.size() - 1).name().equalsIgnoreCase("filename")) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "with filename: 'true' the last"
            + " declared column must be 'filename' VARCHAR");
      }
      declared = declared.subList(0, declared.size() - 1);
    }
    Pattern pattern = null;
    String delimiter = null;
    List<String> names = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    if (regex) {
      String text = spec.option("regex_pattern");
      if (text == null || text.isEmpty()) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "mode 'regex' needs option regex_pattern");
      }
      try {
        pattern = Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "invalid regex_pattern: "
            + e.getDescription() + " near index " + e.getIndex() + " of '" + text + "'", e);
      }
      int groups = pattern.matcher("").groupCount();
      String mappings = spec.option("mappings");
      if (mappings != null && !mappings.isBlank()) {
        for (String m : mappings.split(",")) {
          int colon = m.lastIndexOf(':');
          if (colon <= 0) {
            throw new VelariaException(SqlStates.SYNTAX_ERROR,
                "mappings must look like 'column:group,...', not '" + mappings + "'");
          }
          String name = m.substring(0, colon).trim();
          int g;
          try {
            g = Integer.parseInt(m.substring(colon + 1).trim());
          } catch (NumberFormatException e) {
            throw new VelariaException(SqlStates.SYNTAX_ERROR, "mapping '" + m.trim()
                + "': the group must be a number (0 = whole match, 1.." + groups + ")");
          }
          if (g < 0 || g > groups) {
            throw new VelariaException(SqlStates.SYNTAX_ERROR, "mapping '" + m.trim()
                + "' names group " + g + " but regex_pattern '" + text + "' has "
                + (groups == 0 ? "no capture groups (only group 0, the whole match)"
                    : groups + " capture group" + (groups == 1 ? "" : "s")));
          }
          names.add(name);
          sources.add(g);
        }
      } else {
        if (groups == 0) {
          throw new VelariaException(SqlStates.SYNTAX_ERROR, "regex_pattern '" + text
              + "' has no capture groups: add groups like (\\d+) or map a column to the whole"
              + " match with mappings: 'name:0'");
        }
        int n = declared.isEmpty() ? groups : declared.size();
        if (n > groups) {
          throw new VelariaException(SqlStates.SYNTAX_ERROR, "the table declares " + n
              + " columns but regex_pattern has " + groups + " capture groups; add mappings");
        }
        for (int i = 0; i < n; i++) {
          names.add(declared.isEmpty() ? "c" + i : declared.get(i).name());
          sources.add(i + 1);
        }
      }
    } else {
      String d = spec.option("split_delimiter");
      if (d != null) {
        d = d.equalsIgnoreCase("tab") || d.equals("\\t") ? "\t" : d;
        if (d.isEmpty()) {
          throw new VelariaException(SqlStates.SYNTAX_ERROR,
              "split_delimiter must not be empty");
        }
      }
      delimiter = d;
      if (spec.option("mappings") != null || spec.option("regex_pattern") != null) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR,
            "mappings and regex_pattern belong to mode 'regex'");
      }
    }
    FileSet fs = FileSet.of(spec);
    List<Path> list = fs.isMulti() ? fs.list() : fs.files();
    // sample: checks the file and infers types
    TypeInference inference = new TypeInference();
    long lines = 0;
    long matched = 0;
    long bytes = 0;
    int width = regex ? names.size() : declared.size();
    Splitter splitter = new Splitter(delimiter);
    sample:
    for (Path p : list) {
      try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (lines >= sampleRows) {
            break sample;
          }
          bytes += line.length() + 1;
          if (line.isBlank()) {
            continue;
          }
          lines++;
          if (regex) {
            Matcher m = pattern.matcher(line);
            if (!m.find()) {
              continue;
            }
            matched++;
            for (int j = 0; j < sources.size(); j++) {
              inference.accept(j, m.group(sources.get(j)));
            }
          } else {
            int n = splitter.split(line, declared.isEmpty() ? Integer.MAX_VALUE : width);
            if (declared.isEmpty()) {
              width = Math.max(width, n);
            }
            matched++;
            for (int j = 0; j < n; j++) {
              inference.accept(j, splitter.field(j));
            }
          }
        }
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + p + ": " + e, e);
      }
    }
    List<ColumnDef> data = new ArrayList<>();
    int[] src;
    if (regex) {
      src = sources.stream().mapToInt(Integer::intValue).toArray();
      List<DataType> types = inference.types(names.size());
      for (int j = 0; j < names.size(); j++) {
        if (declared.isEmpty()) {
          data.add(ColumnDef.of(names.get(j), types.get(j)));
        } else {
          ColumnDef c = find(declared, names.get(j));
          data.add(c);
        }
      }
      if (!declared.isEmpty()) {
        // declared order wins; every declared column needs a mapping
        List<ColumnDef> ordered = new ArrayList<>();
        int[] s = new int[declared.size()];
        for (int i = 0; i < declared.size(); i++) {
          int at = indexOf(names, declared.get(i).name());
          if (at < 0) {
            throw new VelariaException(SqlStates.SYNTAX_ERROR, "column '"
                + declared.get(i).name() + "' has no entry in mappings");
          }
          ordered.add(declared.get(i));
          s[i] = src[at];
        }
        data = ordered;
        src = s;
      }
    } else {
      if (declared.isEmpty()) {
        if (width == 0) {
          throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot infer the columns of "
              + fs.display() + ": no lines; declare the columns");
        }
        List<DataType> types = inference.types(width);
        for (int j = 0; j < width; j++) {
          data.add(ColumnDef.of("c" + j, types.get(j)));
        }
      } else {
        data.addAll(declared);
      }
      src = new int[data.size()];
      for (int j = 0; j < src.length; j++) {
        src[j] = j;
      }
    }
    List<ColumnDef> cols = new ArrayList<>(data);
    if (filename) {
      cols.add(ColumnDef.of("filename", DataType.VARCHAR));
    }
    long total = 0;
    for (Path p : list) {
      try {
        total += Files.size(p);
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + p + ": " + e, e);
      }
    }
    long est = bytes == 0 ? 0 : bytes >= total ? matched
        : (long) (total / ((double) bytes / Math.max(1, lines)) * matched / Math.max(1, lines));
    return new LineTable(fs, regex, delimiter, pattern, src, List.copyOf(cols),
        List.copyOf(data), filename, lines - matched, lines, est);
  }

  private static ColumnDef find(List<ColumnDef> declared, String name) {
    for (ColumnDef c : declared) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new VelariaException(SqlStates.SYNTAX_ERROR,
        "mappings name column '" + name + "' which the table does not declare");
  }

  private static int indexOf(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }


  @Override
  public List<ColumnDef> columns() {
    return columns;
  }

  @Override
  public long estimatedRowCount() {
    return estimate;
  }

  @Override
  public BatchReader read(ReadRequest request) {
    List<Path> list = files.isMulti() ? files.list() : files.files();
    LineCounter counter = new LineCounter(list.size());
    return new MultiFileReader(list, request.columns(), filename ? columns.size() - 1 : -1,
        request.limit(), (file, projection, limit) -> new LineBatchReader(this, file,
            projection, limit, counter));
  }

  /** Adds up unmatched lines over the files of one scan; published when all were read. */
  final class LineCounter {
    private int remaining;
    private long count;

    LineCounter(int files) {
      this.remaining = files;
    }

    void fileDone(long unmatchedLines, boolean complete) {
      count += unmatchedLines;
      if (complete && --remaining == 0) {
        unmatched.set(count);
      }
    }
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("line path=").append(files.display());
    if (regex) {
      sb.append(" mode=regex pattern='").append(pattern.pattern()).append("' unmatched_lines=");
      long u = unmatched.get();
      if (u >= 0) {
        sb.append(u).append(" (last scan)");
      } else {
        sb.append(sampleUnmatched).append(" of ").append(sampleLines).append(" sampled");
      }
    } else {
      sb.append(" mode=split delimiter=").append(delimiter == null ? "blanks"
          : "'" + (delimiter.equals("\t") ? "\\t" : delimiter) + "'");
    }
    if (filename) {
      sb.append(" filename=true");
    }
    return sb.toString();
  }

  /** Splits a line on a literal delimiter or runs of blanks, into reusable slots. */
  static final class Splitter {
    private final String delimiter;
    private final List<String> fields = new ArrayList<>();
    private int count;

    Splitter(String delimiter) {
      this.delimiter = delimiter;
    }

    /** Splits into at most {@code max} fields: the last takes the rest of the line. */
    int split(String line, int max) {
      fields.clear();
      int n = line.length();
      if (delimiter == null) {
        int i = 0;
        while (i < n && Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        while (i < n) {
          if (fields.size() == max - 1) {
            int e = n;
            while (e > i && Character.isWhitespace(line.charAt(e - 1))) {
              e--;
            }
            fields.add(line.substring(i, e));
            break;
          }
          int s = i;
          while (i < n && !Character.isWhitespace(line.charAt(i))) {
            i++;
          }
          fields.add(line.substring(s, i));
          while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
          }
        }
      } else {
        int s = 0;
        while (true) {
          if (fields.size() == max - 1) {
            fields.add(line.substring(s));
            break;
          }
          int at = line.indexOf(delimiter, s);
          if (at < 0) {
            fields.add(line.substring(s));
            break;
          }
          fields.add(line.substring(s, at));
          s = at + delimiter.length();
        }
      }
      count = fields.size();
      return count;
    }

    String field(int i) {
      return i < count ? fields.get(i) : null;
    }
  }
}
