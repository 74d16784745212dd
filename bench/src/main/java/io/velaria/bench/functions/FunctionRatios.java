package io.velaria.bench.functions;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The same measurements as {@link FunctionBenchmark}, but framework and hand-written loop
 * alternate round by round in one JVM, so a busy machine slows both alike; reports the
 * minimum and median of each and their ratio. Usage: {@code FunctionRatios [rounds] [rows] [abs,year,...]}.
 */
public final class FunctionRatios {
  private static final String[] PAIRS = {"abs", "year", "substr", "upperAscii", "upperUnicode",
      "regexpLike"};

  private FunctionRatios() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    FunctionBenchmark b = new FunctionBenchmark();
    b.rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
    b.setup();
    Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating"
        + " Blackholes directly is dangerous.");
    System.out.printf("%-14s %12s %12s %12s %12s %8s %8s%n", "function", "fw min ms",
        "hand min ms", "fw med ms", "hand med ms", "min x", "med x");
    String[] pairs = args.length > 2 ? args[2].split(",") : PAIRS;
    for (String p : pairs) {
      Method fw = FunctionBenchmark.class.getMethod(p + "Framework", Blackhole.class);
      Method hand = FunctionBenchmark.class.getMethod(p + "Hand", Blackhole.class);
      for (int w = 0; w < 3; w++) {
        fw.invoke(b, bh);
        hand.invoke(b, bh);
      }
      double[] f = new double[rounds];
      double[] h = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        boolean fwFirst = r % 2 == 0;
        if (fwFirst) {
          f[r] = time(fw, b, bh);
          h[r] = time(hand, b, bh);
        } else {
          h[r] = time(hand, b, bh);
          f[r] = time(fw, b, bh);
        }
      }
      Arrays.sort(f);
      Arrays.sort(h);
      double fm = f[rounds / 2];
      double hm = h[rounds / 2];
      System.out.printf("%-14s %12.1f %12.1f %12.1f %12.1f %8.2f %8.2f%n", p, f[0], h[0], fm, hm,
          f[0] / h[0], fm / hm);
    }
  }

  private static double time(Method m, FunctionBenchmark b, Blackhole bh) throws Exception {
    System.gc();
    long t0 = System.nanoTime();
    m.invoke(b, bh);
    return (System.nanoTime() - t0) / 1e6;
  }
}
