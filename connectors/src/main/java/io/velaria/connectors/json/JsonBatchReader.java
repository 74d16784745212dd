package io.velaria.connectors.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.velaria.connectors.common.TextCells;
import io.velaria.connectors.common.TextParsers;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the projected keys of one JSON file, 4096 rows per batch. */
final class JsonBatchReader implements BatchReader {
  private final JsonRows rows;
  private final TextCells cells;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();
  private final String[] names;
  private final long limit;
  private long produced;
  private boolean finished;

  JsonBatchReader(JsonTable table, Path file, int[] projection, long limit) {
    List<DataType> types = new ArrayList<>();
    names = new String[projection.length];
    for (int j = 0; j < projection.length; j++) {
      var c = table.dataColumns.get(projection[j]);
      types.add(c.type());
      names[j] = c.name();
      exact.putIfAbsent(c.name(), j);
      folded.putIfAbsent(c.name().toLowerCase(Locale.ROOT), j);
    }
    this.cells = new TextCells(types, Batch.DEFAULT_SIZE);
    this.limit = limit;
    this.rows = new JsonRows(file, table.format);
  }

  @Override
  public Batch next() {
    if (finished) {
      return null;
    }
    int max = Batch.DEFAULT_SIZE;
    if (limit >= 0) {
      max = (int) Math.min(max, limit - produced);
    }
    while (cells.rows() < max && rows.next()) {
      readRow();
    }
    if (cells.rows() == 0) {
      finished = true;
      return null;
    }
    produced += cells.rows();
    return cells.build();
  }

  private void readRow() {
    try {
      JsonToken t;
      while ((t = rows.parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = rows.parser.currentName();
        Integer j = exact.get(key);
        if (j == null) {
          j = folded.get(key.toLowerCase(Locale.ROOT));
        }
        rows.parser.nextToken();
        if (j == null || cells.isSet(j)) {
          rows.parser.skipChildren();
          continue;
        }
        JsonLocation at = rows.parser.currentTokenLocation();
        String text = rows.valueText();
        int r = cells.put(j, text);
        if (r != TextParsers.OK) {
          throw TextCells.valueError(r, cells.type(j), text,
              rows.where(at) + " (key " + names[j] + ")");
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw rows.structure("unexpected " + JsonRows.describe(t));
      }
      cells.endRow();
    } catch (JsonProcessingException e) {
      throw rows.syntax(e);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + rows.file + ": " + e, e);
    }
  }

  @Override
  public void close() {
    rows.close();
  }
}
