package io.velaria.engine.embed;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Progress of long embedding builds (CREATE EMBEDDING INDEX), for a shell to display. Listeners
 * are JVM-wide: an embedded shell registers one and sees the builds its statements start.
 */
public final class EmbeddingProgress {
  /** Receives (index name, rows embedded so far, total rows) after every batch. */
  @FunctionalInterface
  public interface Listener {
    void progress(String index, long done, long total);
  }

  private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();

  private EmbeddingProgress() {}

  /** A registered listener; closing it removes the listener. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Registers a listener; the returned handle removes it. */
  public static Registration listen(Listener l) {
    LISTENERS.add(l);
    return () -> LISTENERS.remove(l);
  }

  static void report(String index, long done, long total) {
    for (Listener l : LISTENERS) {
      l.progress(index, done, total);
    }
  }
}
