package io.velaria.engine.storage;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A managed table kept in one directory: a {@link Manifest} naming immutable segment files.
 * Rows are loaded into memory on first use. Each change writes at most one new segment and
 * then switches the manifest; the manifest rename is the commit point, so a crash before it
 * leaves the previous state and the new segment becomes an orphan that the next open deletes.
 */
final class DirectoryTable implements TableData {
  /** Above this many segments an append merges its newest segments into the new one. */
  static final int MAX_SEGMENTS = 64;

  private final Path dir;
  private final List<DataType> types;
  /** Replaced as a whole so that readers never see a manifest with another's rows. */
  private volatile State state;
  /** Set when a manifest write failed midway: the disk may hold either state, re-read it. */
  private boolean resync;

  /** The committed manifest and, once loaded, its batches per segment. */
  private record State(Manifest manifest, Loaded loaded) {}

  /** An immutable in-memory image of the committed rows. */
  private record Loaded(List<List<Batch>> perSegment, List<Batch> snapshot) {
    static Loaded of(List<List<Batch>> perSegment) {
      List<Batch> all = new ArrayList<>();
      perSegment.forEach(all::addAll);
      return new Loaded(List.copyOf(perSegment), List.copyOf(all));
    }
  }

  DirectoryTable(Path dir, List<DataType> types, Manifest manifest) {
    this.dir = dir;
    this.types = List.copyOf(types);
    this.state = new State(manifest, null);
  }

  @Override
  public List<Batch> snapshot() {
    return load().snapshot();
  }

  @Override
  public long rowCount() {
    return state.manifest().rowCount();
  }

  @Override
  public long version() {
    return state.manifest().version();
  }

  private Loaded load() {
    Loaded l = state.loaded();
    if (l != null) {
      return l;
    }
    synchronized (this) {
      State s = state;
      if (s.loaded() == null) {
        List<List<Batch>> perSegment = new ArrayList<>();
        for (Manifest.SegmentRef ref : s.manifest().segments()) {
          Path file = dir.resolve(ref.file());
          List<Batch> batches = SegmentFormat.read(file, types);
          long rows = batches.stream().mapToLong(Batch::rowCount).sum();
          if (rows != ref.rows()) {
            throw SegmentFormat.corrupt(file,
                "holds " + rows + " rows, the manifest says " + ref.rows());
          }
          perSegment.add(batches);
        }
        state = new State(s.manifest(), Loaded.of(perSegment));
      }
      return state.loaded();
    }
  }

  @Override
  public synchronized void append(List<Batch> batches) {
    List<Batch> added = nonEmpty(batches);
    if (added.isEmpty()) {
      return;
    }
    resyncIfNeeded();
    append(added, state.manifest().streams());
  }

  @Override
  public synchronized void appendForStream(List<Batch> batches, String streamKey,
      long commitId) {
    List<Batch> added = nonEmpty(batches);
    StreamCommits.checkKey(streamKey);
    resyncIfNeeded();
    Map<String, Long> streams = new TreeMap<>(state.manifest().streams());
    streams.put(streamKey, commitId);
    append(added, streams);
  }

  @Override
  public long streamCommit(String streamKey) {
    return state.manifest().streams().getOrDefault(streamKey, -1L);
  }

  private void append(List<Batch> added, Map<String, Long> streams) {
    Loaded current = load();
    List<Manifest.SegmentRef> refs = new ArrayList<>(state.manifest().segments());
    List<List<Batch>> perSegment = new ArrayList<>(current.perSegment());
    List<Batch> segment = added;
    int keep = refs.size();
    if (!added.isEmpty() && refs.size() + 1 > MAX_SEGMENTS) {
      keep = mergeFrom(refs, rows(added));
      List<Batch> merged = new ArrayList<>();
      for (int i = keep; i < refs.size(); i++) {
        merged.addAll(perSegment.get(i));
      }
      merged.addAll(added);
      segment = SmallBatches.coalesce(merged);
    }
    List<Manifest.SegmentRef> replaced = new ArrayList<>(refs.subList(keep, refs.size()));
    refs.subList(keep, refs.size()).clear();
    perSegment.subList(keep, perSegment.size()).clear();
    commit(refs, perSegment, segment, replaced, streams);
  }

  @Override
  public synchronized void replaceAll(List<Batch> batches) {
    List<Batch> all = nonEmpty(batches);
    resyncIfNeeded();
    commit(new ArrayList<>(), new ArrayList<>(), all, state.manifest().segments(),
        state.manifest().streams());
  }

  private void resyncIfNeeded() {
    if (resync) {
      state = new State(Manifest.read(dir), null);
      resync = false;
    }
  }

  /**
   * Writes {@code segment} (if it has rows) after the kept segments, switches the manifest,
   * then deletes the {@code replaced} segment files, which no manifest names any more.
   */
  private void commit(List<Manifest.SegmentRef> refs, List<List<Batch>> perSegment,
      List<Batch> segment, List<Manifest.SegmentRef> replaced, Map<String, Long> streams) {
    long version = state.manifest().version() + 1;
    Path temp = null;
    try {
      if (!segment.isEmpty()) {
        String name = String.format("seg-%016d.vseg", version);
        temp = dir.resolve(name + AtomicFiles.TEMP_SUFFIX);
        SegmentFormat.write(temp, types, segment);
        AtomicFiles.moveDurably(temp, dir.resolve(name));
        temp = null;
        refs.add(new Manifest.SegmentRef(name, rows(segment)));
        perSegment.add(List.copyOf(segment));
      }
      Manifest next = new Manifest(version, refs, streams);
      resync = true;
      next.write(dir);
      resync = false;
      // Committed: readers switch to the new image.
      state = new State(next, Loaded.of(perSegment));
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot write table data in " + dir + ": " + e, e);
    }
    for (Manifest.SegmentRef old : replaced) {
      deleteQuietly(dir.resolve(old.file()));
    }
  }

  /**
   * The index of the first segment to merge with the new one: the longest run of newest
   * segments where each is at most twice the rows after it. Sizes then grow geometrically, so
   * big old segments are rarely rewritten and the count stays bounded.
   */
  private static int mergeFrom(List<Manifest.SegmentRef> refs, long newRows) {
    int start = refs.size();
    long after = newRows;
    while (start > 0 && refs.get(start - 1).rows() <= 2 * after) {
      start--;
      after += refs.get(start).rows();
    }
    return Math.min(start, refs.size() - 1); // always merge at least one old segment
  }

  private List<Batch> nonEmpty(List<Batch> batches) {
    List<Batch> out = new ArrayList<>();
    for (Batch b : batches) {
      if (b.columnCount() != types.size()) {
        throw new IllegalArgumentException("batch of " + b.columnCount()
            + " columns for a table of " + types.size() + " in " + dir);
      }
      for (int c = 0; c < types.size(); c++) {
        DataType have = b.column(c).type();
        DataType want = types.get(c);
        if (have.physical() != want.physical() || (want.kind() == TypeKind.VECTOR
            && have.dimension() != want.dimension())) {
          throw new IllegalArgumentException("column " + (c + 1) + " of type "
              + b.column(c).type() + " for a " + types.get(c) + " column in " + dir);
        }
      }
      if (b.rowCount() > 0) {
        out.add(b);
      }
    }
    return out;
  }

  private static long rows(List<Batch> batches) {
    long n = 0;
    for (Batch b : batches) {
      n += b.rowCount();
    }
    return n;
  }

  static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // An orphan left behind is removed by the next open.
    }
  }
}
