package io.velaria.connectors.common;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.Columns;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.type.DataType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads several files one after the other as one table, opening each only when the previous
 * one is done. When the table has a {@code filename} column (at index {@code filenameColumn}
 * of the table, -1 if none), the per-file reader is asked for the other columns and the file
 * name is added as a constant column.
 */
public final class MultiFileReader implements BatchReader {
  /** Opens a reader for one file with a projection of the table's other columns. */
  public interface Opener {
    BatchReader open(Path file, int[] projection, long limit);
  }

  private final List<Path> files;
  private final Opener opener;
  private final int[] inner;
  private final int filenamePos;
  private final int width;
  private final long limit;
  private long produced;
  private int next;
  private BatchReader current;
  private Path currentFile;

  public MultiFileReader(List<Path> files, int[] projection, int filenameColumn, long limit,
      Opener opener) {
    this.files = files;
    this.opener = opener;
    this.limit = limit;
    this.width = projection.length;
    int pos = -1;
    int[] in = new int[projection.length];
    int n = 0;
    for (int j = 0; j < projection.length; j++) {
      if (filenameColumn >= 0 && projection[j] == filenameColumn) {
        pos = j;
      } else {
        in[n++] = projection[j];
      }
    }
    this.filenamePos = pos;
    this.inner = Arrays.copyOf(in, n);
  }

  /** Removes the filename column from a list of columns given as a table's. */
  public static int filenameIndex(List<io.velaria.engine.catalog.ColumnDef> cols,
      boolean enabled) {
    return enabled ? cols.size() - 1 : -1;
  }

  @Override
  public Batch next() {
    while (true) {
      if (limit >= 0 && produced >= limit) {
        return null;
      }
      if (current == null) {
        if (next >= files.size()) {
          return null;
        }
        currentFile = files.get(next++);
        current = opener.open(currentFile, inner, limit < 0 ? -1 : limit - produced);
      }
      Batch b = current.next();
      if (b == null) {
        current.close();
        current = null;
        continue;
      }
      if (b.rowCount() == 0) {
        continue;
      }
      produced += b.rowCount();
      if (filenamePos < 0) {
        return b;
      }
      Column[] out = new Column[width];
      int k = 0;
      for (int j = 0; j < width; j++) {
        out[j] = j == filenamePos
            ? Columns.constant(DataType.VARCHAR, currentFile.toString(), b.rowCount())
            : b.column(k++);
      }
      return new Batch(out, b.rowCount());
    }
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
