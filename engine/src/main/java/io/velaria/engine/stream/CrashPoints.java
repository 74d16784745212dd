package io.velaria.engine.stream;

/**
 * Test hook for the exactly-once test: with system property
 * {@code velaria.stream.crash=<point>:<n>} the JVM halts (no shutdown hooks, like a kill -9)
 * the n-th time the stream runtime passes the named point. Without the property this is a
 * field read.
 */
final class CrashPoints {
  private static final String SPEC = System.getProperty("velaria.stream.crash");
  private static final String POINT;
  private static int remaining;

  static {
    if (SPEC != null && SPEC.contains(":")) {
      POINT = SPEC.substring(0, SPEC.indexOf(':'));
      remaining = Integer.parseInt(SPEC.substring(SPEC.indexOf(':') + 1));
    } else {
      POINT = null;
    }
  }

  private CrashPoints() {}

  static void reach(String point) {
    if (POINT != null && POINT.equals(point)) {
      synchronized (CrashPoints.class) {
        if (--remaining == 0) {
          Runtime.getRuntime().halt(77);
        }
      }
    }
  }
}
