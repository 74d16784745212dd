package io.velaria.server;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on a terminal: rows done, rate and elapsed time, redrawn at most
 * every 200 ms and only after the work has run for half a second. Silent when the output is
 * not a terminal (pipes, files, CI), so scripts see clean output.
 */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private final boolean enabled;
  private final String what;
  private final long start = System.nanoTime();
  private long lastDraw;
  private long rows;
  private boolean drawn;
  private Thread ticker;

  Progress(PrintStream out, boolean enabled, String what) {
    this.out = out;
    this.enabled = enabled;
    this.what = what;
  }

  /** True when standard output and error go to a terminal (or VELARIA_PROGRESS=always). */
  static boolean onTerminal() {
    String force = System.getenv("VELARIA_PROGRESS");
    if ("always".equalsIgnoreCase(force)) {
      return true;
    }
    if ("never".equalsIgnoreCase(force)) {
      return false;
    }
    return System.console() != null;
  }

  /** Redraws with the elapsed time every 200 ms while work with no row count runs. */
  Progress tick() {
    if (!enabled) {
      return this;
    }
    ticker = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(200);
          synchronized (this) {
            draw(true);
          }
        }
      } catch (InterruptedException e) {
        // done
      }
    }, "velaria-progress");
    ticker.setDaemon(true);
    ticker.start();
    return this;
  }

  synchronized void rows(long done) {
    rows = done;
    if (enabled) {
      draw(false);
    }
  }

  private void draw(boolean force) {
    long now = System.nanoTime();
    if (now - start < 500_000_000L || (!force && now - lastDraw < 200_000_000L)) {
      return;
    }
    lastDraw = now;
    double secs = (now - start) / 1e9;
    String line;
    if (rows > 0) {
      line = String.format(Locale.ROOT, "%s: %,d rows  %,.0f rows/s  %.1fs", what, rows,
          rows / secs, secs);
    } else {
      line = String.format(Locale.ROOT, "%s: %.1fs", what, secs);
    }
    out.print("\r" + line + "\u001b[K");
    out.flush();
    drawn = true;
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.interrupt();
    }
    if (drawn) {
      out.print("\r\u001b[K");
      out.flush();
    }
  }
}
