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
 * stages, prepare the sink output, write the checkpoint (the commit point), publish. After a
 * crash, {@link #recover} brings the sink back to the last checkpoint and reloads the state, so
 * every source row is reflected in the sink exactly once.
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
    if (c == null) {
      // checkpoint 0 records where the sink stood before the stream wrote anything
      c = new Checkpoint(0, query.text, null, sink.prepare(0, List.of()), List.of(), 0, 0);
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
    String sinkState = sink.prepare(id, out);
    CrashPoints.reach("sink_prepared");
    Checkpoint next = new Checkpoint(id, query.text, poll.nextOffset(), sinkState,
        state == null ? List.of() : state.toRows(), last.rowsIn() + poll.rowCount(),
        last.rowsOut() + rows);
    store.save(next);
    CrashPoints.reach("checkpoint_saved");
    sink.publish(id);
    last = next;
    long end = System.nanoTime();
    progress.processed(poll.rowCount(), rows, poll.skippedRows(), (end - start) / 1_000_000,
        (end - sinkStart) / 1_000_000, poll.position(), id, -1);
    return true;
  }

  private static String lastLine(String offset) {
    if (offset == null) {
      return "";
    }
    int nl = offset.lastIndexOf('\n');
    return nl < 0 ? offset : offset.substring(nl + 1);
  }
}
