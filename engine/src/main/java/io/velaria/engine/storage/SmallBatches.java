package io.velaria.engine.storage;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.Columns;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins runs of small batches into batches of up to {@link Batch#DEFAULT_SIZE} rows. Row-by-row
 * INSERTs (a trigger body, a JDBC loop) add one-row batches; left alone, a table of n such rows
 * holds n batches, and every scan and every append pays for each of them.
 */
final class SmallBatches {
  /** A batch with fewer rows than this is small. */
  static final int SMALL = Batch.DEFAULT_SIZE / 2;
  /** How many small batches may trail a table before they are joined. */
  static final int MAX_TRAILING = 32;

  private SmallBatches() {}

  /**
   * The table's batches after appending {@code added}: when the batches ending the table are
   * MAX_TRAILING or more small ones, they are joined, so each row is copied O(1) times on
   * average however the rows arrive.
   */
  static List<Batch> append(List<Batch> table, List<Batch> added) {
    List<Batch> next = new ArrayList<>(table.size() + added.size());
    next.addAll(table);
    next.addAll(added);
    int from = next.size();
    while (from > 0 && next.get(from - 1).rowCount() < SMALL) {
      from--;
    }
    if (next.size() - from < MAX_TRAILING) {
      return next;
    }
    List<Batch> joined = coalesce(next.subList(from, next.size()));
    next.subList(from, next.size()).clear();
    next.addAll(joined);
    return next;
  }

  /** Joins runs of small batches; batches of SMALL rows or more are kept as they are. */
  static List<Batch> coalesce(List<Batch> batches) {
    List<Batch> out = new ArrayList<>();
    List<Batch> run = new ArrayList<>();
    int runRows = 0;
    for (Batch b : batches) {
      if (b.rowCount() >= SMALL) {
        flush(run, runRows, out);
        run.clear();
        runRows = 0;
        out.add(b);
        continue;
      }
      if (runRows + b.rowCount() > Batch.DEFAULT_SIZE) {
        flush(run, runRows, out);
        run.clear();
        runRows = 0;
      }
      run.add(b);
      runRows += b.rowCount();
    }
    flush(run, runRows, out);
    return out;
  }

  private static void flush(List<Batch> run, int rows, List<Batch> out) {
    if (run.size() == 1) {
      out.add(run.get(0));
    } else if (run.size() > 1) {
      Column[] cols = new Column[run.get(0).columnCount()];
      for (int c = 0; c < cols.length; c++) {
        List<Column> parts = new ArrayList<>();
        for (Batch b : run) {
          parts.add(b.column(c));
        }
        cols[c] = Columns.concat(parts.get(0).type(), parts);
      }
      out.add(new Batch(cols, rows));
    }
  }
}
