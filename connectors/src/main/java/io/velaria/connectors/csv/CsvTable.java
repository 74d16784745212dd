package io.velaria.connectors.csv;

import io.velaria.connectors.common.FilePaths;
import io.velaria.connectors.common.FileSet;
import io.velaria.connectors.common.TypeInference;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A CSV file opened as a table. Opening checks the file, reads the header and a sample of rows
 * (to infer the schema when none is declared, estimate the row count and learn whether quoted
 * fields span lines, which rules out splitting the file by byte ranges).
 */
final class CsvTable implements ConnectorTable {
  /** Files smaller than this are read by one reader. */
  static final long MIN_SPLIT_FILE = 32L << 20;
  static final long MIN_SPLIT_BYTES = 8L << 20;

  final String format;
  final Path path;
  private final FileSet fileSet;
  final boolean directory;
  final CsvOptions options;
  final List<ColumnDef> columns;
  final long maxRecordBytes;
  private final long fileSize;
  private final long dataStart;
  private final long sampledRows;
  private final long sampledBytes;
  private final boolean sampleHitEnd;
  private final boolean quotedNewlines;
  private long estimate = -1;

  private CsvTable(String format, Path path, FileSet fileSet, boolean directory, CsvOptions options,
      List<ColumnDef> columns, long maxRecordBytes, long fileSize, long dataStart,
      long sampledRows, long sampledBytes, boolean sampleHitEnd, boolean quotedNewlines) {
    this.format = format;
    this.path = path;
    this.fileSet = fileSet;
    this.directory = directory;
    this.options = options;
    this.columns = columns;
    this.maxRecordBytes = maxRecordBytes;
    this.fileSize = fileSize;
    this.dataStart = dataStart;
    this.sampledRows = sampledRows;
    this.sampledBytes = sampledBytes;
    this.sampleHitEnd = sampleHitEnd;
    this.quotedNewlines = quotedNewlines;
  }

  static CsvTable open(String format, TableSpec spec, char defaultDelimiter,
      long maxRecordBytes) {
    CsvOptions o = new CsvOptions(spec.options(), defaultDelimiter);
    // a file, a directory or a glob (FileSet); a glob's files are listed again on each read
    FileSet fileSet = FileSet.of(spec);
    Path path = fileSet.path();
    if (!FileSet.hasGlob(spec.option("path"))) {
      FilePaths.checkReadable(path);
    }
    boolean directory = fileSet.isMulti();
    List<Path> files = directory ? fileSet.list() : List.of(path);
    Sample sample = new Sample(spec.declaredColumns(), o);
    for (Path f : files) {
      if (sample.rows >= o.sampleRows) {
        break;
      }
      sample.read(f, maxRecordBytes);
    }
    List<ColumnDef> cols = spec.declaredColumns();
    if (cols.isEmpty()) {
      if (sample.width == 0) {
        throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot infer the columns of "
            + (directory ? (FileSet.hasGlob(spec.option("path")) ? "files "
                + fileSet.display() : "directory " + path) + ": it holds no data"
                : "empty file " + path)
            + "; declare the columns");
      }
      cols = inferredColumns(sample.header, sample.inference.types(sample.width));
    }
    long size = 0;
    for (Path f : files) {
      size += sizeOf(f);
    }
    return new CsvTable(format, path, fileSet, directory, o, cols, maxRecordBytes, size,
        sample.headerBytes, sample.rows, sample.bytes, sample.hitEnd && !directory,
        sample.quotedNewlines);
  }

  /** What reading the head of the files taught: header, types, line lengths. */
  private static final class Sample {
    final List<ColumnDef> declared;
    final CsvOptions o;
    final TypeInference inference = new TypeInference();
    List<String> header;
    int width;
    long rows;
    long bytes;
    long headerBytes;
    boolean hitEnd;
    boolean quotedNewlines;

    Sample(List<ColumnDef> declared, CsvOptions o) {
      this.declared = declared;
      this.o = o;
      this.width = declared.size();
    }

    void read(Path path, long maxRecordBytes) {
      int maxFields = declared.isEmpty() ? 1 << 16 : declared.size();
      try (CsvScanner sc = new CsvScanner(openChannel(path), path, o, 0, Long.MAX_VALUE,
          maxFields, maxRecordBytes)) {
        for (int i = 0; i < o.skipRows && sc.skipLine(); i++) {
          // lines before the header are skipped whatever they contain
        }
        if (o.header && sc.next()) {
          if (header == null) {
            header = new ArrayList<>();
            for (int i = 0; i < Math.min(sc.fieldCount(), maxFields); i++) {
              header.add(sc.text(i, o.charset));
            }
            if (width == 0) {
              width = header.size();
            }
          }
          if (!declared.isEmpty() && sc.fieldCount() != declared.size()) {
            throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "the header has "
                + sc.fieldCount() + " fields but the table declares " + declared.size()
                + " columns in file " + path + ", line " + sc.recordLineNumber()
                + " (header row)");
          }
        }
        long dataStart = sc.position();
        headerBytes += dataStart;
        sc.skipBlankLines(width != 1);
        while (rows < o.sampleRows && sc.next()) {
          if (width == 0) {
            width = sc.fieldCount();
            sc.skipBlankLines(width != 1);
          }
          if (declared.isEmpty()) {
            for (int i = 0; i < Math.min(sc.fieldCount(), width); i++) {
              inference.accept(i, sampleValue(sc, i, o));
            }
          }
          rows++;
        }
        bytes += sc.position() - dataStart;
        hitEnd = sc.reachedEnd();
        quotedNewlines |= sc.sawQuotedNewline();
      }
    }
  }

  /** A sampled field as inference sees it: NULL per the file's NULL rules, else its text. */
  private static String sampleValue(CsvScanner sc, int i, CsvOptions o) {
    if (sc.flags(i) == 0) {
      int s = sc.start(i);
      int e = sc.end(i);
      if (s == e || CsvBatchReader.isNullText(sc.buffer(), s, e, o.nullValue)) {
        return null;
      }
    }
    return sc.text(i, o.charset);
  }

  private static List<ColumnDef> inferredColumns(List<String> header, List<DataType> types) {
    List<ColumnDef> cols = new ArrayList<>(types.size());
    Set<String> used = new HashSet<>();
    for (int i = 0; i < types.size(); i++) {
      String name = header != null && i < header.size() ? header.get(i).trim() : "";
      if (name.isEmpty()) {
        name = "c" + i;
      }
      String unique = name;
      for (int k = 1; !used.add(unique.toLowerCase(Locale.ROOT)); k++) {
        unique = name + "_" + k;
      }
      cols.add(ColumnDef.of(unique, types.get(i)));
    }
    return cols;
  }

  static FileChannel openChannel(Path path) {
    try {
      return FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot open file " + path + ": " + e, e);
    }
  }

  @Override
  public List<ColumnDef> columns() {
    return columns;
  }

  @Override
  public long estimatedRowCount() {
    if (sampleHitEnd || sampledRows == 0) {
      return sampledRows;
    }
    if (estimate < 0) {
      estimate = estimate();
    }
    return estimate;
  }

  /**
   * Data bytes divided by the average line length. The head of a file is often not typical
   * (ids grow longer), so besides the sampled rows three 64 KiB windows at 1/4, 1/2 and 3/4
   * of the file are read and their newlines counted.
   */
  private long estimate() {
    long bytes = sampledBytes;
    long lines = sampledRows;
    long window = 64 << 10;
    if (!directory && fileSize - dataStart > 8 * window) {
      try (FileChannel ch = openChannel(path)) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate((int) window);
        for (int k = 1; k <= 3; k++) {
          bb.clear();
          int n = ch.read(bb, dataStart + (fileSize - dataStart) * k / 4);
          for (int i = 0; i < n; i++) {
            if (bb.get(i) == '\n') {
              lines++;
            }
          }
          bytes += Math.max(n, 0);
        }
      } catch (IOException e) {
        // keep the estimate from the sample
      }
    }
    return Math.max(sampledRows, (long) ((fileSize - dataStart) / ((double) bytes / lines)));
  }

  @Override
  public BatchReader read(ReadRequest request) {
    if (!directory) {
      return new CsvBatchReader(this, path, request, 0, Long.MAX_VALUE);
    }
    return chain(fileSet.list(), request);
  }

  /** One reader over files read one after another. */
  private BatchReader chain(List<Path> files, ReadRequest request) {
    List<LongFunction<BatchReader>> parts = new ArrayList<>();
    for (Path f : files) {
      parts.add(remaining -> new CsvBatchReader(this, f,
          new ReadRequest(request.columns(), request.predicates(), remaining), 0,
          Long.MAX_VALUE));
    }
    return new ChainedReader(parts, request.limit());
  }

  @Override
  public List<BatchReader> split(ReadRequest request, int maxSplits) {
    if (directory) {
      // Whole files per split: contiguous groups of files, as even as the count allows.
      List<Path> files = fileSet.list();
      int n = Math.max(1, Math.min(maxSplits, files.size()));
      List<BatchReader> out = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        out.add(chain(files.subList(k * files.size() / n, (k + 1) * files.size() / n),
            request));
      }
      return out;
    }
    long size = sizeOf(path);
    int n = (int) Math.min(maxSplits, size / MIN_SPLIT_BYTES);
    if (n <= 1 || size < MIN_SPLIT_FILE || quotedNewlines) {
      return List.of(read(request));
    }
    List<BatchReader> out = new ArrayList<>(n);
    long chunk = size / n;
    try {
      for (int k = 0; k < n; k++) {
        long start = k * chunk;
        long end = k == n - 1 ? Long.MAX_VALUE : (k + 1) * chunk;
        out.add(new CsvBatchReader(this, path, request, start, end));
      }
    } catch (RuntimeException e) {
      out.forEach(BatchReader::close);
      throw e;
    }
    return out;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + p + ": " + e, e);
    }
  }

  @Override
  public String describe() {
    return format + " path=" + fileSet.display() + " delimiter='" + options.delimiterText() + "' header="
        + options.header;
  }
}
