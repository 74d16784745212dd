package io.velaria.jdbc.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EF_SEARCH n} reaches the HNSW index: on hard data (uniform random 48-dimensional
 * vectors) and a deliberately weak index (m=4, ef_construction=8, ef_search=10) the default
 * answers miss some true neighbours, while {@code EF_SEARCH} as large as the table makes the
 * graph search collect every row, so the answers (re-ranked exactly) equal the true top 10
 * computed here in Java, in order; the table-function form's ef_search argument does the same.
 */
class EfSearchTest {
  @TempDir Path dir;

  private static final int ROWS = 2000;
  private static final int DIM = 48;
  private static final int QUERIES = 20;

  @Test
  void efSearchRaisesRecallToTheExactAnswer() throws Exception {
    Random random = new Random(11);
    float[][] data = new float[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      data[i] = randomVector(random);
    }
    try (Connection c = DriverManager.getConnection("jdbc:velaria:" + dir.resolve("db"))) {
      exec(c, "CREATE TABLE vecs (id INT, emb VECTOR(" + DIM + "))");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO vecs VALUES (?, ?)")) {
        for (int i = 0; i < ROWS; i++) {
          p.setInt(1, i);
          p.setObject(2, data[i]);
          p.addBatch();
        }
        p.executeBatch();
      }
      exec(c, "CREATE VECTOR INDEX vecs_hnsw ON vecs(emb) USING hnsw"
          + " WITH (m = 4, ef_construction = 8, ef_search = 10)");
      int defaultHits = 0;
      for (int q = 0; q < QUERIES; q++) {
        float[] query = randomVector(random);
        List<Integer> truth = exactTop10(data, query);
        String search = "SELECT id FROM vecs HYBRID SEARCH emb QUERY '" + literal(query)
            + "' METRIC cosine TOP_K 10";
        List<Integer> byDefault = ids(c, search);
        defaultHits += (int) byDefault.stream().filter(truth::contains).count();
        assertEquals(truth, ids(c, search + " EF_SEARCH " + ROWS), "query " + q);
        assertEquals(truth, ids(c, "SELECT id FROM TABLE(vector_search(TABLE vecs,"
            + " DESCRIPTOR(emb), '" + literal(query) + "', 'cosine', 10, NULL, " + ROWS + "))"),
            "query " + q + ", table function");
      }
      // the weak index's own ef_search misses neighbours: EF_SEARCH changed the answers
      assertTrue(defaultHits < 10 * QUERIES, "default recall " + defaultHits);
    }
  }

  private static float[] randomVector(Random random) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = random.nextFloat() * 2 - 1;
    }
    return v;
  }

  /** The 10 rows of smallest cosine distance (ties to the lower id), computed in double. */
  private static List<Integer> exactTop10(float[][] data, float[] q) {
    double[] dist = new double[data.length];
    for (int i = 0; i < data.length; i++) {
      double dot = 0;
      double nq = 0;
      double nv = 0;
      for (int d = 0; d < DIM; d++) {
        dot += (double) q[d] * data[i][d];
        nq += (double) q[d] * q[d];
        nv += (double) data[i][d] * data[i][d];
      }
      dist[i] = 1 - dot / Math.sqrt(nq * nv);
    }
    return IntStream.range(0, data.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> dist[i]).thenComparing(i -> i))
        .limit(10).toList();
  }

  private static String literal(float[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : " ").append(v[i]);
    }
    return b.append(']').toString();
  }

  private static List<Integer> ids(Connection c, String sql) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
