package io.velaria.engine.stream.spi;

import io.velaria.engine.catalog.ColumnDef;
import java.util.List;

/**
 * An unbounded input of a stream query (the runtime side of {@code CREATE SOURCE TABLE}).
 *
 * <p>The engine owns the offsets: it calls {@link #poll} with the offset of the last committed
 * checkpoint (null at the very start) and stores {@link SourcePoll#nextOffset()} in the next
 * checkpoint together with the sink output, so a source only has to be able to read again from
 * any offset it returned (exactly-once needs replayable sources). A source keeps no position of
 * its own between polls. A polling HTTP source uses an opaque cursor (a page token, a
 * modification time plus record ids) as its offset.
 *
 * <p>Errors are {@link io.velaria.engine.error.VelariaException}s whose message says where
 * (file and line, URL and record); they stop the stream with status {@code failed}.
 */
public interface StreamSource extends AutoCloseable {
  /** The columns every polled batch has, in this order, with these types. */
  List<ColumnDef> columns();

  /**
   * Reads what is available after {@code offset} without waiting for more: at most
   * {@code maxUnits} units (files, pages; the source decides what a unit is). Returns
   * {@link SourcePoll#empty} when nothing new is there.
   */
  SourcePoll poll(String offset, int maxUnits);

  /** True when the source ends (a fixed set of data); files and HTTP polling are unbounded. */
  default boolean bounded() {
    return false;
  }

  /** Units known to be waiting after {@code offset}, or -1 when the source cannot tell. */
  default long backlog(String offset) {
    return -1;
  }

  /** One line for EXPLAIN and progress: kind, location, the options that matter. */
  String describe();

  @Override
  default void close() {}
}
