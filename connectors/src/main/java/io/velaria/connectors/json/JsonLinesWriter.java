package io.velaria.connectors.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.velaria.connectors.common.FilePaths;
import io.velaria.connectors.common.TextFormat;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.type.TypeKind;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends rows to a JSON lines file, one object per line with every column as a key (NULL as
 * {@code null}): numbers as numbers (DECIMAL exact), dates and times as ISO text, binary as
 * hex text, vectors as arrays. {@code commit()} fsyncs; {@code abort()} truncates back to the
 * length at the last commit.
 */
final class JsonLinesWriter implements TableWriter {
  private final Path path;
  private final List<ColumnDef> columns;
  private final FileChannel channel;
  private final StringWriter text = new StringWriter();
  private final StringBuilder scratch = new StringBuilder();
  private long committed;

  JsonLinesWriter(TableSpec spec, List<ColumnDef> columns) {
    this.path = FilePaths.resolve(spec);
    this.columns = columns;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      committed = channel.size();
      channel.position(committed);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot open " + path + " for writing: "
          + e, e);
    }
  }

  @Override
  public void write(Batch batch) {
    text.getBuffer().setLength(0);
    try (JsonGenerator g = JsonRows.FACTORY.createGenerator(text)) {
      g.setRootValueSeparator(null);
      for (int r = 0; r < batch.rowCount(); r++) {
        g.writeStartObject();
        for (int j = 0; j < columns.size(); j++) {
          g.writeFieldName(columns.get(j).name());
          value(g, batch.column(j), r);
        }
        g.writeEndObject();
        g.writeRaw('\n');
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot write " + path + ": " + e, e);
    }
    try {
      ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        channel.write(b);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot write " + path + ": " + e, e);
    }
  }

  private void value(JsonGenerator g, Column c, int r) throws IOException {
    if (c.isNull(r)) {
      g.writeNull();
      return;
    }
    TypeKind k = c.type().kind();
    switch (c.type().physical()) {
      case BOOLEAN:
        g.writeBoolean(((BooleanColumn) c).get(r));
        return;
      case DOUBLE:
        g.writeNumber(((DoubleColumn) c).get(r));
        return;
      case STRING:
        g.writeString(((StringColumn) c).get(r));
        return;
      case FLOAT_ARRAY: {
        FloatArrayColumn f = (FloatArrayColumn) c;
        int n = f.dimension();
        g.writeStartArray();
        for (int i = 0; i < n; i++) {
          g.writeNumber(f.values()[r * n + i]);
        }
        g.writeEndArray();
        return;
      }
      case LONG:
        if (k.isIntegral()) {
          g.writeNumber(((LongColumn) c).get(r));
          return;
        }
        if (k == TypeKind.DECIMAL) {
          g.writeNumber(BigDecimal.valueOf(((LongColumn) c).get(r), c.type().scale()));
          return;
        }
        if (k == TypeKind.NULL) {
          g.writeNull();
          return;
        }
        break;
      default:
        break;
    }
    scratch.setLength(0);
    TextFormat.append(scratch, c, r);
    g.writeString(scratch.toString());
  }

  @Override
  public void commit() {
    try {
      channel.force(false);
      committed = channel.position();
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot commit " + path + ": " + e, e);
    }
  }

  @Override
  public void abort() {
    try {
      if (channel.isOpen()) {
        channel.truncate(committed);
        channel.position(committed);
      }
    } catch (IOException ignored) {
      // best effort
    }
  }

  @Override
  public void close() {
    abort();
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }
}
