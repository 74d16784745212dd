package io.velaria.engine.stream;

import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.stream.spi.SourcePoll;
import io.velaria.engine.stream.spi.StreamSink;
import io.velaria.engine.stream.spi.StreamSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * The micro-batch loop of one stream: poll the source from the committed offset, run the
 * stages, prepare the sink output, write the checkpoint (the commit point), publish. A
 * managed-table sink instead commits rows and micro-batch id in one table commit between a
 * pending and the final checkpoint. After a crash, {@link #recover} brings the sink back to the
 * last checkpoint and reloads the state, so every source row is reflected in the sink exactly
 * once.
 */
final class StreamRun {
  private final StreamQuery query;
  private final StreamSource source;
  private final StreamSink sink;
  private final CheckpointStore store;
  private final StreamProgress progress;
  private final Supplier<ExecContext> contexts;
  private final int maxUnits;
  private Checkpoint last;
  private KeyedState state;

  StreamRun(StreamQuery query, StreamSource source, StreamSink sink, CheckpointStore store,
      StreamProgress progress, Supplier<ExecContext> contexts, int maxUnits) {
    this.query = query;
    this.source = source;
    this.sink = sink;
    this.store = store;
    this.progress = progress;
    this.contexts = contexts;
    this.maxUnits = maxUnits;
  }

  void recover() {
    Checkpoint c = store.load();
    if (c != null && !query.text.equals(c.query())) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE, "stream checkpoint "
          + store.location() + " belongs to another query (" + c.query()
          + "); use another stream name or checkpoint_path");
    }
    if (c != null && c.tables() != null && !c.tables().equals(query.tables)) {
      // the source or sink was dropped and created again since: start afresh
      store.clear();
      c = null;
    }
    if (sink instanceof TableSink) {
      c = resolvePending((TableSink) sink, c);
    }
    if (c == null) {
      // checkpoint 0 records where the sink stood before the stream wrote anything
      c = new Checkpoint(0, query.text, query.tables, null, sink.prepare(0, List.of()),
          List.of(), 0, 0);
      store.save(c);
    }
    sink.recover(c.id(), c.sinkState());
    if (query.stateful()) {
      state = query.newState();
      state.restore(c.state());
    }
    last = c;
    progress.restored(c, lastLine(c.sourceOffset()));
  }

  /**
   * A managed-table sink's pending checkpoint is committed exactly when the table's commit
   * recorded its id (the crash came between that commit and the rename of the checkpoint).
   */
  private Checkpoint resolvePending(TableSink table, Checkpoint committed) {
    Checkpoint pending = store.loadPending();
    if (pending == null) {
      return committed;
    }
    boolean sameRun = query.text.equals(pending.query()) && (pending.tables() == null
        || pending.tables().equals(query.tables));
    if (sameRun && table.committed(store.key()) >= pending.id()
        && (committed == null || pending.id() > committed.id())) {
      store.promotePending();
      return pending;
    }
    store.dropPending();
    return committed;
  }

  String tables() {
    return query.tables;
  }

  long rowsOut() {
    return last.rowsOut();
  }

  long backlog() {
    return source.backlog(last.sourceOffset());
  }

  /** One micro-batch; false when the source had nothing new. */
  boolean step() {
    long start = System.nanoTime();
    SourcePoll poll = source.poll(last.sourceOffset(), maxUnits);
    if (poll.units() == 0) {
      return false;
    }
    progress.pulled();
    CrashPoints.reach("batch_read");
    List<Batch> out = query.process(poll.batches(), state, contexts);
    long id = last.id() + 1;
    long rows = 0;
    for (Batch b : out) {
      rows += b.rowCount();
    }
    long sinkStart = System.nanoTime();
    Checkpoint next;
    if (sink instanceof TableSink && rows > 0) {
      // the table's commit (rows + this id) is the commit point; see resolvePending
      next = checkpoint(id, poll, "table commit", rows);
      store.savePending(next);
      CrashPoints.reach("checkpoint_pending");
      ((TableSink) sink).commit(store.key(), id, out);
      CrashPoints.reach("table_committed");
      store.promotePending();
    } else {
      String sinkState = sink.prepare(id, out);
      CrashPoints.reach("sink_prepared");
      next = checkpoint(id, poll, sinkState, rows);
      store.save(next);
      CrashPoints.reach("checkpoint_saved");
      sink.publish(id);
    }
    last = next;
    long end = System.nanoTime();
    progress.processed(poll.rowCount(), rows, poll.skippedRows(), (end - start) / 1_000_000,
        (end - sinkStart) / 1_000_000, poll.position(), id, -1);
    return true;
  }

  private Checkpoint checkpoint(long id, SourcePoll poll, String sinkState, long rows) {
    return new Checkpoint(id, query.text, query.tables, poll.nextOffset(), sinkState,
        state == null ? List.of() : state.toRows(), last.rowsIn() + poll.rowCount(),
        last.rowsOut() + rows);
  }

  private static String lastLine(String offset) {
    if (offset == null) {
      return "";
    }
    int nl = offset.lastIndexOf('\n');
    return nl < 0 ? offset : offset.substring(nl + 1);
  }
}
