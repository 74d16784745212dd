package io.velaria.engine.storage;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.DataTypes;
import io.velaria.engine.type.PhysicalKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The binary columnar file that holds a list of batches of one schema. Layout, all numbers
 * little-endian:
 *
 * <pre>
 * magic "VSEG", int format version, int column count,
 *   per column: short length + UTF-8 type name (DataType.sqlName)
 * int batch count
 *   per batch: int row count, then per column:
 *     byte 0 (no NULLs) or 1 followed by the bit-packed null mask (bit i = row i is NULL)
 *     values: LONG/DOUBLE 8 bytes per row; BOOLEAN bit-packed; FLOAT_ARRAY 4 bytes per
 *     element; STRING/BYTES an int length per row, then the concatenated UTF-8/raw bytes
 *     (NULL rows have length 0; values at NULL rows of fixed-width kinds are undefined)
 * int CRC32 of everything before it
 * </pre>
 */
public final class SegmentFormat {
  private SegmentFormat() {}

  static final int MAGIC = 0x47455356; // "VSEG" read as little-endian int
  static final int VERSION = 1;
  private static final int TRAILER = 4;

  /** Writes {@code batches} to {@code file} (replacing it) and forces it to disk. */
  public static void write(Path file, List<DataType> types, List<Batch> batches)
      throws IOException {
    try (SegmentOutput out = new SegmentOutput(file)) {
      out.putInt(MAGIC);
      out.putInt(VERSION);
      out.putInt(types.size());
      for (DataType t : types) {
        byte[] name = t.sqlName().getBytes(StandardCharsets.UTF_8);
        out.putShort(name.length);
        out.putBytes(name, 0, name.length);
      }
      out.putInt(batches.size());
      for (Batch b : batches) {
        if (b.columnCount() != types.size()) {
          throw new IllegalArgumentException(
              "batch of " + b.columnCount() + " columns for " + types.size() + " types");
        }
        int rows = b.rowCount();
        out.putInt(rows);
        for (int c = 0; c < types.size(); c++) {
          writeColumn(out, types.get(c), b.column(c), rows);
        }
      }
      out.finish();
    }
  }

  private static void writeColumn(SegmentOutput out, DataType type, Column col, int rows)
      throws IOException {
    boolean[] nulls = col.nulls();
    if (nulls == null) {
      out.putByte(0);
    } else {
      out.putByte(1);
      byte[] packed = pack(nulls, rows);
      out.putBytes(packed, 0, packed.length);
    }
    switch (type.physical()) {
      case LONG: out.putLongs(((LongColumn) col).values(), rows); break;
      case DOUBLE: out.putDoubles(((DoubleColumn) col).values(), rows); break;
      case BOOLEAN: {
        byte[] packed = pack(((BooleanColumn) col).values(), rows);
        out.putBytes(packed, 0, packed.length);
        break;
      }
      case FLOAT_ARRAY:
        out.putFloats(((FloatArrayColumn) col).values(), rows * type.dimension());
        break;
      case STRING: {
        String[] values = ((StringColumn) col).values();
        byte[][] encoded = new byte[rows][];
        for (int i = 0; i < rows; i++) {
          String s = nulls != null && nulls[i] ? null : values[i];
          encoded[i] = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
        }
        writeVariable(out, encoded, rows);
        break;
      }
      case BYTES: {
        byte[][] values = ((BytesColumn) col).values();
        byte[][] present = new byte[rows][];
        for (int i = 0; i < rows; i++) {
          present[i] = nulls != null && nulls[i] ? null : values[i];
        }
        writeVariable(out, present, rows);
        break;
      }
      default: throw new IllegalStateException("no layout for " + type);
    }
  }

  private static void writeVariable(SegmentOutput out, byte[][] values, int rows)
      throws IOException {
    int[] lengths = new int[rows];
    for (int i = 0; i < rows; i++) {
      lengths[i] = values[i] == null ? 0 : values[i].length;
    }
    out.putInts(lengths, rows);
    for (int i = 0; i < rows; i++) {
      if (values[i] != null) {
        out.putBytes(values[i], 0, values[i].length);
      }
    }
  }

  static byte[] pack(boolean[] bits, int count) {
    byte[] out = new byte[(count + 7) >>> 3];
    for (int i = 0; i < count; i++) {
      if (bits[i]) {
        out[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    return out;
  }

  /**
   * Reads a segment written for columns of {@code types}; the file's column layouts must match
   * them, and the returned columns carry these types.
   *
   * @throws VelariaException with SQLState 58030 naming the file if it is unreadable,
   *     truncated, fails its checksum or does not match {@code types}
   */
  public static List<Batch> read(Path file, List<DataType> types) {
    try {
      long size = Files.size(file);
      if (size < 16 + TRAILER) {
        throw corrupt(file, "file is too short (" + size + " bytes)");
      }
      verifyChecksum(file, size);
      try (SegmentInput in = new SegmentInput(file, size - TRAILER)) {
        List<Batch> batches = readPayload(file, in, types);
        if (in.remaining() != 0) {
          throw corrupt(file, in.remaining() + " unexpected bytes after the last batch");
        }
        return batches;
      } catch (SegmentInput.Truncated e) {
        throw corrupt(file, e.getMessage());
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot read segment file " + file + ": " + e, e);
    }
  }

  /**
   * Checks the CRC before decoding anything, so that damaged row counts and lengths are never
   * trusted (they could otherwise ask for huge allocations).
   */
  private static void verifyChecksum(Path file, long size) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long payload = size - TRAILER;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long done = 0;
      while (done < payload) {
        buf.clear();
        buf.limit((int) Math.min(buf.capacity(), payload - done));
        int n = ch.read(buf);
        if (n < 0) {
          throw corrupt(file, "file shrank while being read");
        }
        buf.flip();
        crc.update(buf);
        done += n;
      }
      ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
      while (trailer.hasRemaining() && ch.read(trailer) >= 0) {
        // keep reading
      }
      trailer.flip();
      int stored = trailer.getInt(0);
      if (stored != (int) crc.getValue()) {
        throw corrupt(file, String.format("checksum mismatch (stored %08x, computed %08x);"
            + " the file is truncated or damaged", stored, (int) crc.getValue()));
      }
    }
  }

  private static List<Batch> readPayload(Path file, SegmentInput in, List<DataType> types)
      throws IOException, SegmentInput.Truncated {
    if (in.getInt("magic") != MAGIC) {
      throw corrupt(file, "not a Velaria segment file (bad magic number)");
    }
    int version = in.getInt("format version");
    if (version != VERSION) {
      throw corrupt(file, "unsupported segment format version " + version);
    }
    int columns = in.getInt("column count");
    if (columns != types.size()) {
      throw corrupt(file, "has " + columns + " columns, the table has " + types.size());
    }
    for (int c = 0; c < columns; c++) {
      byte[] name = new byte[in.getShort("type name length")];
      in.getBytes(name, 0, name.length, "type name");
      String stored = new String(name, StandardCharsets.UTF_8);
      DataType fileType;
      try {
        fileType = DataTypes.parse(stored);
      } catch (IllegalArgumentException e) {
        throw corrupt(file, "column " + (c + 1) + ": " + e.getMessage());
      }
      DataType expected = types.get(c);
      if (fileType.physical() != expected.physical()
          || (expected.physical() == PhysicalKind.FLOAT_ARRAY
              && fileType.dimension() != expected.dimension())) {
        throw corrupt(file, "column " + (c + 1) + " is stored as " + stored
            + " but declared " + expected.sqlName());
      }
    }
    int batchCount = in.getInt("batch count");
    if (batchCount < 0) {
      throw corrupt(file, "negative batch count " + batchCount);
    }
    List<Batch> batches = new ArrayList<>(Math.min(batchCount, 1 << 16));
    for (int b = 0; b < batchCount; b++) {
      int rows = in.getInt("row count");
      if (rows < 0 || rows / 8 > in.remaining()) {
        throw corrupt(file, "batch " + b + " has an impossible row count " + rows);
      }
      Column[] cols = new Column[columns];
      for (int c = 0; c < columns; c++) {
        cols[c] = readColumn(file, in, types.get(c), rows);
      }
      batches.add(new Batch(cols, rows));
    }
    return batches;
  }

  private static Column readColumn(Path file, SegmentInput in, DataType type, int rows)
      throws IOException, SegmentInput.Truncated {
    int flag = in.getByte("null flag");
    boolean[] nulls = null;
    if (flag == 1) {
      nulls = readBits(in, rows, "null mask");
      if (!anyTrue(nulls)) {
        nulls = null; // columns promise a null mask only when some row is NULL
      }
    } else if (flag != 0) {
      throw corrupt(file, "bad null flag " + flag);
    }
    switch (type.physical()) {
      case LONG: {
        long[] v = new long[rows];
        in.getLongs(v, rows, "integer values");
        return new LongColumn(type, rows, v, nulls);
      }
      case DOUBLE: {
        double[] v = new double[rows];
        in.getDoubles(v, rows, "floating point values");
        return new DoubleColumn(type, rows, v, nulls);
      }
      case BOOLEAN:
        return new BooleanColumn(type, rows, readBits(in, rows, "boolean values"), nulls);
      case FLOAT_ARRAY: {
        float[] v = new float[Math.multiplyExact(rows, type.dimension())];
        in.getFloats(v, v.length, "vector values");
        return new FloatArrayColumn(type, rows, v, nulls);
      }
      case STRING: {
        int[] lengths = readLengths(file, in, rows);
        byte[] all = new byte[sum(file, lengths, in)];
        in.getBytes(all, 0, all.length, "string values");
        String[] v = new String[rows];
        int off = 0;
        for (int i = 0; i < rows; i++) {
          if (nulls == null || !nulls[i]) {
            v[i] = new String(all, off, lengths[i], StandardCharsets.UTF_8);
          }
          off += lengths[i];
        }
        return new StringColumn(type, rows, v, nulls);
      }
      case BYTES: {
        int[] lengths = readLengths(file, in, rows);
        sum(file, lengths, in);
        byte[][] v = new byte[rows][];
        for (int i = 0; i < rows; i++) {
          byte[] value = new byte[lengths[i]];
          in.getBytes(value, 0, value.length, "binary values");
          v[i] = nulls != null && nulls[i] ? null : value;
        }
        return new BytesColumn(type, rows, v, nulls);
      }
      default: throw new IllegalStateException("no layout for " + type);
    }
  }

  private static int[] readLengths(Path file, SegmentInput in, int rows)
      throws IOException, SegmentInput.Truncated {
    int[] lengths = new int[rows];
    in.getInts(lengths, rows, "value lengths");
    for (int len : lengths) {
      if (len < 0) {
        throw corrupt(file, "negative value length " + len);
      }
    }
    return lengths;
  }

  private static int sum(Path file, int[] lengths, SegmentInput in) {
    long total = 0;
    for (int len : lengths) {
      total += len;
    }
    if (total > in.remaining() || total > Integer.MAX_VALUE - 16) {
      throw corrupt(file, "value lengths add up to " + total + " bytes, more than the file holds");
    }
    return (int) total;
  }

  private static boolean[] readBits(SegmentInput in, int count, String what)
      throws IOException, SegmentInput.Truncated {
    byte[] packed = new byte[(count + 7) >>> 3];
    in.getBytes(packed, 0, packed.length, what);
    boolean[] out = new boolean[count];
    for (int i = 0; i < count; i++) {
      out[i] = (packed[i >>> 3] & (1 << (i & 7))) != 0;
    }
    return out;
  }

  private static boolean anyTrue(boolean[] bits) {
    for (boolean b : bits) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  static VelariaException corrupt(Path file, String reason) {
    return new VelariaException(SqlStates.IO_ERROR,
        "segment file " + file + " is corrupt: " + reason);
  }
}
