package io.velaria.engine.storage;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The committed state of one managed table: its data version and the segment files that hold
 * its rows, in order. Stored as a small text file that is only ever replaced atomically, so
 * switching it is the commit point of every change.
 *
 * <pre>
 * velaria-manifest 1
 * version 42
 * segment seg-0000000000000041.vseg 1000
 * stream insert-per_key-1a2b3c4d5e6f 17
 * crc 1a2b3c4d
 * </pre>
 *
 * <p>A {@code stream} line records the last micro-batch a stream committed into the table; it
 * is switched with the rows in the same manifest write, which makes a stream sink's rows and
 * its checkpoint one commit (see {@link TableData#appendForStream}).
 */
record Manifest(long version, List<Manifest.SegmentRef> segments, Map<String, Long> streams) {
  static final String FILE_NAME = "manifest";
  private static final String HEADER = "velaria-manifest 1";

  /** A segment file (name relative to the table directory) and its row count. */
  record SegmentRef(String file, long rows) {}

  Manifest {
    segments = List.copyOf(segments);
    streams = Collections.unmodifiableMap(new TreeMap<>(streams));
  }

  Manifest(long version, List<SegmentRef> segments) {
    this(version, segments, Map.of());
  }

  long rowCount() {
    long n = 0;
    for (SegmentRef s : segments) {
      n += s.rows();
    }
    return n;
  }

  /** Replaces the manifest in {@code dir} atomically and durably. */
  void write(Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(HEADER).append('\n').append("version ").append(version).append('\n');
    for (SegmentRef s : segments) {
      text.append("segment ").append(s.file()).append(' ').append(s.rows()).append('\n');
    }
    for (Map.Entry<String, Long> e : streams.entrySet()) {
      text.append("stream ").append(e.getKey()).append(' ').append(e.getValue()).append('\n');
    }
    String body = text.toString();
    text.append("crc ").append(Long.toHexString(crc(body))).append('\n');
    AtomicFiles.write(dir.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Manifest read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot read table manifest " + file + ": " + e, e);
    }
    try {
      int crcAt = text.lastIndexOf("crc ");
      if (!text.startsWith(HEADER + "\n") || crcAt < 0 || !text.endsWith("\n")) {
        throw new IllegalArgumentException("not a Velaria table manifest");
      }
      String body = text.substring(0, crcAt);
      long stored = Long.parseLong(text.substring(crcAt + 4, text.length() - 1).trim(), 16);
      if (stored != crc(body)) {
        throw new IllegalArgumentException("checksum mismatch");
      }
      String[] lines = body.split("\n");
      long version = Long.parseLong(field(lines[1], "version", 2)[1]);
      List<SegmentRef> segments = new ArrayList<>();
      Map<String, Long> streams = new TreeMap<>();
      for (int i = 2; i < lines.length; i++) {
        if (lines[i].startsWith("stream ")) {
          String[] parts = field(lines[i], "stream", 3);
          streams.put(parts[1], Long.parseLong(parts[2]));
          continue;
        }
        String[] parts = field(lines[i], "segment", 3);
        segments.add(new SegmentRef(parts[1], Long.parseLong(parts[2])));
      }
      return new Manifest(version, segments, streams);
    } catch (RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "table manifest " + file + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static String[] field(String line, String key, int parts) {
    String[] p = line.split(" ");
    if (p.length != parts || !p[0].equals(key)) {
      throw new IllegalArgumentException("bad line '" + line + "'");
    }
    return p;
  }

  private static long crc(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
