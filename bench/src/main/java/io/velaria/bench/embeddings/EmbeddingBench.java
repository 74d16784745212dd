package io.velaria.bench.embeddings;

import io.velaria.engine.embed.EmbeddingProviders;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Embedding costs through jdbc:velaria: with all-MiniLM-L6-v2: model load, batch embedding
 * throughput (CREATE EMBEDDING INDEX, rows/s), query-embedding latency ({@code SELECT EMBED(?)})
 * and end-to-end {@code HYBRID SEARCH ... QUERY TEXT} latency over {@code --docs} rows, next to
 * the same search with a literal query vector (the difference is the query's embedding).
 *
 * <p>Embedding {@code --docs} rows on a small machine takes long (tens of rows/s per core), so
 * only {@code --embed} distinct documents are embedded; the index table is then filled to
 * {@code --docs} rows by copying them. The exact scan reads every row's 384 floats whatever
 * their values, so the search latency is that of {@code --docs} distinct documents; the build
 * time for {@code --docs} is extrapolated from the measured rate and reported as such.
 *
 * <p>Usage: {@code EmbeddingBench [--docs 100000] [--embed 2000] [--queries 15]}.
 */
public final class EmbeddingBench {
  private static final String[] SUBJECTS = {"payment page", "checkout", "refund queue",
      "login form", "password reset mail", "mobile app", "search box", "invoice export",
      "shipping tracker", "order history", "card form", "coupon code", "account settings",
      "notification email", "support chat"};
  private static final String[] PROBLEMS = {"times out", "hangs", "is delayed", "crashes",
      "shows an error", "is very slow", "never arrives", "loses data", "fails for some users",
      "returns the wrong total", "freezes on mobile", "rejects valid input"};
  private static final String[] CONTEXTS = {"since the last release", "during peak hours",
      "for customers in Europe", "on older phones", "after the database migration",
      "when paying by card", "on the first attempt", "for large orders", "in the new design",
      "at night"};
  private static final String[] QUERIES = {"payment page times out", "customers cannot pay",
      "money back takes too long", "cannot sign in", "app closes on start",
      "order total is wrong", "emails are not delivered", "website is slow at lunch time"};

  private EmbeddingBench() {}

  public static void main(String[] args) throws SQLException {
    int docs = 100_000;
    int embed = 2_000;
    int queries = 15;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--docs": docs = Integer.parseInt(args[i + 1]); break;
        case "--embed": embed = Integer.parseInt(args[i + 1]); break;
        case "--queries": queries = Integer.parseInt(args[i + 1]); break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    embed = Math.min(embed, docs);
    System.out.printf(Locale.ROOT, "cores %d, heap %d MB, docs %,d, embedded %,d, queries %d%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        docs, embed, queries);
    try (Connection c = DriverManager.getConnection("jdbc:velaria:");
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      try (ResultSet rs = s.executeQuery("SELECT EMBED('load the model')")) {
        rs.next();
      }
      System.out.printf(Locale.ROOT, "model load + first query: %.1f s (%s)%n",
          (System.nanoTime() - t0) / 1e9,
          EmbeddingProviders.find(EmbeddingProviders.MINILM).loadReport());

      s.execute("CREATE TABLE docs (id INT, title VARCHAR, body VARCHAR)");
      Random rnd = new Random(42);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
        for (int i = 0; i < embed; i++) {
          String subject = SUBJECTS[rnd.nextInt(SUBJECTS.length)];
          p.setInt(1, i);
          p.setString(2, subject + " " + PROBLEMS[rnd.nextInt(PROBLEMS.length)]);
          p.setString(3, "The " + subject + " " + PROBLEMS[rnd.nextInt(PROBLEMS.length)] + " "
              + CONTEXTS[rnd.nextInt(CONTEXTS.length)] + " (ticket " + i + ")");
          p.addBatch();
        }
        p.executeBatch();
      }

      // batch embedding: one model call per 4096-row batch
      long b0 = System.nanoTime();
      s.executeUpdate("CREATE EMBEDDING INDEX docs_emb ON docs(title, body)");
      double buildSecs = (System.nanoTime() - b0) / 1e9;
      double rate = embed / buildSecs;
      System.out.printf(Locale.ROOT, "batch embedding (CREATE EMBEDDING INDEX, %,d rows):"
          + " %.1f s, %.1f rows/s; %,d rows would take ~%.0f min at this rate%n", embed,
          buildSecs, rate, docs, docs / rate / 60);
      long h0 = System.nanoTime();
      s.executeUpdate("CREATE TABLE hashed AS SELECT id, EMBED(title || ' ' || body, 'hash')"
          + " AS v FROM docs");
      System.out.printf(Locale.ROOT, "hashing model, same rows: %.0f rows/s%n",
          embed / ((System.nanoTime() - h0) / 1e9));

      // query embedding: one text per call, as a search does
      double[] q = new double[queries];
      try (PreparedStatement p = c.prepareStatement("SELECT EMBED(?)")) {
        for (int i = -3; i < queries; i++) {
          p.setString(1, QUERIES[Math.floorMod(i, QUERIES.length)] + " " + i);
          long a = System.nanoTime();
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            rs.getObject(1, float[].class);
          }
          if (i >= 0) {
            q[i] = (System.nanoTime() - a) / 1e6;
          }
        }
      }
      System.out.printf(Locale.ROOT, "query embedding latency (SELECT EMBED(?)): median %.1f ms,"
          + " min %.1f ms%n", median(q), Arrays.stream(q).min().orElse(0));

      // fill the index table to --docs rows with copies of the embedded rows
      int copies = (docs + embed - 1) / embed;
      s.execute("CREATE TABLE k (x INT)");
      StringBuilder values = new StringBuilder();
      for (int i = 1; i < copies; i++) {
        values.append(i == 1 ? "" : ", ").append('(').append(i).append(')');
      }
      if (copies > 1) {
        s.execute("INSERT INTO k VALUES " + values);
        s.execute("INSERT INTO docs_emb SELECT d.id + k.x * " + embed + ", d.title, d.body,"
            + " d.embedding FROM docs_emb d, k WHERE d.id + k.x * " + embed + " < " + docs);
      }
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM docs_emb")) {
        rs.next();
        rows = rs.getLong(1);
      }
      float[] vector;
      try (ResultSet rs = s.executeQuery("SELECT EMBED('" + QUERIES[0] + "')")) {
        rs.next();
        vector = rs.getObject(1, float[].class);
      }
      StringBuilder lit = new StringBuilder("[");
      for (float f : vector) {
        lit.append(lit.length() == 1 ? "" : " ").append(f);
      }
      lit.append(']');
      double[] text = new double[queries];
      double[] literal = new double[queries];
      for (int i = -2; i < queries; i++) {
        String qt = QUERIES[Math.floorMod(i, QUERIES.length)].replace("'", "''") + " " + i;
        double a = time(s, "SELECT id, vector_score FROM docs_emb HYBRID SEARCH embedding"
            + " QUERY TEXT '" + qt + "' TOP_K 10");
        double b = time(s, "SELECT id, vector_score FROM docs_emb HYBRID SEARCH embedding"
            + " QUERY '" + lit + "' TOP_K 10");
        if (i >= 0) {
          text[i] = a;
          literal[i] = b;
        }
      }
      System.out.printf(Locale.ROOT, "end-to-end text hybrid search, %,d rows, TOP_K 10:"
          + " median %.1f ms (min %.1f); same search with a literal vector: median %.1f ms"
          + " (min %.1f)%n", rows, median(text), Arrays.stream(text).min().orElse(0),
          median(literal), Arrays.stream(literal).min().orElse(0));
    }
  }

  private static double time(Statement s, String sql) throws SQLException {
    long a = System.nanoTime();
    int n = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        n += rs.getInt(1) >= 0 ? 1 : 0;
      }
    }
    if (n != 10) {
      throw new IllegalStateException("expected 10 rows, got " + n + ": " + sql);
    }
    return (System.nanoTime() - a) / 1e6;
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c.length == 0 ? 0 : c[c.length / 2];
  }
}
