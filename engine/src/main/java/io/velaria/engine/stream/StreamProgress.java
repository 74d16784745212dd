package io.velaria.engine.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The progress of one stream as {@code velaria.streams} shows it. Updated by the stream's own
 * thread, read by queries: every field is written under the object's lock.
 */
final class StreamProgress {
  private static final ObjectMapper JSON = new ObjectMapper();

  final String queryId;
  final String name;
  private String status = "running";
  private long batchesPulled;
  private long batchesProcessed;
  private long rowsIn;
  private long rowsOut;
  private long rowsSkipped;
  private long lastBatchLatencyMs;
  private long lastSinkLatencyMs;
  private String lastSourceOffset = "";
  private long backlog = -1;
  private final boolean hasWindow;
  private final boolean hasStatefulOps;
  private final boolean sourceIsBounded;
  private final String deliveryMode;
  private String error;
  private long checkpointId;

  StreamProgress(String queryId, String name, boolean hasWindow, boolean hasStatefulOps,
      boolean sourceIsBounded, String deliveryMode) {
    this.queryId = queryId;
    this.name = name;
    this.hasWindow = hasWindow;
    this.hasStatefulOps = hasStatefulOps;
    this.sourceIsBounded = sourceIsBounded;
    this.deliveryMode = deliveryMode;
  }

  synchronized void restored(Checkpoint c, String position) {
    checkpointId = c.id();
    rowsIn = c.rowsIn();
    rowsOut = c.rowsOut();
    lastSourceOffset = position;
    if (c.id() > 0) {
      status = "restored";
    }
  }

  synchronized void pulled() {
    batchesPulled++;
  }

  synchronized void processed(long in, long out, long skipped, long batchMs, long sinkMs,
      String position, long checkpoint, long backlogUnits) {
    batchesProcessed++;
    rowsIn += in;
    rowsOut += out;
    rowsSkipped += skipped;
    lastBatchLatencyMs = batchMs;
    lastSinkLatencyMs = sinkMs;
    lastSourceOffset = position;
    checkpointId = checkpoint;
    backlog = backlogUnits;
    if (!"stopped".equals(status) && !"failed".equals(status)) {
      status = "running";
    }
  }

  synchronized void backlog(long units) {
    backlog = units;
  }

  synchronized void status(String s) {
    status = s;
  }

  synchronized void failed(String message) {
    status = "failed";
    error = message;
  }

  synchronized String status() {
    return status;
  }

  synchronized String error() {
    return error;
  }

  synchronized long rowsOut() {
    return rowsOut;
  }

  /** The fields in {@code velaria.streams} column order (without the JSON column). */
  synchronized Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("query_id", queryId);
    m.put("name", name);
    m.put("status", status);
    m.put("batches_pulled", batchesPulled);
    m.put("batches_processed", batchesProcessed);
    m.put("rows_in", rowsIn);
    m.put("rows_out", rowsOut);
    m.put("rows_skipped", rowsSkipped);
    m.put("last_batch_latency_ms", lastBatchLatencyMs);
    m.put("last_sink_latency_ms", lastSinkLatencyMs);
    m.put("last_source_offset", lastSourceOffset);
    m.put("backlog", backlog);
    m.put("has_window", hasWindow);
    m.put("has_stateful_ops", hasStatefulOps);
    m.put("source_is_bounded", sourceIsBounded);
    m.put("checkpoint_delivery_mode", deliveryMode);
    m.put("checkpoint_id", checkpointId);
    m.put("error_message", error);
    return m;
  }

  String json() {
    try {
      return JSON.writeValueAsString(fields());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
