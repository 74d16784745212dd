package io.velaria.connectors.bitable;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a Bitable stream source stands: the latest modified time it has emitted and the ids of
 * the records it emitted with exactly that time. A record is new when its modified time is
 * later, or equal and its id is not in the set: so nothing is read twice and a record modified
 * in the same millisecond as the checkpoint is not missed. Text form:
 * {@code bitable-v1 <modifiedMs> <id>,<id>,...}.
 */
record PollOffset(long modifiedMs, Set<String> idsAtThatTime) {
  static final PollOffset START = new PollOffset(Long.MIN_VALUE, Set.of());

  PollOffset {
    idsAtThatTime = Set.copyOf(idsAtThatTime);
  }

  boolean isNew(long modified, String recordId) {
    return modified > modifiedMs || (modified == modifiedMs && !idsAtThatTime.contains(recordId));
  }

  /** The offset after also emitting this record (records come in modified-time order). */
  PollOffset after(long modified, String recordId) {
    if (modified > modifiedMs) {
      return new PollOffset(modified, Set.of(recordId));
    }
    Set<String> ids = new TreeSet<>(idsAtThatTime);
    ids.add(recordId);
    return new PollOffset(modifiedMs, ids);
  }

  String text() {
    if (modifiedMs == Long.MIN_VALUE) {
      return null;
    }
    return "bitable-v1 " + modifiedMs + " " + String.join(",", new TreeSet<>(idsAtThatTime));
  }

  static PollOffset parse(String text) {
    if (text == null || text.isBlank()) {
      return START;
    }
    String[] p = text.trim().split(" ", 3);
    try {
      if (!p[0].equals("bitable-v1") || p.length < 2) {
        throw new IllegalArgumentException();
      }
      Set<String> ids = new TreeSet<>();
      if (p.length == 3) {
        for (String id : p[2].split(",")) {
          if (!id.isBlank()) {
            ids.add(id);
          }
        }
      }
      return new PollOffset(Long.parseLong(p[1]), ids);
    } catch (RuntimeException e) {
      throw new VelariaException(SqlStates.DATA_EXCEPTION,
          "not a Bitable stream offset: '" + text + "'");
    }
  }
}
