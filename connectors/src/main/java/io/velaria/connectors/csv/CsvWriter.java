package io.velaria.connectors.csv;

import io.velaria.connectors.common.FilePaths;
import io.velaria.connectors.common.TextFormat;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends rows to a CSV file, or for a directory path (an existing directory, or a path ending
 * in '/') writes one part file per commit: rows go to a hidden temporary file that the commit
 * fsyncs and renames atomically to {@code part-<millis>-<id>.<ext>}, so readers of the
 * directory only ever see whole committed parts. A header is written when the file is empty. {@link #commit}
 * makes the rows durable (write + fsync); {@link #abort} truncates the file back to its length
 * at the last commit, so a failed INSERT or micro-batch leaves no partial rows behind. Rows are
 * buffered and written in chunks of about 1 MiB, so uncommitted rows may be on disk (and seen
 * by a concurrent reader) until the abort.
 */
final class CsvWriter implements TableWriter {
  private static final int FLUSH_BYTES = 1 << 20;

  private final Path path;
  private final boolean directory;
  private final String extension;
  private final CsvOptions options;
  private final List<ColumnDef> columns;
  private FileChannel channel;
  private Path temp;
  private final StringBuilder row = new StringBuilder(256);
  private final String delimiter;
  private byte[] pending = new byte[64 * 1024];
  private int pendingLength;
  private long committed;
  private long writePos;
  private boolean started;

  CsvWriter(TableSpec spec, List<ColumnDef> columns, char defaultDelimiter, String extension) {
    this.options = new CsvOptions(spec.options(), defaultDelimiter);
    this.path = FilePaths.resolve(spec);
    this.extension = extension;
    this.columns = List.copyOf(columns);
    this.delimiter = String.valueOf((char) options.delimiter);
    String raw = spec.option("path");
    this.directory = Files.isDirectory(path) || raw.endsWith("/")
        || raw.endsWith(java.io.File.separator);
    try {
      if (directory) {
        Files.createDirectories(path);
      } else {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        committed = channel.size();
        writePos = committed;
      }
    } catch (IOException | RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot open " + path
          + " for writing: " + e, e);
    }
  }

  @Override
  public void write(Batch batch) {
    if (batch.columnCount() != columns.size()) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "batch of "
          + batch.columnCount() + " columns written to " + path + " with " + columns.size());
    }
    if (!started) {
      start();
    }
    Column[] cols = batch.columns();
    for (int r = 0; r < batch.rowCount(); r++) {
      row.setLength(0);
      for (int c = 0; c < cols.length; c++) {
        if (c > 0) {
          row.append(delimiter);
        }
        appendValue(cols[c], r);
      }
      row.append('\n');
      append(row);
    }
  }

  /** First write since the last commit: a header for an empty file, a newline if missing. */
  private void start() {
    started = true;
    if (directory) {
      openPart();
    }
    if (committed == 0 && options.header) {
      row.setLength(0);
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          row.append(delimiter);
        }
        appendText(columns.get(c).name(), false);
      }
      row.append('\n');
      append(row);
    } else if (committed > 0 && lastByte() != '\n') {
      row.setLength(0);
      append(row.append('\n'));
    }
  }

  private void openPart() {
    try {
      temp = Files.createTempFile(path, ".part-", ".tmp");
      channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      committed = 0;
      writePos = 0;
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private void publishPart() throws IOException {
    channel.close();
    channel = null;
    String name = String.format("part-%013d-%s.%s", System.currentTimeMillis(),
        temp.getFileName().toString().replaceAll("\\D", ""), extension);
    Files.move(temp, path.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    temp = null;
    try (FileChannel dir = FileChannel.open(path, StandardOpenOption.READ)) {
      dir.force(true); // makes the rename durable on Linux; not supported everywhere
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort
    }
  }

  private int lastByte() {
    try {
      ByteBuffer one = ByteBuffer.allocate(1);
      return channel.read(one, committed - 1) == 1 ? one.get(0) : '\n';
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  private void appendValue(Column c, int r) {
    if (c.isNull(r)) {
      if (options.nullText != null) {
        row.append(options.nullText);
      }
      return;
    }
    int mark = row.length();
    TextFormat.append(row, c, r);
    if (c.type().kind().isString()) {
      String s = row.substring(mark);
      row.setLength(mark);
      appendText(s, true);
    }
  }

  /** Appends text, quoted when it holds a delimiter, quote or line break or could read as NULL. */
  private void appendText(String s, boolean couldBeNull) {
    boolean needs = couldBeNull && (s.isEmpty() || s.equals(options.nullText));
    for (int i = 0; i < s.length() && !needs; i++) {
      char ch = s.charAt(i);
      needs = ch == options.delimiter || ch == options.quote || ch == '\n' || ch == '\r';
    }
    if (!needs) {
      row.append(s);
      return;
    }
    if (options.quote == CsvOptions.NONE) {
      throw new VelariaException(SqlStates.DATA_EXCEPTION, "cannot write '" + s + "' to " + path
          + ": it needs quoting but option quote is empty");
    }
    char q = (char) options.quote;
    row.append(q);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == q) {
        row.append(q);
      } else if (ch == options.escape) {
        row.append(ch);
      }
      row.append(ch);
    }
    row.append(q);
  }

  private void append(CharSequence text) {
    byte[] bytes = text.toString().getBytes(options.charset);
    if (pendingLength + bytes.length > pending.length) {
      flush();
      if (bytes.length > pending.length) {
        pending = new byte[bytes.length];
      }
    }
    System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
    pendingLength += bytes.length;
    if (pendingLength >= FLUSH_BYTES) {
      flush();
    }
  }

  private void flush() {
    try {
      ByteBuffer bb = ByteBuffer.wrap(pending, 0, pendingLength);
      while (bb.hasRemaining()) {
        writePos += channel.write(bb, writePos);
      }
      pendingLength = 0;
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  @Override
  public void commit() {
    if (channel == null) {
      return; // a directory writer that wrote nothing since the last commit
    }
    flush();
    try {
      channel.force(true);
      if (directory) {
        publishPart();
      }
    } catch (IOException e) {
      throw ioError(e);
    }
    committed = writePos;
    started = false;
  }

  @Override
  public void abort() {
    pendingLength = 0;
    started = false;
    if (channel == null || !channel.isOpen()) {
      return;
    }
    try {
      if (directory) {
        channel.close();
        channel = null;
        Files.deleteIfExists(temp);
        temp = null;
        return;
      }
      if (channel.size() > committed) {
        channel.truncate(committed);
      }
      writePos = committed;
    } catch (IOException e) {
      throw ioError(e);
    }
  }

  @Override
  public void close() {
    try {
      abort();
    } finally {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException ignored) {
        // the file is already truncated to the last commit
      }
    }
  }

  private VelariaException ioError(IOException e) {
    return new VelariaException(SqlStates.IO_ERROR, "cannot write file " + path + ": " + e, e);
  }
}
