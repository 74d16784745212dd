package io.velaria.bench.search;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall time and the process's CPU time (all threads: indexing, merging, GC, JIT) of one step.
 * On a shared machine the wall time measures the load as much as the code; the CPU time is
 * the work the step did. While the step runs a daemon thread prints progress to stderr each
 * minute, so a long build can be watched and extrapolated.
 */
final class CpuClock {
  private final String label;
  private final long wall0;
  private final long cpu0;
  private final Thread ticker;

  private CpuClock(String label) {
    this.label = label;
    this.wall0 = System.nanoTime();
    this.cpu0 = processCpuNanos();
    this.ticker = new Thread(this::tick, "bench-cpu-clock");
    ticker.setDaemon(true);
    ticker.start();
  }

  static CpuClock start(String label) {
    return new CpuClock(label);
  }

  /** What the step took; stops the progress ticker. */
  Reading stop() {
    ticker.interrupt();
    return new Reading((System.nanoTime() - wall0) / 1e6, (processCpuNanos() - cpu0) / 1e6,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Wall and CPU milliseconds, and the machine's 1-minute load average at the end. */
  record Reading(double wallMs, double cpuMs, double loadAverage) {
    String describe() {
      return String.format(Locale.ROOT, "%.1f s of process CPU time (CPU/wall %.2f; load"
          + " average at the end %.1f)", cpuMs / 1000, cpuMs / wallMs, loadAverage);
    }
  }

  private void tick() {
    try {
      while (true) {
        Thread.sleep(60_000);
        System.err.printf(Locale.ROOT, "[%s] %.0f s wall, %.0f s CPU, load %.1f, heap used %d MB%n",
            label, (System.nanoTime() - wall0) / 1e9, (processCpuNanos() - cpu0) / 1e9,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
      }
    } catch (InterruptedException e) {
      // the step ended
    }
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }
}
