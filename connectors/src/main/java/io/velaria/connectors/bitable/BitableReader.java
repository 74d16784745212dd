package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;

/** Pages through records/search: one batch per page, until {@code has_more} is false. */
final class BitableReader implements BatchReader {
  /** Bounds the loop if a service kept answering has_more with the same page token. */
  private static final int MAX_PAGES = 1_000_000;

  private final BitableTable table;
  private final int[] projection;
  private final ObjectNode body;
  private final long limit;
  private String pageToken;
  private boolean done;
  private long rows;
  private int pages;

  BitableReader(BitableTable table, int[] projection, ObjectNode body, long limit) {
    this.table = table;
    this.projection = projection;
    this.body = body;
    this.limit = limit;
  }

  @Override
  public Batch next() {
    if (done || (limit >= 0 && rows >= limit)) {
      return null;
    }
    String context = "reading table '" + table.name() + "' (table_id "
        + table.options().tableId() + ", page " + (pages + 1) + ")";
    JsonNode data = table.client().search(body, pageToken, context);
    pages++;
    table.pagesRead(pages);
    String next = data.path("page_token").asText(null);
    boolean more = data.path("has_more").asBoolean(false);
    if (!more || next == null || next.isEmpty() || next.equals(pageToken) || pages >= MAX_PAGES) {
      done = true;
    }
    pageToken = next;
    Batch b = decode(table, projection, data.path("items"), context);
    rows += b.rowCount();
    return b;
  }

  /** Records ({@code [{record_id, fields}]}) as a batch of the projected columns. */
  static Batch decode(BitableTable table, int[] projection, Iterable<JsonNode> items,
      String context) {
    ColumnBuilder[] builders = new ColumnBuilder[projection.length];
    for (int i = 0; i < projection.length; i++) {
      builders[i] = new ColumnBuilder(table.columns().get(projection[i]).type());
    }
    int n = 0;
    for (JsonNode item : items) {
      JsonNode values = item.path("fields");
      for (int i = 0; i < projection.length; i++) {
        BitableField f = table.fields().get(projection[i]);
        try {
          FieldTypes.append(f, builders[i].type(), values.get(f.name()), builders[i]);
        } catch (RuntimeException e) {
          throw new VelariaException(BitableErrors.FDW_ERROR, "Bitable: cannot read field '"
              + f.name() + "' (type " + f.type() + ") of record " + item.path("record_id")
              .asText() + " as " + builders[i].type().sqlName() + ": " + values.get(f.name())
              + ", " + context, e);
        }
      }
      n++;
    }
    Column[] cols = new Column[projection.length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = builders[i].build();
    }
    return new Batch(cols, n);
  }

  @Override
  public void close() {
    done = true;
  }
}
