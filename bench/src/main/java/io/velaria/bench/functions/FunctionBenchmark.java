package io.velaria.bench.functions;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.expr.FunctionProvider;
import io.velaria.engine.type.DataType;
import io.velaria.engine.util.DateTimes;
import io.velaria.functions.FunctionEvaluator;
import io.velaria.functions.FunctionRegistry;
import io.velaria.functions.lib.Strings;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scalar functions over 10 million rows in batches of 4096: through the function framework
 * (argument conversion, NULL mask, specialized loop, output column) against a hand-written
 * loop over the same arrays that calls the same per-row code. Each pair runs in its own fork.
 *
 * <pre>
 * java -cp ... org.openjdk.jmh.Main 'io.velaria.bench.functions.*' -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FunctionBenchmark {
  static final int BATCH = Batch.DEFAULT_SIZE;

  @Param({"10000000"})
  public int rows;

  Batch[] longBatches;
  Batch[] millisBatches;
  Batch[] asciiBatches;
  Batch[] unicodeBatches;

  Evaluator abs;
  Evaluator year;
  Evaluator substr;
  Evaluator upper;
  Evaluator regexpLike;
  Pattern pattern;

  @Setup(Level.Trial)
  public void setup() {
    Random rnd = new Random(42);
    int nb = (rows + BATCH - 1) / BATCH;
    longBatches = new Batch[nb];
    millisBatches = new Batch[nb];
    asciiBatches = new Batch[nb];
    unicodeBatches = new Batch[nb];
    String[] words = {"apac", "emea", "americas", "north", "south-east", "velaria columnar"};
    String[] uwords = {"größe", "été", "naïve café", "Ωmega", "straße", "日本語テキスト"};
    for (int b = 0; b < nb; b++) {
      int n = Math.min(BATCH, rows - b * BATCH);
      long[] l = new long[n];
      long[] ms = new long[n];
      String[] a = new String[n];
      String[] u = new String[n];
      for (int i = 0; i < n; i++) {
        l[i] = rnd.nextInt() - (long) Integer.MAX_VALUE / 2;
        ms[i] = (long) (rnd.nextDouble() * 4_000_000_000_000L) - 1_000_000_000_000L;
        a[i] = words[rnd.nextInt(words.length)] + i % 1000;
        u[i] = uwords[rnd.nextInt(uwords.length)] + i % 1000;
      }
      longBatches[b] = one(new LongColumn(DataType.BIGINT, n, l, null));
      millisBatches[b] = one(new LongColumn(DataType.BIGINT, n, ms, null));
      asciiBatches[b] = one(new StringColumn(DataType.VARCHAR, n, a, null));
      unicodeBatches[b] = one(new StringColumn(DataType.VARCHAR, n, u, null));
    }
    Evaluator longIn = input(DataType.BIGINT);
    Evaluator strIn = input(DataType.VARCHAR);
    abs = call("ABS", DataType.BIGINT, longIn);
    year = call("YEAR", DataType.BIGINT, longIn);
    substr = call("SUBSTR", DataType.VARCHAR, strIn,
        FunctionProvider.constant(DataType.BIGINT, 2L), FunctionProvider.constant(DataType.BIGINT, 3L));
    upper = call("UPPER", DataType.VARCHAR, strIn);
    regexpLike = call("REGEXP_LIKE", DataType.BOOLEAN, strIn,
        FunctionProvider.constant(DataType.VARCHAR, "^(a|e).*[0-4]$"));
    pattern = Pattern.compile("^(a|e).*[0-4]$");
  }

  private static Batch one(Column c) {
    return new Batch(new Column[] {c}, c.size());
  }

  private static Evaluator input(DataType t) {
    return new Evaluator() {
      @Override
      public DataType type() {
        return t;
      }

      @Override
      public Column evaluate(Batch input) {
        return input.column(0);
      }
    };
  }

  private static Evaluator call(String name, DataType type, Evaluator... args) {
    return FunctionEvaluator.compile(FunctionRegistry.lookup(name), name, List.of(args), type);
  }

  private static void run(Evaluator e, Batch[] batches, Blackhole bh) {
    for (Batch b : batches) {
      bh.consume(e.evaluate(b));
    }
  }

  // ---- ABS (BIGINT, overflow-checked)

  @Benchmark
  public void absFramework(Blackhole bh) {
    run(abs, longBatches, bh);
  }

  @Benchmark
  public void absHand(Blackhole bh) {
    for (Batch b : longBatches) {
      LongColumn c = (LongColumn) b.column(0);
      long[] in = c.values();
      int n = c.size();
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = Math.absExact(in[i]);
      }
      bh.consume(new LongColumn(DataType.BIGINT, n, out, c.nulls()));
    }
  }

  // ---- YEAR on epoch milliseconds

  @Benchmark
  public void yearFramework(Blackhole bh) {
    run(year, millisBatches, bh);
  }

  @Benchmark
  public void yearHand(Blackhole bh) {
    for (Batch b : millisBatches) {
      LongColumn c = (LongColumn) b.column(0);
      long[] in = c.values();
      int n = c.size();
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = DateTimes.year(Math.floorDiv(in[i], DateTimes.MS_PER_DAY));
      }
      bh.consume(new LongColumn(DataType.BIGINT, n, out, c.nulls()));
    }
  }

  // ---- SUBSTR(s, 2, 3)

  @Benchmark
  public void substrFramework(Blackhole bh) {
    run(substr, asciiBatches, bh);
  }

  @Benchmark
  public void substrHand(Blackhole bh) {
    for (Batch b : asciiBatches) {
      StringColumn c = (StringColumn) b.column(0);
      String[] in = c.values();
      int n = c.size();
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = Strings.substr(in[i], 2, 3);
      }
      bh.consume(new StringColumn(DataType.VARCHAR, n, out, c.nulls()));
    }
  }

  // ---- UPPER, ASCII and non-ASCII

  @Benchmark
  public void upperAsciiFramework(Blackhole bh) {
    run(upper, asciiBatches, bh);
  }

  @Benchmark
  public void upperAsciiHand(Blackhole bh) {
    upperHand(asciiBatches, bh);
  }

  @Benchmark
  public void upperUnicodeFramework(Blackhole bh) {
    run(upper, unicodeBatches, bh);
  }

  @Benchmark
  public void upperUnicodeHand(Blackhole bh) {
    upperHand(unicodeBatches, bh);
  }

  private static void upperHand(Batch[] batches, Blackhole bh) {
    for (Batch b : batches) {
      StringColumn c = (StringColumn) b.column(0);
      String[] in = c.values();
      int n = c.size();
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = in[i].toUpperCase(Locale.ROOT);
      }
      bh.consume(new StringColumn(DataType.VARCHAR, n, out, c.nulls()));
    }
  }

  // ---- REGEXP_LIKE with a constant pattern

  @Benchmark
  public void regexpLikeFramework(Blackhole bh) {
    run(regexpLike, asciiBatches, bh);
  }

  @Benchmark
  public void regexpLikeHand(Blackhole bh) {
    for (Batch b : asciiBatches) {
      StringColumn c = (StringColumn) b.column(0);
      String[] in = c.values();
      int n = c.size();
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) {
        out[i] = pattern.matcher(in[i]).find();
      }
      bh.consume(new BooleanColumn(DataType.BOOLEAN, n, out, c.nulls()));
    }
  }
}
