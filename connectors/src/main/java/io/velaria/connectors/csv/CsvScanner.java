package io.velaria.connectors.csv;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits a byte range of a CSV file into records and fields without decoding anything.
 *
 * <p>Bytes are read through a large buffer; a record is always scanned as a whole inside the
 * buffer (a record cut by the buffer end is moved to the front and rescanned after the next
 * read, the buffer doubling only for records longer than itself, up to a limit). Delimiters,
 * quotes and newlines are ASCII, so scanning bytes is safe for UTF-8 and other
 * ASCII-compatible encodings. A field is a range of the buffer plus flags; {@link #value}
 * strips quotes and escapes only when a caller wants that field.
 *
 * <p>Line numbers are counted as newlines pass by, including newlines inside quoted fields.
 * A scanner that starts in the middle of the file (a split) counts from its start and learns
 * how many lines precede it only when an error needs an absolute line number.
 */
final class CsvScanner implements AutoCloseable {
  static final int BUFFER_SIZE = 1 << 20;
  static final long DEFAULT_MAX_RECORD_BYTES = 64L << 20;
  /** The field starts with a quote: its value is the range without the first and last byte. */
  static final byte QUOTED = 1;
  /** The field has escapes, doubled quotes or text after the closing quote: see {@link #value}. */
  static final byte COMPLEX = 2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NL_MASK = 0x0A0A0A0A0A0A0A0AL;

  private final FileChannel channel;
  private final Path path;
  private final byte delimiter;
  private final int quote;
  private final int escape;
  private final boolean lenient;
  private final long end;
  private final int maxFields;
  private final int maxRecordBytes;
  private boolean skipBlank = true;

  private byte[] buf;
  private int pos;
  private int limit;
  private long bufOffset;
  private long readPos;
  private boolean eof;
  private boolean done;

  private long lineOrigin;
  private long linesBeforeOrigin = -1;
  private long lines;
  private long recordLine;
  private long recordOffset;
  private int recordNewlines;
  private boolean quotedNewline;

  private int fieldCount;
  private int[] starts;
  private int[] ends;
  private byte[] flags;

  private byte[] scratch = new byte[256];
  /** The value of the field last passed to {@link #value}. */
  byte[] valueBuf;
  int valueStart;
  int valueEnd;

  /**
   * @param start file offset to start at; 0 reads from the top, otherwise the scanner starts
   *     after the first newline at or after {@code start}
   * @param end records starting after this offset are left to the next split
   * @param maxFields fields past this many are counted but not recorded
   */
  CsvScanner(FileChannel channel, Path path, CsvOptions o, long start, long end, int maxFields,
      long maxRecordBytes) {
    this.channel = channel;
    this.path = path;
    this.delimiter = o.delimiter;
    this.quote = o.quote;
    this.escape = o.escape;
    this.lenient = o.lenient;
    this.end = end;
    this.maxFields = Math.max(1, maxFields);
    this.maxRecordBytes = (int) Math.min(maxRecordBytes, Integer.MAX_VALUE - 16);
    // One byte more than the capacity holds a '\n' sentinel after the data (see scan).
    this.buf = new byte[Math.min(BUFFER_SIZE, this.maxRecordBytes) + 1];
    int cap = Math.min(this.maxFields, 64);
    starts = new int[cap];
    ends = new int[cap];
    flags = new byte[cap];
    bufOffset = start;
    readPos = start;
    if (start > 0) {
      skipLine();
      lines = 0;
      lineOrigin = bufOffset + pos;
    } else {
      skipBom();
    }
  }

  /** Whether an empty line is skipped (true) or is a record with one empty field. */
  void skipBlankLines(boolean skip) {
    skipBlank = skip;
  }

  private void skipBom() {
    while (limit < 3 && !eof) {
      fill();
    }
    if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
      pos = 3;
    }
  }

  /** Skips past the next newline, counting the line; false at the end of the file. */
  boolean skipLine() {
    for (;;) {
      for (int p = pos; p < limit; p++) {
        if (buf[p] == '\n') {
          pos = p + 1;
          lines++;
          return true;
        }
      }
      pos = limit;
      if (eof) {
        return false;
      }
      fill();
    }
  }

  /** Moves to the next record; false when this scanner's range is exhausted. */
  boolean next() {
    while (!done) {
      if (pos >= limit) {
        if (eof) {
          done = true;
          return false;
        }
        fill();
        continue;
      }
      long off = bufOffset + pos;
      if (off > end) {
        done = true;
        return false;
      }
      int r = scan(pos);
      if (r < 0) {
        fill();
        continue;
      }
      recordOffset = off;
      recordLine = lines;
      lines += recordNewlines;
      pos = r;
      if (skipBlank && fieldCount == 1 && starts[0] == ends[0] && flags[0] == 0) {
        continue;
      }
      return true;
    }
    return false;
  }

  /**
   * Scans the record at {@code p}: records its fields and returns the index after it, or -1
   * when the buffer ends before the record does (and the file does not).
   */
  private int scan(int p) {
    final byte[] b = buf;
    final int lim = limit;
    final byte d = delimiter;
    final long dMask = (d & 0xFFL) * 0x0101010101010101L;
    final int q = quote;
    int n = 0;
    int nl = 0;
    for (;;) {
      int fs = p;
      byte fl = 0;
      if (p < lim && b[p] == q) {
        fl = QUOTED;
        int openNl = nl;
        p++;
        for (;;) {
          if (p >= lim) {
            if (!eof) {
              return -1;
            }
            if (!lenient) {
              throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "unterminated quoted field"
                  + " starting " + where(lines + openNl));
            }
            fl |= COMPLEX;
            break;
          }
          byte c = b[p];
          if (c == q) {
            if (p + 1 >= lim && !eof) {
              return -1;
            }
            if (p + 1 < lim && b[p + 1] == q) {
              fl |= COMPLEX;
              p += 2;
              continue;
            }
            p++;
            break;
          }
          if (c == escape) {
            if (p + 1 >= lim && !eof) {
              return -1;
            }
            fl |= COMPLEX;
            if (p + 1 < lim && b[p + 1] == '\n') {
              nl++;
              quotedNewline = true;
            }
            p += 2;
            continue;
          }
          if (c == '\n') {
            nl++;
            quotedNewline = true;
          }
          p++;
        }
        if (p < lim && b[p] != d && b[p] != '\n'
            && !(b[p] == '\r' && p + 1 < lim && b[p + 1] == '\n')) {
          fl |= COMPLEX;
        }
        p = Math.min(p, lim); // an escape as the file's last byte steps past the end
      }
      for (;;) {
        // Eight bytes at a time while they fit, then byte by byte up to the '\n' sentinel at
        // buf[lim], so neither loop needs a bounds check per byte.
        byte c;
        while (p + 8 <= lim) {
          long w = (long) LONGS.get(b, p);
          long m = zeroByte(w ^ dMask) | zeroByte(w ^ NL_MASK);
          if (m != 0) {
            p += Long.numberOfTrailingZeros(m) >>> 3;
            break;
          }
          p += 8;
        }
        c = b[p];
        while (c != d && c != '\n') {
          c = b[++p];
        }
        if (p >= lim) {
          if (!eof) {
            return -1;
          }
          int e = Math.min(p, lim);
          n = add(n, fs, e > fs && b[e - 1] == '\r' ? e - 1 : e, fl);
          fieldCount = n;
          recordNewlines = nl;
          return lim;
        }
        if (c == d) {
          n = add(n, fs, p, fl);
          p++;
          break;
        }
        int e = p > fs && b[p - 1] == '\r' ? p - 1 : p;
        n = add(n, fs, e, fl);
        fieldCount = n;
        recordNewlines = nl + 1;
        return p + 1;
      }
    }
  }

  /**
   * Marks zero bytes of {@code v} with their high bit; the lowest marked byte is always a true
   * zero (higher marks may be false positives, which is why only the lowest is used).
   */
  private static long zeroByte(long v) {
    return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
  }

  private int add(int n, int s, int e, byte fl) {
    if (n < maxFields) {
      if (n == starts.length) {
        int cap = (int) Math.min((long) n * 2, maxFields);
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        flags = Arrays.copyOf(flags, cap);
      }
      starts[n] = s;
      ends[n] = e;
      flags[n] = fl;
    }
    return n + 1;
  }

  /** Reads more bytes, keeping the unfinished record at the front of the buffer. */
  private void fill() {
    if (eof) {
      return;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      bufOffset += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length - 1) {
      if (buf.length - 1 >= maxRecordBytes) {
        throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "record longer than "
            + (maxRecordBytes >> 20) + " MiB (no line end found; wrong delimiter, quote or"
            + " a binary file?) starting " + where(lines));
      }
      int size = (int) Math.min((long) limit * 2, maxRecordBytes) + 1;
      try {
        buf = Arrays.copyOf(buf, size);
      } catch (OutOfMemoryError e) {
        // One failed large allocation leaves the heap intact: report it like any limit.
        throw new VelariaException(SqlStates.OUT_OF_MEMORY, "not enough memory for a record of"
            + " more than " + (limit >> 20) + " MiB starting " + where(lines));
      }
    }
    try {
      // Reads of at most 1 MiB keep the JDK's temporary direct buffer small.
      ByteBuffer bb = ByteBuffer.wrap(buf, limit, Math.min(buf.length - 1 - limit, BUFFER_SIZE));
      int n;
      do {
        n = channel.read(bb, readPos);
      } while (n == 0);
      if (n < 0) {
        eof = true;
      } else {
        readPos += n;
        limit += n;
      }
      buf[limit] = '\n';
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + path + ": " + e, e);
    }
  }

  int fieldCount() {
    return fieldCount;
  }

  byte[] buffer() {
    return buf;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  byte flags(int i) {
    return flags[i];
  }

  /** File offset where the current record starts. */
  long recordOffset() {
    return recordOffset;
  }

  /** File offset after the last record returned (or skipped line). */
  long position() {
    return bufOffset + pos;
  }

  /** Whether a newline was seen inside a quoted field so far. */
  boolean sawQuotedNewline() {
    return quotedNewline;
  }

  boolean reachedEnd() {
    return done || (eof && pos >= limit);
  }

  /** Sets {@link #valueBuf}/{@link #valueStart}/{@link #valueEnd} to field i without quotes. */
  void value(int i) {
    int s = starts[i];
    int e = ends[i];
    byte fl = flags[i];
    if (fl == 0) {
      valueBuf = buf;
      valueStart = s;
      valueEnd = e;
    } else if (fl == QUOTED) {
      valueBuf = buf;
      valueStart = s + 1;
      valueEnd = e - 1;
    } else {
      unescape(s, e);
    }
  }

  private void unescape(int s, int e) {
    if (scratch.length < e - s) {
      scratch = new byte[Math.max(e - s, scratch.length * 2)];
    }
    byte[] b = buf;
    byte[] out = scratch;
    int n = 0;
    int p = s + 1;
    while (p < e) {
      byte c = b[p];
      if (c == quote) {
        if (p + 1 < e && b[p + 1] == quote) {
          out[n++] = (byte) quote;
          p += 2;
          continue;
        }
        p++;
        break;
      }
      if (c == escape && p + 1 < e) {
        out[n++] = b[p + 1];
        p += 2;
        continue;
      }
      out[n++] = c;
      p++;
    }
    while (p < e) {
      out[n++] = b[p++];
    }
    valueBuf = out;
    valueStart = 0;
    valueEnd = n;
  }

  /** Field i as text, without quotes and escapes. */
  String text(int i, java.nio.charset.Charset cs) {
    value(i);
    return new String(valueBuf, valueStart, valueEnd - valueStart, cs);
  }

  long fileSize() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + path + ": " + e, e);
    }
  }

  /** Absolute 1-based line number of the current record's first line. */
  long recordLineNumber() {
    return absoluteLine(recordLine);
  }

  /** "in file F, line N" for a line counted from this scanner's origin (0-based). */
  String where(long relativeLine) {
    return "in file " + path + ", line " + absoluteLine(relativeLine);
  }

  private long absoluteLine(long relativeLine) {
    if (linesBeforeOrigin < 0) {
      linesBeforeOrigin = lineOrigin == 0 ? 0 : countNewlines(lineOrigin);
    }
    return linesBeforeOrigin + relativeLine + 1;
  }

  /** Counts newlines in [0, upTo) with separate reads; only used to report errors. */
  private long countNewlines(long upTo) {
    ByteBuffer bb = ByteBuffer.allocate(BUFFER_SIZE);
    long count = 0;
    long at = 0;
    try {
      while (at < upTo) {
        bb.clear();
        bb.limit((int) Math.min(bb.capacity(), upTo - at));
        int n = channel.read(bb, at);
        if (n <= 0) {
          break;
        }
        byte[] a = bb.array();
        for (int k = 0; k < n; k++) {
          if (a[k] == '\n') {
            count++;
          }
        }
        at += n;
      }
    } catch (IOException e) {
      return count;
    }
    return count;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing to flush on a read-only channel
    }
  }
}
