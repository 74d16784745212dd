package io.velaria.connectors.line;

import io.velaria.connectors.common.TextCells;
import io.velaria.connectors.common.TextParsers;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.type.DataType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Reads one file of a line table. */
final class LineBatchReader implements BatchReader {
  private final LineTable table;
  private final Path file;
  private final BufferedReader reader;
  private final TextCells cells;
  private final int[] sources;
  private final String[] names;
  private final Matcher matcher;
  private final LineTable.Splitter splitter;
  private final int width;
  private final long limit;
  private final LineTable.LineCounter counter;
  private long produced;
  private long lineNo;
  private long unmatched;
  private boolean finished;

  LineBatchReader(LineTable table, Path file, int[] projection, long limit,
      LineTable.LineCounter counter) {
    this.table = table;
    this.file = file;
    this.limit = limit;
    this.counter = counter;
    List<DataType> types = new ArrayList<>();
    sources = new int[projection.length];
    names = new String[projection.length];
    for (int j = 0; j < projection.length; j++) {
      types.add(table.dataColumns.get(projection[j]).type());
      sources[j] = table.sources[projection[j]];
      names[j] = table.dataColumns.get(projection[j]).name();
    }
    cells = new TextCells(types, Batch.DEFAULT_SIZE);
    matcher = table.regex ? table.pattern.matcher("") : null;
    splitter = table.regex ? null : new LineTable.Splitter(table.delimiter);
    width = table.dataColumns.size();
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot open file " + file + ": " + e, e);
    }
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
    try {
      String line = null;
      while (cells.rows() < max && (line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (matcher != null) {
          matcher.reset(line);
          if (!matcher.find()) {
            unmatched++;
            continue;
          }
          for (int j = 0; j < sources.length; j++) {
            put(j, matcher.group(sources[j]), matcher.start(sources[j]));
          }
        } else {
          splitter.split(line, width);
          for (int j = 0; j < sources.length; j++) {
            put(j, splitter.field(sources[j]), -1);
          }
        }
        cells.endRow();
      }
      if (line == null && cells.rows() < max) {
        finished = true;
        counter.fileDone(unmatched, true);
      } else if (limit >= 0 && produced + cells.rows() >= limit) {
        finished = true;
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + file + ": " + e, e);
    }
    if (cells.rows() == 0) {
      finished = true;
      return null;
    }
    produced += cells.rows();
    return cells.build();
  }

  private void put(int j, String text, int charPos) {
    int r = cells.put(j, text);
    if (r != TextParsers.OK) {
      String col = matcher != null ? "group " + sources[j] + (charPos >= 0
          ? " at character " + (charPos + 1) : "") : "field " + (sources[j] + 1);
      throw TextCells.valueError(r, cells.type(j), text,
          "in file " + file + ", line " + lineNo + ", " + col + " (" + names[j] + ")");
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // read-only
    }
  }
}
