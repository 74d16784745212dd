package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * INSERT into a Bitable table. Rows are held until {@link #commit()} (nothing reaches the
 * service before the statement's rows are all produced), then sent with records/batch_create in
 * chunks of at most 1,000. Each chunk gets its own client token, reused on every retry of that
 * chunk, so a chunk whose first attempt timed out after the service wrote it is not written
 * twice. The service has no multi-call transaction: if a chunk fails for good, the chunks
 * before it stay written, and the error says how many rows were.
 */
final class BitableWriter implements TableWriter {
  static final int MAX_CHUNK = 1000;

  private final BitableTable table;
  private final int chunkSize;
  private final Supplier<String> clientTokens;
  private final List<ObjectNode> pending = new ArrayList<>();

  BitableWriter(BitableTable table) {
    this(table, MAX_CHUNK, () -> UUID.randomUUID().toString());
  }

  BitableWriter(BitableTable table, int chunkSize, Supplier<String> clientTokens) {
    this.table = table;
    this.chunkSize = Math.min(Math.max(1, chunkSize), MAX_CHUNK);
    this.clientTokens = clientTokens;
  }

  @Override
  public void write(Batch batch) {
    List<BitableField> fields = table.fields();
    for (int r = 0; r < batch.rowCount(); r++) {
      ObjectNode values = BitableClient.json().createObjectNode();
      for (int c = 0; c < fields.size(); c++) {
        BitableField f = fields.get(c);
        if (FieldTypes.isReadOnly(f.type())) {
          continue; // computed by the service
        }
        DataType type = table.columns().get(c).type();
        Object v = batch.column(c).getObject(r);
        if (f.type() == FieldTypes.CHECKBOX && Boolean.FALSE.equals(v)) {
          continue; // false is an absent checkbox
        }
        JsonNode api = FieldTypes.toApi(f, type, v, table.columns().get(c).name());
        if (api != null) {
          values.set(f.name(), api);
        }
      }
      ObjectNode record = BitableClient.json().createObjectNode();
      record.set("fields", values);
      pending.add(record);
    }
  }

  @Override
  public void commit() {
    int written = 0;
    try {
      for (int from = 0; from < pending.size(); from += chunkSize) {
        List<ObjectNode> chunk = pending.subList(from, Math.min(pending.size(), from + chunkSize));
        String context = "inserting rows " + (from + 1) + ".." + (from + chunk.size())
            + " into table '" + table.name() + "' (table_id " + table.options().tableId() + ")";
        table.client().batchCreate(new ArrayList<>(chunk), clientTokens.get(), context);
        written += chunk.size();
      }
    } catch (VelariaException e) {
      throw new VelariaException(e.sqlState(), e.getMessage() + "; " + written + " of "
          + pending.size() + " rows were written before this error", e);
    } finally {
      pending.clear();
    }
  }

  @Override
  public void abort() {
    pending.clear();
  }
}
