package io.velaria.engine.stream.spi;

import io.velaria.engine.column.Batch;
import java.util.List;

/**
 * An output of stream queries. Exactly-once works in two phases around the engine's checkpoint,
 * which is the commit point of a micro-batch:
 * <ol>
 *   <li>{@link #prepare} writes the micro-batch's rows durably but so that a later
 *       {@link #recover} can remove them, and returns what the checkpoint must remember;</li>
 *   <li>the engine writes the checkpoint (source offset, operator state, this sink state);</li>
 *   <li>{@link #publish} makes the rows visible where that is a separate step.</li>
 * </ol>
 * After a crash the engine calls {@link #recover} with the last checkpoint's id and sink state:
 * the sink drops what was prepared after it and finishes publishing what it covers.
 */
public interface StreamSink extends AutoCloseable {
  /**
   * Brings the output in line with the last checkpoint: {@code commitId} 0 and a null state when
   * there is none yet.
   */
  void recover(long commitId, String committedState);

  /** Writes micro-batch {@code commitId}'s rows (sink columns, sink types); returns sink state. */
  String prepare(long commitId, List<Batch> rows);

  /** Makes micro-batch {@code commitId} visible; idempotent (may run again after recovery). */
  default void publish(long commitId) {}

  /** How delivery is guaranteed, for progress: "exactly-once" or "at-least-once". */
  default String deliveryMode() {
    return "exactly-once";
  }

  /** One line for EXPLAIN and progress. */
  String describe();

  @Override
  default void close() {}
}
