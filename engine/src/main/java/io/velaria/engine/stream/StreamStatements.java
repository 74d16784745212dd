package io.velaria.engine.stream;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.MemoryTracker;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.Session;
import io.velaria.engine.sql.parser.SqlStartStream;
import io.velaria.engine.sql.parser.SqlStopStream;
import io.velaria.engine.stream.spi.StreamSink;
import io.velaria.engine.stream.spi.StreamSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;

/**
 * The SQL entry points of streams: a stream INSERT (runs to the end of what is there now),
 * START STREAM, STOP STREAM and EXPLAIN of a stream statement.
 */
public final class StreamStatements {
  private static final int DEFAULT_MAX_FILES = 1000;
  private static final long DEFAULT_TRIGGER_MS = 1000;

  private StreamStatements() {}

  /** True for an INSERT that the stream runtime runs (into a sink, or from a source). */
  public static boolean isStreamInsert(Database db, SqlNode node) {
    return StreamQuery.isStream(db.catalog(), node);
  }

  /**
   * {@code INSERT INTO sink SELECT ... FROM source}: processes what the source holds now in
   * micro-batches, each checkpointed; returns the rows written to the sink.
   */
  public static long insert(Session session, SqlNode node, QueryControl control) {
    Database db = session.database();
    StreamQuery q = StreamQuery.compile(db.catalog(), (SqlInsert) node);
    String key = "insert-" + safe(q.sinkEntry.definition().name()) + "-" + hash(q.text);
    StreamManager m = StreamManager.of(db);
    Supplier<ExecContext> contexts = contexts(session, db, control);
    if (!m.claim(key)) {
      throw StreamManager.alreadyRunning(key);
    }
    StreamProgress p = progress(key, key, q, null);
    m.track(key, p);
    try (StreamSource source = StreamEndpoints.source(db, q.sourceEntry.definition());
        StreamSink sink = StreamEndpoints.sink(db, q.sinkEntry)) {
      p = progress(key, key, q, sink, source);
      m.track(key, p);
      StreamRun run = new StreamRun(q, source, sink, checkpoints(m, q, key), p, contexts,
          maxFiles(q));
      run.recover();
      long before = run.rowsOut();
      while (run.step()) {
        if (control != null) {
          control.check();
        }
      }
      p.backlog(0);
      p.status("stopped");
      return run.rowsOut() - before;
    } catch (RuntimeException e) {
      p.failed(e.getMessage());
      throw e;
    } finally {
      m.release(key);
    }
  }

  /** {@code START STREAM name [WITH (...)] AS INSERT ...}: runs it in the background. */
  public static void start(Session session, SqlStartStream start) {
    Database db = session.database();
    String name = simple(start.name());
    Map<String, Object> with = start.with();
    long trigger = DEFAULT_TRIGGER_MS;
    Integer maxFiles = null;
    for (Map.Entry<String, Object> e : with.entrySet()) {
      switch (e.getKey().toLowerCase(Locale.ROOT)) {
        case "trigger_interval_ms":
          trigger = positive(e.getKey(), e.getValue());
          break;
        case "max_files_per_batch":
          maxFiles = (int) Math.min(Integer.MAX_VALUE, positive(e.getKey(), e.getValue()));
          break;
        default:
          throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown START STREAM setting '"
              + e.getKey() + "'; valid: trigger_interval_ms, max_files_per_batch");
      }
    }
    if (!StreamQuery.isStream(db.catalog(), start.insert())) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "START STREAM " + name
          + " needs INSERT INTO <sink> SELECT ... FROM <source table>");
    }
    StreamQuery q = StreamQuery.compile(db.catalog(), (SqlInsert) start.insert());
    if (maxFiles == null) {
      maxFiles = maxFiles(q);
    }
    StreamManager m = StreamManager.of(db);
    String key = "stream-" + safe(name);
    synchronized (m) {
      if (m.running(name) != null || !m.claim(key)) {
        throw StreamManager.alreadyRunning(name);
      }
    }
    StreamSource source = null;
    StreamSink sink = null;
    try {
      source = StreamEndpoints.source(db, q.sourceEntry.definition());
      sink = StreamEndpoints.sink(db, q.sinkEntry);
      StreamProgress p = progress(UUID.randomUUID().toString(), name, q, sink, source);
      StreamRun run = new StreamRun(q, source, sink, checkpoints(m, q, key), p,
          contexts(session, db, null), maxFiles);
      StreamSource src = source;
      StreamSink snk = sink;
      BackgroundStream b = new BackgroundStream(name, run, p, trigger, () -> {
        src.close();
        snk.close();
        m.release(key);
      }, db::isClosed);
      m.track(name, p);
      m.started(name, b);
      b.start();
    } catch (RuntimeException e) {
      if (source != null) {
        source.close();
      }
      if (sink != null) {
        sink.close();
      }
      m.release(key);
      throw e;
    }
  }

  /** {@code STOP STREAM name}: stops after the current micro-batch. */
  public static void stop(Session session, SqlStopStream stop) {
    String name = simple(stop.name());
    StreamManager m = StreamManager.of(session.database());
    BackgroundStream b = m.removeRunning(name);
    if (b == null || !b.isAlive()) {
      throw StreamManager.noSuchStream(name);
    }
    b.stop(60_000);
  }

  /** EXPLAIN of a stream INSERT or START STREAM: logical, physical and strategy sections. */
  public static List<String> explain(Database db, SqlNode node) {
    SqlNode insert = node instanceof SqlStartStream ? ((SqlStartStream) node).insert() : node;
    StreamQuery q = StreamQuery.compile(db.catalog(), (SqlInsert) insert);
    List<String> lines = new ArrayList<>();
    lines.add("logical:");
    addStage(lines, q.stateful() ? "stage 1 (per micro-batch, partial aggregates)"
        : "per micro-batch", q.stage1.sql(), q.stage1.logical());
    if (q.stateful()) {
      addStage(lines, "stage 2 (over the touched groups' state)", q.stage2.sql(),
          q.stage2.logical());
    }
    lines.add("physical:");
    for (String l : q.stage1.physical().split("\n")) {
      lines.add("  " + l);
    }
    if (q.stateful()) {
      lines.add("  KeyedStateMerge(keys=" + q.keyCount + ", partials=" + q.merges + ")");
      for (String l : q.stage2.physical().split("\n")) {
        lines.add("  " + l);
      }
    }
    lines.add("strategy:");
    try (StreamSource source = StreamEndpoints.source(db, q.sourceEntry.definition());
        StreamSink sink = StreamEndpoints.sink(db, q.sinkEntry)) {
      lines.add("  source: " + q.sourceEntry.definition().name() + " = " + source.describe()
          + (source.bounded() ? " (bounded)" : " (unbounded)"));
      lines.add("  trigger: micro-batches of up to " + maxFiles(q)
          + " files (max_files_per_batch); START STREAM polls every trigger_interval_ms");
      lines.add("  window: " + (q.window == null ? "none" : (q.window.every() == q.window.slide()
          ? "tumbling " : "sliding ") + q.window));
      lines.add("  state: " + (q.stateful() ? "keyed aggregate state per group (" + q.keyCount
          + " key columns), kept in the checkpoint; each micro-batch emits the current rows"
          + " of the groups it touched" : "stateless"));
      lines.add("  sink: " + q.sinkEntry.definition().name() + " = " + sink.describe());
      lines.add("  delivery: " + sink.deliveryMode() + " (checkpoint = source offset + state"
          + " + sink commit, written atomically after the sink output is prepared)");
    }
    return lines;
  }

  private static void addStage(List<String> lines, String title, String sql, String rel) {
    lines.add("  " + title + ": " + sql);
    for (String l : rel.split("\n")) {
      lines.add("    " + l);
    }
  }

  /** Files per micro-batch: the source's option max_files_per_batch, else 1000. */
  private static int maxFiles(StreamQuery q) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, StreamOptions.nonNegativeLong(
        q.sourceEntry.definition().options(), StreamOptions.MAX_FILES, DEFAULT_MAX_FILES)));
  }

  private static CheckpointStore checkpoints(StreamManager m, StreamQuery q, String key) {
    Path dir = StreamEndpoints.checkpointDirectory(m.database(), q.sinkEntry, key);
    return m.checkpoints(dir, key);
  }

  private static StreamProgress progress(String id, String name, StreamQuery q, StreamSink sink) {
    return new StreamProgress(id, name, q.window != null, q.stateful(), false,
        sink == null ? "exactly-once" : sink.deliveryMode());
  }

  private static StreamProgress progress(String id, String name, StreamQuery q, StreamSink sink,
      StreamSource source) {
    return new StreamProgress(id, name, q.window != null, q.stateful(), source.bounded(),
        sink.deliveryMode());
  }

  private static Supplier<ExecContext> contexts(Session session, Database db,
      QueryControl control) {
    long memory = session.config().memoryLimitBytes();
    int threads = session.config().threads();
    int batchSize = session.config().batchSize();
    return () -> new ExecContext(new MemoryTracker(memory),
        control == null ? new QueryControl() : control, List.of(), db.workers(), threads,
        batchSize);
  }

  private static long positive(String key, Object value) {
    try {
      long n = Long.parseLong(String.valueOf(value).trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new VelariaException(SqlStates.SYNTAX_ERROR, "START STREAM setting '" + key
        + "' must be a positive integer, not '" + value + "'");
  }

  private static String simple(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  private static String safe(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(
          text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
