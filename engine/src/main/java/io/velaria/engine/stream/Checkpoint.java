package io.velaria.engine.stream;

import java.util.List;

/**
 * What a stream has committed: micro-batch {@code id} and everything before it. Written in one
 * atomic file replace; a micro-batch counts as done exactly when its checkpoint is on disk.
 *
 * @param id the micro-batch number (0: nothing processed yet)
 * @param query the statement that owns the checkpoint, so another query does not reuse it
 * @param tables which incarnation of the source and sink tables it belongs to (see
 *     {@link StreamTables#identity}); a table dropped and created again starts afresh
 * @param sourceOffset the source offset after this micro-batch (null: from the start)
 * @param sinkState what the sink needs to recover to this point (length, part, row count)
 * @param state keyed aggregate state rows (see {@link KeyedState#toRows()})
 * @param rowsIn source rows processed in total
 * @param rowsOut rows written to the sink in total
 */
record Checkpoint(long id, String query, String tables, String sourceOffset, String sinkState,
    List<List<Object>> state, long rowsIn, long rowsOut) {
  Checkpoint {
    state = state == null ? List.of() : state;
  }
}
