package io.velaria.engine.exec.hash;

import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.MemoryTracker;
import io.velaria.engine.type.DataType;
import java.util.Arrays;

/**
 * Maps multi-column keys to dense ids 0, 1, 2, ... in order of first appearance. Used by
 * GROUP BY, DISTINCT, set operations and as the key index of hash joins.
 *
 * <p>Open addressing with linear probing over a {@code long[]} of slots; a slot holds the high
 * 32 bits of the key's hash and {@code id + 1} (0 = empty), so most mismatches are rejected
 * without touching the key arrays. Keys live column-wise in typed {@link ColumnStore}s. Hashes
 * are computed column by column for a whole batch before probing.
 *
 * <p>NULL handling per key column: with {@code nullsEqual[k]} NULLs are one value (GROUP BY,
 * set operations, IS NOT DISTINCT FROM join keys); without it a row with NULL in that column
 * never matches and is never inserted: its id is -1 (SQL equality of join keys).
 *
 * <p>Memory for slots and key storage is reserved from the query's tracker as the table grows
 * and released by {@link #close}.
 */
public final class GroupHashTable implements AutoCloseable {
  private static final long TAG_MASK = 0xFFFFFFFF00000000L;
  /** Largest slot array {@link #spreadForProbing} makes (an L2 cache's worth). */
  private static final long SPREAD_MAX_BYTES = 256 * 1024;
  private static final int MAX_GROUPS = Integer.MAX_VALUE - 16;

  private final ColumnStore[] keys;
  private final boolean[] nullsEqual;
  private final MemoryTracker memory;
  private final String what;
  private final long bytesPerGroup;

  private long[] slots;
  private int mask;
  /** Mixed hash of every id, so growing the slot array needs no key access. */
  private long[] groupHashes = new long[0];
  private int size;
  private long reserved;
  /** Scratch: per-row hashes of the batch being probed. */
  private long[] hashes = new long[0];
  /** Scratch: home slot contents per row, for {@link #findLong}. */
  private long[] entries = new long[0];
  private boolean[] sameKey = new boolean[0];

  public GroupHashTable(DataType[] keyTypes, boolean[] nullsEqual, ExecContext ctx, String what) {
    this.keys = new ColumnStore[keyTypes.length];
    long bytes = 8;
    for (int i = 0; i < keyTypes.length; i++) {
      keys[i] = ColumnStore.create(keyTypes[i]);
      bytes += keys[i].bytesPerEntry();
    }
    this.bytesPerGroup = bytes;
    this.nullsEqual = nullsEqual.clone();
    this.memory = ctx.memory();
    this.what = what;
    reserve(16 * 8L);
    this.slots = new long[16];
    this.mask = 15;
  }

  /** A table where NULLs are equal in every key column. */
  public static GroupHashTable forGrouping(DataType[] keyTypes, ExecContext ctx, String what) {
    boolean[] eq = new boolean[keyTypes.length];
    Arrays.fill(eq, true);
    return new GroupHashTable(keyTypes, eq, ctx, what);
  }

  /** Number of distinct keys (ids {@code 0..size-1}). */
  public int size() {
    return size;
  }

  public int keyCount() {
    return keys.length;
  }

  /** Storage of key column {@code k}, indexed by id. */
  public ColumnStore key(int k) {
    return keys[k];
  }

  /** Key column {@code k} for ids {@code [from, from + count)}. */
  public Column keyColumn(int k, int from, int count) {
    return keys[k].build(from, count);
  }

  /**
   * Sets {@code out[i]} to the id of the key at row i of {@code cols} (rows 0..count), adding
   * new keys; -1 for rows whose key has a NULL in a column where NULLs never match.
   */
  public void findOrInsert(Column[] cols, int count, int[] out) {
    ensureRoom(count);
    probe(cols, count, out, true);
  }

  /**
   * Makes room for {@code count} more keys at once (a join's build side, whose row count is an
   * upper bound), so inserting them never grows or rehashes the table.
   */
  public void expectKeys(int count) {
    ensureRoom(count);
  }

  /**
   * Spreads a small, finished table over more slots before it is only probed. A join's probe
   * mostly misses (TPC-H q17: 6M lineitem rows against ~200 parts), and a miss whose home slot
   * is taken walks the cluster: at the usual load of up to 0.5 that is up to half of the
   * misses. Eight slots per key make most misses one read of an empty slot; only for tables
   * whose slots stay within {@link #SPREAD_MAX_BYTES}, so they remain cache-resident.
   */
  public void spreadForProbing() {
    long want = Long.highestOneBit(Math.max(16L, size * 8L) - 1) << 1;
    if (want > slots.length && want * 8 <= SPREAD_MAX_BYTES) {
      rehash((int) want);
    }
  }

  /** Like {@link #findOrInsert} but never inserts: -1 for keys not in the table. */
  public void find(Column[] cols, int count, int[] out) {
    probe(cols, count, out, false);
  }

  private void probe(Column[] cols, int count, int[] out, boolean insert) {
    if (hashes.length < count) {
      hashes = new long[Math.max(count, 1024)];
    }
    long[] h = hashes;
    if (keys.length == 0) {
      Arrays.fill(h, 0, count, 0L);
    }
    boolean[] reject = null;
    for (int k = 0; k < keys.length; k++) {
      ColumnHasher.hash(cols[k], h, count, k == 0);
      keys[k].bind(cols[k]);
      boolean[] n = cols[k].nulls();
      if (!nullsEqual[k] && n != null) {
        if (reject == null) {
          reject = n.clone();
        } else {
          for (int i = 0; i < count; i++) {
            reject[i] |= n[i];
          }
        }
      }
    }
    if (keys.length == 1 && keys[0] instanceof LongStore && cols[0].nulls() == null) {
      probeLong(((LongColumn) cols[0]).values(), count, out, insert);
      return;
    }
    for (int i = 0; i < count; i++) {
      if (reject != null && reject[i]) {
        out[i] = -1;
        continue;
      }
      long hash = ColumnHasher.mix(h[i]);
      long tag = hash & TAG_MASK;
      int idx = (int) hash & mask;
      while (true) {
        long e = slots[idx];
        if (e == 0) {
          if (insert) {
            int g = size++;
            for (ColumnStore key : keys) {
              key.set(g, i);
            }
            groupHashes[g] = hash;
            slots[idx] = tag | (g + 1);
            out[i] = g;
          } else {
            out[i] = -1;
          }
          break;
        }
        if ((e & TAG_MASK) == tag) {
          int g = (int) e - 1;
          if (keysEqual(g, i)) {
            out[i] = g;
            break;
          }
        }
        idx = (idx + 1) & mask;
      }
    }
  }

  /** The common single BIGINT-like key without NULLs: compares inline, no virtual calls. */
  private void probeLong(long[] v, int count, int[] out, boolean insert) {
    if (!insert) {
      findLong(v, count, out);
      return;
    }
    long[] stored = ((LongStore) keys[0]).values;
    // A stored NULL key has an undefined value slot: it must not match a real value.
    boolean[] storedNulls = keys[0].nulls;
    long[] s = slots;
    int m = mask;
    for (int i = 0; i < count; i++) {
      long x = v[i];
      long hash = ColumnHasher.mix(x);
      long tag = hash & TAG_MASK;
      int idx = (int) hash & m;
      while (true) {
        long e = s[idx];
        if (e == 0) {
          if (insert) {
            int g = size++;
            stored[g] = x;
            groupHashes[g] = hash;
            s[idx] = tag | (g + 1);
            out[i] = g;
          } else {
            out[i] = -1;
          }
          break;
        }
        if ((e & TAG_MASK) == tag && stored[(int) e - 1] == x
            && (storedNulls == null || !storedNulls[(int) e - 1])) {
          out[i] = (int) e - 1;
          break;
        }
        idx = (idx + 1) & m;
      }
    }
  }

  /**
   * Lookup-only variant of {@link #probeLong} in phases over the whole batch: first load the
   * home slot of every row, then the stored key of every candidate, then decide. The loads of
   * one phase do not depend on each other or on branches, so the CPU overlaps their cache
   * misses; this matters when the table is larger than the caches (join probes). Rows whose
   * home slot holds another key continue with ordinary linear probing.
   */
  private void findLong(long[] v, int count, int[] out) {
    long[] stored = ((LongStore) keys[0]).values;
    if (stored.length == 0) {
      // nothing stored yet (an empty join build side): the branch-free read of stored[0]
      // below would be out of bounds
      java.util.Arrays.fill(out, 0, count, -1);
      return;
    }
    boolean[] storedNulls = keys[0].nulls;
    long[] s = slots;
    int m = mask;
    if (entries.length < count) {
      entries = new long[Math.max(count, 1024)];
      sameKey = new boolean[entries.length];
    }
    long[] h = hashes;
    long[] e = entries;
    for (int i = 0; i < count; i++) {
      long hash = ColumnHasher.mix(v[i]);
      h[i] = hash;
      e[i] = s[(int) hash & m];
    }
    boolean[] eq = sameKey;
    for (int i = 0; i < count; i++) {
      // An empty slot gives -1; read stored[0] then, harmlessly, to stay branch-free.
      int g = (int) e[i] - 1;
      out[i] = g;
      eq[i] = stored[Math.max(g, 0)] == v[i];
    }
    for (int i = 0; i < count; i++) {
      int g = out[i];
      if (g < 0) {
        continue; // empty home slot: not in the table
      }
      if (eq[i] && (e[i] & TAG_MASK) == (h[i] & TAG_MASK)
          && (storedNulls == null || !storedNulls[g])) {
        continue; // found in the home slot
      }
      out[i] = findLongFrom(v[i], h[i], stored, storedNulls);
    }
  }

  private int findLongFrom(long x, long hash, long[] stored, boolean[] storedNulls) {
    long tag = hash & TAG_MASK;
    int idx = (int) hash & mask;
    while (true) {
      long e = slots[idx];
      if (e == 0) {
        return -1;
      }
      int g = (int) e - 1;
      if ((e & TAG_MASK) == tag && stored[g] == x && (storedNulls == null || !storedNulls[g])) {
        return g;
      }
      idx = (idx + 1) & mask;
    }
  }

  private boolean keysEqual(int g, int row) {
    for (ColumnStore key : keys) {
      if (!key.equalsRow(g, row)) {
        return false;
      }
    }
    return true;
  }

  /** Grows key storage and slots so {@code count} more keys fit without rehashing mid-batch. */
  private void ensureRoom(int count) {
    long need = (long) size + count;
    if (need > MAX_GROUPS) {
      throw new IllegalStateException("too many groups in a hash table: " + need);
    }
    if (need > groupHashes.length) {
      int cap = (int) Math.min(MAX_GROUPS,
          Math.max(need, Math.max(64, groupHashes.length + (groupHashes.length >> 1))));
      reserve((cap - groupHashes.length) * bytesPerGroup);
      groupHashes = Arrays.copyOf(groupHashes, cap);
      for (ColumnStore key : keys) {
        key.ensureCapacity(cap);
      }
    }
    if (need * 2 > slots.length) {
      long len = Long.highestOneBit(need * 2 - 1) << 1;
      if (len > (1 << 30)) {
        throw new IllegalStateException("hash table too large: " + need + " keys");
      }
      rehash((int) len);
    }
  }

  private void rehash(int len) {
    reserve(8L * (len - slots.length));
    long[] old = slots;
    long[] s = new long[len];
    int m = len - 1;
    for (int g = 0; g < size; g++) {
      long hash = groupHashes[g];
      int idx = (int) hash & m;
      while (s[idx] != 0) {
        idx = (idx + 1) & m;
      }
      s[idx] = (hash & TAG_MASK) | (g + 1);
    }
    slots = s;
    mask = m;
    release(8L * old.length);
  }

  private void reserve(long bytes) {
    memory.reserve(bytes, what);
    reserved += bytes;
  }

  private void release(long bytes) {
    memory.release(bytes);
    reserved -= bytes;
  }

  /** Bytes currently reserved for this table. */
  public long reservedBytes() {
    return reserved;
  }

  /** Releases the table's memory reservation; the table must not be used afterwards. */
  @Override
  public void close() {
    if (reserved != 0) {
      memory.release(reserved);
      reserved = 0;
    }
    slots = new long[16];
    mask = 15;
    groupHashes = new long[0];
    size = 0;
  }
}
