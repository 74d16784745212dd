package io.velaria.engine.storage;

import io.velaria.engine.catalog.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Managed tables of an in-memory database. */
public final class MemoryTableStore implements TableStore {
  private final ConcurrentHashMap<String, MemoryTableData> tables = new ConcurrentHashMap<>();

  @Override
  public TableData create(String storageId, List<ColumnDef> columns) {
    MemoryTableData data = new MemoryTableData();
    tables.put(storageId, data);
    return data;
  }

  @Override
  public TableData open(String storageId, List<ColumnDef> columns) {
    return tables.computeIfAbsent(storageId, k -> new MemoryTableData());
  }

  @Override
  public void drop(String storageId) {
    tables.remove(storageId);
  }

  @Override
  public void close() {
    tables.clear();
  }

  /** Copy-on-write list of batches. */
  static final class MemoryTableData implements TableData {
    private volatile List<io.velaria.engine.column.Batch> batches = List.of();
    private volatile long rows;
    private volatile long version;
    private final java.util.Map<String, Long> streams = new java.util.HashMap<>();

    @Override
    public List<io.velaria.engine.column.Batch> snapshot() {
      return batches;
    }

    @Override
    public long rowCount() {
      return rows;
    }

    @Override
    public synchronized void append(List<io.velaria.engine.column.Batch> more) {
      List<io.velaria.engine.column.Batch> added = new ArrayList<>();
      long n = rows;
      for (io.velaria.engine.column.Batch b : more) {
        if (b.rowCount() > 0) {
          added.add(b);
          n += b.rowCount();
        }
      }
      batches = List.copyOf(SmallBatches.append(batches, added));
      rows = n;
      version++;
    }

    @Override
    public synchronized void replaceAll(List<io.velaria.engine.column.Batch> all) {
      long n = 0;
      List<io.velaria.engine.column.Batch> next = new ArrayList<>();
      for (io.velaria.engine.column.Batch b : all) {
        if (b.rowCount() > 0) {
          next.add(b);
          n += b.rowCount();
        }
      }
      batches = List.copyOf(next);
      rows = n;
      version++;
    }

    @Override
    public synchronized void appendForStream(List<io.velaria.engine.column.Batch> more,
        String streamKey, long commitId) {
      StreamCommits.checkKey(streamKey);
      append(more);
      streams.put(streamKey, commitId);
    }

    @Override
    public synchronized long streamCommit(String streamKey) {
      return streams.getOrDefault(streamKey, -1L);
    }

    @Override
    public long version() {
      return version;
    }
  }
}
