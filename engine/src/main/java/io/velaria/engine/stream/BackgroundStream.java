package io.velaria.engine.stream;

/**
 * A stream started with {@code START STREAM}: its micro-batch loop on a daemon thread, polling
 * the source every {@code trigger_interval_ms} when it had nothing new, until
 * {@code STOP STREAM}, a failure, or the database closing.
 */
final class BackgroundStream {
  private final String name;
  private final StreamRun run;
  private final StreamProgress progress;
  private final long triggerIntervalMs;
  private final Runnable onExit;
  private final Thread thread;
  private boolean stopRequested;

  BackgroundStream(String name, StreamRun run, StreamProgress progress, long triggerIntervalMs,
      Runnable onExit, java.util.function.BooleanSupplier databaseClosed) {
    this.name = name;
    this.run = run;
    this.progress = progress;
    this.triggerIntervalMs = triggerIntervalMs;
    this.onExit = onExit;
    this.thread = new Thread(() -> loop(databaseClosed), "velaria-stream-" + name);
    this.thread.setDaemon(true);
  }

  /** The incarnations of the stream's source and sink tables. */
  String tables() {
    return run.tables();
  }

  void start() {
    thread.start();
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  private void loop(java.util.function.BooleanSupplier databaseClosed) {
    try {
      run.recover();
      progress.status("running");
      while (!stopping() && !databaseClosed.getAsBoolean()) {
        boolean worked = run.step();
        if (!worked) {
          progress.backlog(0);
          waitForTrigger();
        }
      }
      progress.status("stopped");
    } catch (RuntimeException | OutOfMemoryError e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      progress.failed(msg);
    } finally {
      onExit.run();
    }
  }

  private synchronized boolean stopping() {
    return stopRequested;
  }

  private synchronized void waitForTrigger() {
    if (stopRequested) {
      return;
    }
    try {
      wait(triggerIntervalMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopRequested = true;
    }
  }

  /**
   * Asks the loop to stop after its current micro-batch and waits for it (bounded); no
   * interrupt, so no file write is cut off half-way.
   */
  void stop(long waitMs) {
    synchronized (this) {
      stopRequested = true;
      notifyAll();
    }
    try {
      thread.join(waitMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String name() {
    return name;
  }
}
