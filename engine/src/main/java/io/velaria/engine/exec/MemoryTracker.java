package io.velaria.engine.exec;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes a query holds in operator state (hash tables, sort buffers, materialized
 * inputs) and refuses to go past the limit with SQLState 53200, so a big query fails cleanly
 * instead of exhausting the heap. Streaming batches are not counted: they are short-lived.
 */
public final class MemoryTracker {
  private final long limit;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();

  public MemoryTracker(long limit) {
    this.limit = limit;
  }

  public void reserve(long bytes, String what) {
    long now = used.addAndGet(bytes);
    if (now > limit) {
      used.addAndGet(-bytes);
      throw new VelariaException(SqlStates.OUT_OF_MEMORY,
          "query exceeds the memory limit of " + human(limit) + " while " + what
              + " (memory_limit setting)");
    }
    peak.accumulateAndGet(now, Math::max);
  }

  public void release(long bytes) {
    used.addAndGet(-bytes);
  }

  public long used() {
    return used.get();
  }

  public long peak() {
    return peak.get();
  }

  public long limit() {
    return limit;
  }

  /** The error to report when the JVM itself ran out of heap during a query. */
  public VelariaException outOfHeap(String what) {
    return new VelariaException(SqlStates.OUT_OF_MEMORY,
        "query ran out of Java heap while " + what + "; lower memory_limit or raise -Xmx");
  }

  static String human(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format("%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format("%.1f MB", bytes / (double) (1L << 20));
    }
    return bytes + " bytes";
  }
}
