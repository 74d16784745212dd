package io.velaria.connectors.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import io.velaria.engine.type.TypeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A JSON file (or directory / glob of them) opened as a table. */
final class JsonTable implements ConnectorTable {
  static final Set<String> OPTIONS = Set.of("path", "format", "columns", "sample_rows",
      "filename");

  final FileSet files;
  final String format;
  final List<ColumnDef> columns;
  /** Columns read from the files (without the filename column). */
  final List<ColumnDef> dataColumns;
  final boolean filename;
  private final long estimate;

  private JsonTable(FileSet files, String format, List<ColumnDef> columns,
      List<ColumnDef> dataColumns, boolean filename, long estimate) {
    this.files = files;
    this.format = format;
    this.columns = columns;
    this.dataColumns = dataColumns;
    this.filename = filename;
    this.estimate = estimate;
  }

  static JsonTable open(TableSpec spec) {
    FileSet.checkOptions(spec, "json", OPTIONS);
    String format = spec.option("format", "auto").trim().toLowerCase(Locale.ROOT);
    if (format.equals("jsonl") || format.equals("ndjson") || format.equals("lines")) {
      format = "json_lines";
    } else if (format.equals("array")) {
      format = "json_array";
    }
    if (!format.equals("json_lines") && !format.equals("json_array")
        && !format.equals("auto")) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "option 'format' of a json table must"
          + " be 'json_lines', 'json_array' or 'auto', not '" + spec.option("format") + "'");
    }
    int sampleRows = io.velaria.connectors.common.Options.positiveInt(spec, "sample_rows", 1000);
    boolean filename = FileSet.booleanOption(spec, "filename", false);
    FileSet fs = FileSet.of(spec);
    List<Path> list = fs.isMulti() ? fs.list() : fs.files();
    List<ColumnDef> declared = spec.declaredColumns();
    List<ColumnDef> data;
    long sampledRows = 0;
    long sampledBytes = 0;
    long totalBytes = 0;
    for (Path p : list) {
      try {
        totalBytes += Files.size(p);
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + p + ": " + e, e);
      }
    }
    if (filename && !declared.isEmpty()) {
      ColumnDef last = declared.get(declared.size() - 1);
      if (!last.name().equalsIgnoreCase("filename")) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "with filename: 'true' the last"
            + " declared column must be 'filename' VARCHAR");
      }
      declared = declared.subList(0, declared.size() - 1);
    }
    Sample sample = new Sample(spec.option("columns"));
    // sample even with declared columns: it checks the file is JSON at CREATE
    for (Path p : list) {
      if (sampledRows >= sampleRows) {
        break;
      }
      try (JsonRows rows = new JsonRows(p, format)) {
        while (sampledRows < sampleRows && rows.next()) {
          sample.row(rows);
          sampledRows++;
        }
        sampledBytes += rows.bytesRead();
      }
    }
    if (!declared.isEmpty()) {
      data = declared;
    } else {
      data = sample.columns();
      if (data.isEmpty()) {
        throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot infer the columns of "
            + fs.display() + ": " + (sampledRows == 0 ? "no rows" : "rows have no keys")
            + "; declare the columns");
      }
    }
    List<ColumnDef> cols = new ArrayList<>(data);
    if (filename) {
      cols.add(ColumnDef.of("filename", DataType.VARCHAR));
    }
    long est = sampledRows == 0 ? 0 : sampledBytes >= totalBytes ? sampledRows
        : (long) (totalBytes / Math.max(1.0, (double) sampledBytes / sampledRows));
    return new JsonTable(fs, format, List.copyOf(cols), List.copyOf(data), filename, est);
  }


  /** Infers columns from sampled rows: keys in order of first appearance. */
  static final class Sample {
    final Map<String, DataType> types = new LinkedHashMap<>();
    final Map<String, String> names = new LinkedHashMap<>();
    final List<String> wanted;
    final TypeInference inference = new TypeInference();

    Sample(String columnsOption) {
      if (columnsOption == null || columnsOption.isBlank()) {
        wanted = null;
      } else {
        wanted = new ArrayList<>();
        for (String c : columnsOption.split(",")) {
          if (!c.isBlank()) {
            wanted.add(c.trim());
            names.put(c.trim().toLowerCase(Locale.ROOT), c.trim());
          }
        }
      }
    }

    void row(JsonRows rows) {
      try {
        JsonToken t;
        while ((t = rows.parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = rows.parser.currentName();
          String lower = key.toLowerCase(Locale.ROOT);
          rows.parser.nextToken();
          if (wanted != null && !names.containsKey(lower)) {
            rows.parser.skipChildren();
            continue;
          }
          names.putIfAbsent(lower, key);
          DataType v = classify(rows);
          DataType old = types.get(lower);
          types.put(lower, old == null && !types.containsKey(lower) ? v
              : TypeInference.merge(old, v));
        }
        if (t != JsonToken.END_OBJECT) {
          throw rows.structure("unexpected " + JsonRows.describe(t));
        }
      } catch (JsonProcessingException e) {
        throw rows.syntax(e);
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + rows.file + ": " + e, e);
      }
    }

    /** The type of the current value, or null for a JSON null. */
    private DataType classify(JsonRows rows) throws IOException {
      JsonToken t = rows.parser.currentToken();
      switch (t) {
        case VALUE_NULL:
          return null;
        case VALUE_TRUE:
        case VALUE_FALSE:
          return DataType.BOOLEAN;
        case VALUE_NUMBER_INT:
          return rows.parser.getNumberType() == com.fasterxml.jackson.core.JsonParser.NumberType
              .BIG_INTEGER ? DataType.DOUBLE : DataType.BIGINT;
        case VALUE_NUMBER_FLOAT:
          return DataType.DOUBLE;
        case VALUE_STRING: {
          DataType d = inference.classify(rows.parser.getText());
          if (d == null) {
            return DataType.VARCHAR; // "" or "null" in quotes is a string
          }
          TypeKind k = d.kind();
          return k == TypeKind.DATE || k == TypeKind.TIMESTAMP ? d : DataType.VARCHAR;
        }
        case START_ARRAY: {
          int n = 0;
          boolean numeric = true;
          JsonToken e;
          while ((e = rows.parser.nextToken()) != JsonToken.END_ARRAY) {
            if (e == JsonToken.VALUE_NUMBER_INT || e == JsonToken.VALUE_NUMBER_FLOAT) {
              n++;
            } else {
              numeric = false;
              rows.parser.skipChildren();
            }
          }
          return numeric && n > 0 ? DataType.vector(n) : DataType.VARCHAR;
        }
        default:
          rows.parser.skipChildren();
          return DataType.VARCHAR;
      }
    }

    List<ColumnDef> columns() {
      List<ColumnDef> out = new ArrayList<>();
      if (wanted != null) {
        for (String w : wanted) {
          DataType t = types.get(w.toLowerCase(Locale.ROOT));
          out.add(ColumnDef.of(w, t == null ? DataType.VARCHAR : t));
        }
        return out;
      }
      for (Map.Entry<String, DataType> e : types.entrySet()) {
        out.add(ColumnDef.of(names.get(e.getKey()),
            e.getValue() == null ? DataType.VARCHAR : e.getValue()));
      }
      return out;
    }
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
    return new MultiFileReader(list, request.columns(),
        filename ? columns.size() - 1 : -1, request.limit(),
        (file, projection, limit) -> new JsonBatchReader(this, file, projection, limit));
  }

  @Override
  public String describe() {
    return "json path=" + files.display() + " format=" + format
        + (filename ? " filename=true" : "");
  }
}
