package io.velaria.bench.search;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.DatabaseConfig;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchServices;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorMetric;
import io.velaria.engine.storage.TableData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Search benchmark, Velaria side by side with DuckDB in one run over the same data:
 * exact top-10 by cosine distance over N random vectors (DuckDB: brute-force
 * {@code array_cosine_distance}), its ratio to the memory-bandwidth bound (bytes of vectors /
 * sequential read bandwidth of a float[] sum loop), HNSW build time, query latency and
 * recall@10 against the exact answers, and keyword top-10 latency over generated short
 * documents (transient BM25 and with a keyword index, plus its build time). Medians.
 *
 * <p>Usage: {@code SearchBench [--rows N] [--dim D] [--docs N] [--queries Q] [--hnsw-rows N]
 * [--keyword-queries Q] [--dir PATH] [--out report.md] [--no-duckdb] [--no-hnsw]
 * [--no-keyword] [--no-uniform] [--no-clustered] [--int8] [--hnsw-with "k = v, ..."]
 * [--keyword-first]}. The vector part runs on uniform random vectors and on clustered vectors
 * of low intrinsic dimension (the shape of real embeddings); {@code --int8} also builds the
 * index with int8 quantization; {@code --hnsw-with} adds vector index options (e.g.
 * {@code ef_construction = 40}). Index builds report wall and process CPU time; the HNSW
 * part sweeps {@code EF_SEARCH} through SQL and over the index alone. The JVM property
 * {@code velaria.hnsw.threads} sets the build threads.
 */
public final class SearchBench {
  private int rows = 1_000_000;
  private int dim = 384;
  private int docs = 1_000_000;
  private int queries = 7;
  /** Rows the HNSW index is built over (the first rows of the vectors); default all. */
  private int hnswRows = -1;
  /** Queries of the keyword part (transient BM25 analyzes every document per query). */
  private int keywordQueries = -1;
  private Path dir;
  private Path out;
  private boolean duckdb = true;
  private boolean hnsw = true;
  private boolean keyword = true;
  private boolean uniform = true;
  private boolean clustered = true;
  private boolean int8 = false;
  /** Extra vector index options, e.g. {@code ef_construction = 40}. */
  private String hnswWith = "";
  /** Runs the (short) keyword part before the vectors, so a long HNSW build cannot lose it. */
  private boolean keywordFirst = false;
  private static final int[] EF_SEARCH = {10, 50, 100, 200, 400};
  private final List<String> report = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    SearchBench b = new SearchBench();
    b.parse(args);
    b.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows": rows = Integer.parseInt(args[++i]); break;
        case "--dim": dim = Integer.parseInt(args[++i]); break;
        case "--docs": docs = Integer.parseInt(args[++i]); break;
        case "--queries": queries = Integer.parseInt(args[++i]); break;
        case "--hnsw-rows": hnswRows = Integer.parseInt(args[++i]); break;
        case "--keyword-queries": keywordQueries = Integer.parseInt(args[++i]); break;
        case "--dir": dir = Path.of(args[++i]); break;
        case "--out": out = Path.of(args[++i]); break;
        case "--no-duckdb": duckdb = false; break;
        case "--no-hnsw": hnsw = false; break;
        case "--no-keyword": keyword = false; break;
        case "--no-uniform": uniform = false; break;
        case "--no-clustered": clustered = false; break;
        case "--int8": int8 = true; break;
        case "--hnsw-with": hnswWith = args[++i]; break;
        case "--keyword-first": keywordFirst = true; break;
        default: throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
  }

  private void run() throws Exception {
    hnswRows = hnswRows < 0 ? rows : Math.min(hnswRows, rows);
    keywordQueries = keywordQueries < 0 ? queries : keywordQueries;
    if (dir == null) {
      dir = Files.createTempDirectory("velaria-search-bench");
    }
    Path db = dir.resolve("velaria-db");
    line("# Search benchmark");
    line("");
    line(String.format(Locale.ROOT, "rows=%d dim=%d docs=%d queries=%d, JVM %s, %d cores,"
        + " max heap %d MB", rows, dim, docs, queries, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
    line("");
    try (Connection v = DriverManager.getConnection("jdbc:velaria:" + db);
        Database database = Database.open(DatabaseConfig.parse(db.toString(), new Properties()))) {
      if (keyword && keywordFirst) {
        keywordPart(v, database);
      }
      if (uniform) {
        SplittableRandom random = new SplittableRandom(7);
        List<float[]> qs = new ArrayList<>();
        for (int i = 0; i < queries + 1; i++) {
          qs.add(SearchData.queryVector(dim, random));
        }
        vectorPart(v, database, "uniform random vectors in [-1, 1)",
            SearchData.vectors(rows, dim, 42), qs);
      }
      if (clustered) {
        int clusters = Math.max(10, rows / 1000);
        SearchData.Clustered c = new SearchData.Clustered(dim, clusters, 0.5, 43);
        List<Batch> data = c.vectors(rows);
        List<float[]> qs = new ArrayList<>();
        for (int i = 0; i < queries + 1; i++) {
          qs.add(c.query());
        }
        vectorPart(v, database, "clustered vectors (" + clusters + " centres, "
            + SearchData.LATENT + "-dimensional spread within a cluster)", data, qs);
      }
      if (keyword && !keywordFirst) {
        keywordPart(v, database);
      }
    }
  }

  // ---- vectors -------------------------------------------------------------------------

  private void vectorPart(Connection v, Database database, String label, List<Batch> data,
      List<float[]> qs) throws Exception {
    line("## Vectors: " + label);
    line("");
    long t0 = System.nanoTime();
    exec(v, "CREATE TABLE vecs (id BIGINT, emb VECTOR(" + dim + "))");
    t0 = System.nanoTime();
    table(database, "vecs").append(data);
    double loadMs = ms(t0);
    double bytes = (double) rows * dim * Float.BYTES;
    double bandwidth = bandwidth(data, 1);
    double boundMs = bytes / bandwidth * 1000;
    int cores = Runtime.getRuntime().availableProcessors();
    double allCores = bandwidth(data, cores);
    double allCoresMs = bytes / allCores * 1000;
    line(String.format(Locale.ROOT, "%d x %d vectors stored in Velaria in %.0f ms"
        + " (%.0f MB). Sequential read bandwidth (float[] sum loop, median of 5): one thread"
        + " %.2f GB/s, so reading the vectors once takes %.1f ms; %d threads %.2f GB/s, %.1f ms.",
        rows, dim, loadMs, bytes / 1e6, bandwidth / 1e9, boundMs, cores, allCores / 1e9,
        allCoresMs));
    line("");

    // exact, Velaria (no index yet)
    List<Double> velariaExact = new ArrayList<>();
    List<List<Long>> exactIds = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      long s = System.nanoTime();
      List<Long> ids = ids(v, "SELECT id FROM vecs HYBRID SEARCH emb QUERY '"
          + SearchData.vectorLiteral(qs.get(i)) + "' METRIC cosine TOP_K 10");
      if (i > 0) { // the first query warms up
        velariaExact.add(ms(s));
        exactIds.add(ids);
      }
    }
    // exact, DuckDB, same data via Parquet
    List<Double> duckExact = new ArrayList<>();
    double duckLoadMs = Double.NaN;
    int agree = 0;
    if (duckdb) {
      try (Connection d = DriverManager.getConnection("jdbc:duckdb:")) {
        exec(d, "CREATE TABLE vecs (id BIGINT, emb FLOAT[" + dim + "])");
        t0 = System.nanoTime();
        try (org.duckdb.DuckDBAppender app = ((org.duckdb.DuckDBConnection) d)
            .createAppender("main", "vecs")) {
          for (Batch b : data) {
            FloatArrayColumn col = (FloatArrayColumn) b.column(1);
            for (int r = 0; r < b.rowCount(); r++) {
              app.beginRow().append(((io.velaria.engine.column.LongColumn) b.column(0))
                  .values()[r]).append(col.get(r)).endRow();
            }
          }
        }
        duckLoadMs = ms(t0);
        line(String.format(Locale.ROOT, "DuckDB got the same vectors through its appender in"
            + " %.0f ms.", duckLoadMs));
        line("");
        for (int i = 0; i < qs.size(); i++) {
          long s = System.nanoTime();
          List<Long> ids = ids(d, "SELECT id FROM vecs ORDER BY array_cosine_distance(emb, "
              + SearchData.vectorLiteral(qs.get(i)) + "::FLOAT[" + dim + "]), id LIMIT 10");
          if (i > 0) {
            duckExact.add(ms(s));
            agree += overlap(ids, exactIds.get(i - 1));
          }
        }
      }
    }
    line("| exact top-10, cosine | median ms/query | x bound (1 thread) | x bound (all cores) |");
    line("|---|---:|---:|---:|");
    line(String.format(Locale.ROOT, "| Velaria `HYBRID SEARCH` (exact scan, SQL end to end) | %.1f | %.1f | %.1f |",
        median(velariaExact), median(velariaExact) / boundMs, median(velariaExact) / allCoresMs));
    if (duckdb) {
      line(String.format(Locale.ROOT, "| DuckDB `ORDER BY array_cosine_distance LIMIT 10` | %.1f | %.1f | %.1f |",
          median(duckExact), median(duckExact) / boundMs, median(duckExact) / allCoresMs));
      line(String.format(Locale.ROOT, "| Velaria / DuckDB | %.2f | |",
          median(velariaExact) / median(duckExact)));
    }
    line("");
    if (duckdb) {
      line(String.format(Locale.ROOT, "Velaria's and DuckDB's exact top-10 rows agree on %d of %d.",
          agree, 10 * queries));
      line("");
    }
    if (hnsw) {
      String table = "vecs";
      List<List<Long>> truth = exactIds;
      if (hnswRows < rows) {
        // HNSW over the first hnswRows rows: its own table and exact answers
        table = "vecs_h";
        exec(v, "CREATE TABLE vecs_h (id BIGINT, emb VECTOR(" + dim + "))");
        List<Batch> part = new ArrayList<>();
        for (int from = 0, i = 0; from < hnswRows; from += data.get(i).rowCount(), i++) {
          Batch b = data.get(i);
          part.add(from + b.rowCount() <= hnswRows ? b : b.slice(0, hnswRows - from));
        }
        table(database, "vecs_h").append(part);
        truth = new ArrayList<>();
        for (int i = 1; i < qs.size(); i++) {
          truth.add(ids(v, "SELECT id FROM vecs_h HYBRID SEARCH emb QUERY '"
              + SearchData.vectorLiteral(qs.get(i)) + "' METRIC cosine TOP_K 10"));
        }
      }
      hnswPart(v, database, table, qs, truth);
    }
    exec(v, "DROP TABLE vecs");
    if (hnswRows < rows) {
      exec(v, "DROP TABLE vecs_h");
    }
    data.clear();
  }

  private void hnswPart(Connection v, Database database, String table, List<float[]> qs,
      List<List<Long>> exactIds) throws Exception {
    String extra = hnswWith.isBlank() ? "" : hnswWith + ", ";
    hnswIndex(v, database, table, qs, exactIds, hnswWith.isBlank() ? ""
        : " WITH (" + hnswWith + ")");
    if (int8) {
      hnswIndex(v, database, table, qs, exactIds, " WITH (" + extra + "quantization = 'int8')");
    }
  }

  /**
   * Builds the index, runs the queries through SQL (index default ef_search 100, engine
   * re-ranks the candidates exactly), then sweeps ef_search over the index itself.
   */
  private void hnswIndex(Connection v, Database database, String table, List<float[]> qs,
      List<List<Long>> exactIds, String with) throws Exception {
    CpuClock clock = CpuClock.start("HNSW" + with + " build");
    exec(v, "CREATE VECTOR INDEX vecs_hnsw ON " + table + "(emb) USING hnsw" + with);
    CpuClock.Reading build = clock.stop();
    double buildMs = build.wallMs();
    List<Double> sqlMs = new ArrayList<>();
    int found = 0;
    for (int i = 0; i < qs.size(); i++) {
      long s = System.nanoTime();
      List<Long> ids = ids(v, "SELECT id FROM " + table + " HYBRID SEARCH emb QUERY '"
          + SearchData.vectorLiteral(qs.get(i)) + "' METRIC cosine TOP_K 10");
      if (i > 0) {
        sqlMs.add(ms(s));
        found += overlap(ids, exactIds.get(i - 1));
      }
    }
    String plan = text(v, "EXPLAIN SELECT id FROM " + table + " HYBRID SEARCH emb QUERY '"
        + SearchData.vectorLiteral(qs.get(0)) + "' TOP_K 10");
    if (!plan.contains("hnsw index vecs_hnsw")) {
      throw new IllegalStateException("EXPLAIN does not show the index: " + plan);
    }
    int n = (int) table(database, table).rowCount();
    line(String.format(Locale.ROOT, "HNSW%s (Lucene; defaults m=16, ef_construction=100,"
        + " ef_search=100) over %d rows x %d: build %.1f s wall, %s (%d build threads, JVM %s).",
        with, n, dim,
        buildMs / 1000, build.describe(), io.velaria.search.index.HnswVectorIndex.buildThreads(),
        System.getProperty("java.version")));
    line("");
    line("| HNSW top-10, cosine | ef_search | median ms/query | recall@10 vs exact |");
    line("|---|---:|---:|---:|");
    line(String.format(Locale.ROOT, "| Velaria `HYBRID SEARCH` with the index (SQL end to end,"
        + " exact re-rank of the candidates) | 100 | %.1f | %.3f |", median(sqlMs),
        found / (10.0 * queries)));
    // per-query EF_SEARCH through SQL (candidates re-ranked exactly by the engine)
    for (int ef : EF_SEARCH) {
      List<Double> ms = new ArrayList<>();
      int hits = 0;
      for (int i = 0; i < qs.size(); i++) {
        long s = System.nanoTime();
        List<Long> ids = ids(v, "SELECT id FROM " + table + " HYBRID SEARCH emb QUERY '"
            + SearchData.vectorLiteral(qs.get(i)) + "' METRIC cosine TOP_K 10 EF_SEARCH " + ef);
        if (i > 0) {
          ms.add(ms(s));
          hits += overlap(ids, exactIds.get(i - 1));
        }
      }
      line(String.format(Locale.ROOT, "| Velaria `HYBRID SEARCH ... TOP_K 10 EF_SEARCH %d` (SQL"
          + " end to end) | %d | %.1f | %.3f |", ef, ef, median(ms), hits / (10.0 * queries)));
    }
    // the sweep: the index files opened directly, candidates re-scored, best 10 kept
    Path files = dir.resolve("velaria-db").resolve("search-indexes").resolve("vecs_hnsw");
    java.util.Properties props = new java.util.Properties();
    try (java.io.Reader r = Files.newBufferedReader(files.resolve("index.properties"))) {
      props.load(r);
    }
    Path gen = null;
    try (var list = Files.list(files)) {
      gen = list.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    io.velaria.search.index.HnswParams params = io.velaria.search.index.HnswParams.fromOptions(
        options(with));
    try (io.velaria.search.index.HnswVectorIndex index = io.velaria.search.index.HnswVectorIndex
        .open(org.apache.lucene.store.FSDirectory.open(gen), n, dim, params)) {
      for (int ef : EF_SEARCH) {
        List<Double> ms = new ArrayList<>();
        int hits = 0;
        for (int i = 0; i < qs.size(); i++) {
          long s = System.nanoTime();
          List<io.velaria.search.index.ScoredRow> r = index.search(qs.get(i), 10, ef, null);
          double took = ms(s);
          if (i > 0) {
            ms.add(took);
            List<Long> got = new ArrayList<>();
            for (io.velaria.search.index.ScoredRow row : r) {
              got.add((long) row.row()); // ordinals are ids (generated 0..n-1 in scan order)
            }
            hits += overlap(got, exactIds.get(i - 1));
          }
        }
        line(String.format(Locale.ROOT, "| the index alone (`HnswVectorIndex.search`) | %d |"
            + " %.2f | %.3f |", ef, median(ms), hits / (10.0 * queries)));
      }
    }
    line("");
    exec(v, "DROP INDEX vecs_hnsw");
  }

  /** " WITH (a = 1, b = 'x')" as a map (the bench's own option text: simple values only). */
  private static java.util.Map<String, String> options(String with) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    String t = with.trim();
    if (t.isEmpty()) {
      return out;
    }
    t = t.substring(t.indexOf('(') + 1, t.lastIndexOf(')'));
    for (String kv : t.split(",")) {
      String[] p = kv.split("=");
      out.put(p[0].trim(), p[1].trim().replace("'", ""));
    }
    return out;
  }

  // ---- keywords ------------------------------------------------------------------------

  private void keywordPart(Connection v, Database database) throws Exception {
    String[] vocabulary = SearchData.vocabulary(20_000, 5);
    long t0 = System.nanoTime();
    List<Batch> data = SearchData.documents(docs, vocabulary, 9);
    double genMs = ms(t0);
    exec(v, "CREATE TABLE docs (id BIGINT, body VARCHAR)");
    table(database, "docs").append(data);
    data.clear();
    SplittableRandom random = new SplittableRandom(3);
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < keywordQueries + 1; i++) {
      // a common and a rarer word
      qs.add(vocabulary[random.nextInt(50)] + " " + vocabulary[200 + random.nextInt(2000)]);
    }
    List<Double> transientMs = new ArrayList<>();
    List<List<Long>> transientIds = new ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      long s = System.nanoTime();
      List<Long> ids = ids(v, "SELECT id FROM docs KEYWORD SEARCH(body) QUERY '" + qs.get(i)
          + "' TOP_K 10");
      if (i > 0) {
        transientMs.add(ms(s));
        transientIds.add(ids);
      }
    }
    CpuClock clock = CpuClock.start("keyword index build");
    exec(v, "CREATE KEYWORD INDEX docs_kw ON docs(body)");
    CpuClock.Reading build = clock.stop();
    double buildMs = build.wallMs();
    List<Double> indexMs = new ArrayList<>();
    int same = 0;
    for (int i = 0; i < qs.size(); i++) {
      long s = System.nanoTime();
      List<Long> ids = ids(v, "SELECT id FROM docs KEYWORD SEARCH(body) QUERY '" + qs.get(i)
          + "' TOP_K 10");
      if (i > 0) {
        indexMs.add(ms(s));
        same += ids.equals(transientIds.get(i - 1)) ? 1 : 0;
      }
    }
    line(String.format(Locale.ROOT, "Keyword search over %d generated documents of 6-15 words"
        + " (20,000-word Zipf-like vocabulary, generated in %.0f ms); queries of one common and"
        + " one rarer word. Keyword index build: %.1f s wall, %s.", docs, genMs, buildMs / 1000,
        build.describe()));
    line("");
    line("| keyword top-10, BM25 | median ms/query |");
    line("|---|---:|");
    line(String.format(Locale.ROOT, "| Velaria `KEYWORD SEARCH`, transient BM25 (no index) | %.1f |",
        median(transientMs)));
    line(String.format(Locale.ROOT, "| Velaria `KEYWORD SEARCH` with `CREATE KEYWORD INDEX` | %.1f |",
        median(indexMs)));
    line("");
    line(String.format(Locale.ROOT, "With and without the index the top-10 rows were identical"
        + " for %d of %d queries.", same, keywordQueries));
    line("");
    exec(v, "DROP TABLE docs");
  }

  // ---- helpers -------------------------------------------------------------------------

  private static TableData table(Database database, String name) {
    return database.catalog().get("main", name).runtime(TableData.class);
  }

  /**
   * Bytes per second of summing the vectors' floats in order, {@code threads} threads each
   * over a contiguous share of the batches, median of 5 passes (after one warm-up).
   */
  private static double bandwidth(List<Batch> data, int threads) throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<Double> rates = new ArrayList<>();
      double sink = 0;
      long bytes = 0;
      for (Batch b : data) {
        bytes += (long) ((FloatArrayColumn) b.column(1)).values().length * Float.BYTES;
      }
      for (int pass = 0; pass < 6; pass++) {
        List<java.util.concurrent.Future<Double>> parts = new ArrayList<>();
        long s = System.nanoTime();
        for (int t = 0; t < threads; t++) {
          List<Batch> share = data.subList(data.size() * t / threads,
              data.size() * (t + 1) / threads);
          parts.add(pool.submit(() -> sum(share)));
        }
        for (java.util.concurrent.Future<Double> f : parts) {
          sink += f.get();
        }
        double seconds = (System.nanoTime() - s) / 1e9;
        if (pass > 0) {
          rates.add(bytes / seconds);
        }
      }
      if (sink == 42.4242) {
        System.out.println(sink); // keeps the loop from being removed
      }
      return median(rates);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The sum of the batches' vector floats (read once, in order). */
  private static double sum(List<Batch> data) {
    double sink = 0;
    for (Batch b : data) {
      float[] v = ((FloatArrayColumn) b.column(1)).values();
      // four independent sums so the loop is not bound by one chain of float additions
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int i = 0;
      for (; i + 3 < v.length; i += 4) {
        s0 += v[i];
        s1 += v[i + 1];
        s2 += v[i + 2];
        s3 += v[i + 3];
      }
      for (; i < v.length; i++) {
        s0 += v[i];
      }
      sink += s0 + s1 + s2 + s3;
    }
    return sink;
  }

  private static int overlap(List<Long> a, List<Long> b) {
    Set<Long> s = new HashSet<>(a);
    int n = 0;
    for (Long x : b) {
      n += s.contains(x) ? 1 : 0;
    }
    return n;
  }

  private static List<Long> ids(Connection c, String sql) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  private static String text(Connection c, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Prints a report line and rewrites the report file, so a run cut short keeps its results. */
  private void line(String text) {
    System.out.println(text);
    System.out.flush();
    report.add(text);
    if (out != null) {
      try {
        Files.write(out, report);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
