package io.velaria.engine.stream;

import io.velaria.engine.column.Batch;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.stream.spi.StreamSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink into a managed table. A managed-table append is atomic, and the checkpoint records the
 * table's row count after it; recovery cuts rows beyond that count (an append whose checkpoint
 * never got written), so table and checkpoint move together. Assumes the stream is the table's
 * only writer while it runs.
 */
final class TableSink implements StreamSink {
  private final String name;
  private final TableData data;

  TableSink(String name, TableData data) {
    this.name = name;
    this.data = data;
  }

  @Override
  public void recover(long commitId, String committedState) {
    if (committedState == null) {
      return;
    }
    long keep = Long.parseLong(committedState);
    synchronized (data) {
      if (data.rowCount() <= keep) {
        return;
      }
      List<Batch> kept = new ArrayList<>();
      long n = 0;
      for (Batch b : data.snapshot()) {
        if (n + b.rowCount() <= keep) {
          kept.add(b);
          n += b.rowCount();
        } else {
          if (keep > n) {
            kept.add(b.slice(0, (int) (keep - n)));
          }
          break;
        }
      }
      data.replaceAll(kept);
    }
  }

  @Override
  public String prepare(long commitId, List<Batch> rows) {
    synchronized (data) {
      if (!rows.isEmpty()) {
        data.append(rows);
      }
      return Long.toString(data.rowCount());
    }
  }

  @Override
  public String describe() {
    return "managed table " + name + " (append; checkpoint holds the committed row count)";
  }
}
