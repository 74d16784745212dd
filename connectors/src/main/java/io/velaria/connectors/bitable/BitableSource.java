package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.stream.spi.SourcePoll;
import io.velaria.engine.stream.spi.StreamSource;
import io.velaria.engine.util.DateTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code CREATE SOURCE TABLE ... USING bitable}: polls records/search ordered by a modified-time
 * field. The engine keeps the offset ({@link PollOffset}); each poll reads, page by page, the
 * records modified since the day before the offset's time (the API compares dates per day) and
 * keeps only those after the offset. Records modified within {@code lag_ms} of the poll's start
 * wait for a later poll, so a record changed while the pages are read (which may move it
 * between pages) is not skipped: its new modified time is later than anything emitted.
 * Deleted records are not seen (the API does not list them). After a poll that found nothing,
 * the next {@code poll_interval_ms} of polls answer "nothing new" without a call.
 */
final class BitableSource implements StreamSource {
  private static final long DAY_MS = 86_400_000L;
  /** Bounds one poll if a service kept answering has_more. */
  private static final int MAX_PAGES = 100_000;

  private final BitableTable table;
  private final BitableField modified;
  private final long lagMs;
  private final LongSupplier clock;
  private final int[] projection;
  /** When the last poll found nothing, or -1: idle polls are spaced by poll_interval_ms. */
  private long lastEmptyPollAt = -1;

  BitableSource(BitableTable table, String modifiedField, long lagMs, LongSupplier clock) {
    this.table = table;
    this.modified = modifiedField(table, modifiedField);
    this.lagMs = lagMs;
    this.clock = clock;
    this.projection = new int[table.columns().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
  }

  private static BitableField modifiedField(BitableTable table, String name) {
    for (BitableField f : table.remoteFields()) {
      if (name == null ? f.type() == FieldTypes.MODIFIED_TIME : f.name().equalsIgnoreCase(name)) {
        if (f.type() != FieldTypes.MODIFIED_TIME && f.type() != FieldTypes.DATE) {
          throw new VelariaException(SqlStates.SYNTAX_ERROR, "source table '" + table.name()
              + "': field '" + f.name() + "' (type " + f.type() + ") is not a modified-time"
              + " or date field");
        }
        return f;
      }
    }
    throw new VelariaException(SqlStates.SYNTAX_ERROR, "source table '" + table.name()
        + "': " + (name == null ? "the Bitable table has no modified-time field (type 1002);"
            + " add one in Bitable, or name a date field with option modified_field"
            : "no field '" + name + "'"));
  }

  @Override
  public List<ColumnDef> columns() {
    return table.columns();
  }

  @Override
  public SourcePoll poll(String offsetText, int maxUnits) {
    PollOffset offset = PollOffset.parse(offsetText);
    long now = clock.getAsLong();
    if (lastEmptyPollAt >= 0 && now >= lastEmptyPollAt
        && now - lastEmptyPollAt < table.options().pollIntervalMs()) {
      // a background stream asks again at once when idle; spare the API's rate limits
      return SourcePoll.empty(offsetText, position(offset));
    }
    long cutoff = now - lagMs;
    ObjectNode body = table.searchBody(projection, List.of());
    if (!containsName(body, modified.name())) {
      body.withArray("field_names").add(modified.name());
    }
    body.putArray("sort").addObject().put("field_name", modified.name()).put("desc", false);
    if (offset.modifiedMs() != Long.MIN_VALUE) {
      ObjectNode filter = body.putObject("filter");
      filter.put("conjunction", "and");
      ObjectNode c = filter.putArray("conditions").addObject();
      c.put("field_name", modified.name());
      c.put("operator", "isGreaterEqual");
      c.putArray("value").add("ExactDate").add(Long.toString(offset.modifiedMs() - DAY_MS));
    }
    List<JsonNode> fresh = new ArrayList<>();
    PollOffset next = offset;
    String pageToken = null;
    int pages = 0;
    int units = 0;
    boolean more = true;
    // pages of records already emitted (the day-wide re-read window) are not units: only pages
    // with something new count against maxUnits
    while (more && units < Math.max(1, maxUnits) && pages < MAX_PAGES) {
      int before = fresh.size();
      String context = "polling source table '" + table.name() + "' (table_id "
          + table.options().tableId() + ", page " + (pages + 1) + ")";
      JsonNode data = table.client().search(body, pageToken, context);
      pages++;
      for (JsonNode item : data.path("items")) {
        JsonNode m = item.path("fields").get(modified.name());
        if (m == null || m.isNull()) {
          continue;
        }
        long ms = m.isNumber() ? m.asLong() : Long.parseLong(m.asText().trim());
        String id = item.path("record_id").asText();
        if (ms > cutoff) {
          more = false; // sorted: the rest is newer still; it waits for a later poll
          break;
        }
        if (next.isNew(ms, id)) {
          fresh.add(item);
          next = next.after(ms, id);
        }
      }
      if (fresh.size() > before) {
        units++;
      }
      String token = data.path("page_token").asText(null);
      more = more && data.path("has_more").asBoolean(false) && token != null
          && !token.equals(pageToken);
      pageToken = token;
    }
    if (fresh.isEmpty()) {
      lastEmptyPollAt = now;
      return SourcePoll.empty(offsetText, position(offset));
    }
    lastEmptyPollAt = -1;
    Batch b = BitableReader.decode(table, projection, fresh, "polling source table '"
        + table.name() + "'");
    return new SourcePoll(List.of(b), next.text(), position(next), units, 0);
  }

  private static boolean containsName(ObjectNode body, String name) {
    for (JsonNode n : body.path("field_names")) {
      if (n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private String position(PollOffset o) {
    if (o.modifiedMs() == Long.MIN_VALUE) {
      return "bitable " + table.options().tableId() + " from the start";
    }
    return "bitable " + table.options().tableId() + " modified up to "
        + DateTimes.formatTimestamp(o.modifiedMs()) + " (" + o.idsAtThatTime().size()
        + " records at that time)";
  }

  @Override
  public String describe() {
    return table.describe() + " modified_field=" + modified.name() + " lag_ms=" + lagMs;
  }
}
