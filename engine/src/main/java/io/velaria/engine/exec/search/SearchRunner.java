package io.velaria.engine.exec.search;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.plan.SearchSpec;
import io.velaria.engine.spi.search.KeywordIndex;
import io.velaria.engine.spi.search.KeywordRanker;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchServices;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link SearchSpec} over all candidate rows at once (SPEC 2.4's rules): which rows
 * survive, in which order, with which scores. Knows nothing of operators or plans.
 */
public final class SearchRunner {
  private final SearchSpec spec;
  private final KeywordIndex keywordIndex;
  private final VectorIndex vectorIndex;
  private final ExecContext ctx;
  private int rowCount;
  private boolean[] accept;
  private int[] acceptedRows;

  public SearchRunner(SearchSpec spec, KeywordIndex keywordIndex, VectorIndex vectorIndex,
      ExecContext ctx) {
    this.spec = spec;
    this.keywordIndex = keywordIndex;
    this.vectorIndex = vectorIndex;
    this.ctx = ctx;
  }

  /**
   * The kept rows (positions in {@code rows}), best first, and their scores; a score is NaN
   * where a fused result has no score of that kind.
   */
  public record Result(int[] rows, double[] keywordScores, double[] vectorScores,
      double[] fusionScores) {}

  /**
   * @param rows the input rows; when an index answers, only the rows it returns are fetched
   * @param accept null when every row is a candidate; else which rows are (rows passing WHERE
   *     when an index answers over all the table's rows)
   */
  public Result run(CandidateRows rows, boolean[] accept) {
    this.rowCount = rows.rowCount();
    this.accept = accept;
    this.acceptedRows = accept == null ? null : positions(accept);
    SearchSpec.Keyword kw = spec.keyword();
    SearchSpec.Vector vec = spec.vector();
    if (vec == null) {
      ScoredRows k = keyword(rows, kw);
      return new Result(rowsOf(k), scoresOf(k), null, null);
    }
    if (kw == null) {
      ScoredRows v = threshold(vector(rows, vec), vec);
      return new Result(rowsOf(v), null, scoresOf(v), null);
    }
    ScoredRows k = keyword(rows, kw);
    if (spec.rrf()) {
      return fuse(k, vector(rows, vec), vec.topK());
    }
    // hybrid: vector ranking of the keyword candidates
    int[] candidates = rowsOf(k);
    Map<Integer, Double> keywordScore = new HashMap<>();
    for (int i = 0; i < k.size(); i++) {
      keywordScore.put(k.row(i), k.score(i));
    }
    Arrays.sort(candidates);
    ScoredRows v = threshold(exactOver(rows, candidates, vec, vec.topK()), vec);
    double[] kwScores = new double[v.size()];
    for (int i = 0; i < v.size(); i++) {
      kwScores[i] = keywordScore.get(v.row(i));
    }
    return new Result(rowsOf(v), kwScores, scoresOf(v), null);
  }

  private ScoredRows keyword(CandidateRows input, SearchSpec.Keyword kw) {
    if (keywordIndex != null) {
      return checked(keywordIndex.search(kw.query(), kw.topK(), acceptPredicate()),
          keywordIndex.explain());
    }
    KeywordRanker ranker = SearchServices.keywordRanker().orElseThrow(() ->
        new VelariaException(SqlStates.NOT_SUPPORTED_YET,
            "keyword search needs the velaria-search module on the class path"));
    Batch rows = input.all();
    if (acceptedRows == null) {
      return ranker.rank(documents(rows, kw.columns()), kw.query(), kw.analyzer(), kw.topK());
    }
    Batch candidates = rows.select(acceptedRows, acceptedRows.length);
    ScoredRows r = ranker.rank(documents(candidates, kw.columns()), kw.query(), kw.analyzer(),
        kw.topK());
    int[] mapped = new int[r.size()];
    double[] scores = new double[r.size()];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = acceptedRows[r.row(i)];
      scores[i] = r.score(i);
    }
    return new ScoredRows(mapped, scores);
  }

  private java.util.function.IntPredicate acceptPredicate() {
    boolean[] a = accept;
    return a == null ? null : row -> row >= 0 && row < a.length && a[row];
  }

  /** An index answering rows the table does not have is stale: say so, do not crash. */
  private ScoredRows checked(ScoredRows r, String index) {
    for (int i = 0; i < r.size(); i++) {
      if (r.row(i) < 0 || r.row(i) >= rowCount
          || (accept != null && !accept[r.row(i)])) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION, index + " returned row "
            + r.row(i) + ", which the table does not have (or WHERE excludes): the index is"
            + " stale; rebuild it");
      }
    }
    return r;
  }

  private static int[] positions(boolean[] mask) {
    int n = 0;
    for (boolean b : mask) {
      n += b ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** Each row's searched columns joined by a space, NULLs left out: one document per row. */
  static List<String> documents(Batch rows, int[] columns) {
    int n = rows.rowCount();
    String[] docs = new String[n];
    StringColumn[] cols = new StringColumn[columns.length];
    for (int c = 0; c < columns.length; c++) {
      cols[c] = (StringColumn) rows.column(columns[c]);
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < n; r++) {
      if (cols.length == 1) {
        docs[r] = cols[0].isNull(r) ? null : cols[0].get(r);
        continue;
      }
      sb.setLength(0);
      for (StringColumn col : cols) {
        if (!col.isNull(r)) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(col.get(r));
        }
      }
      docs[r] = sb.toString();
    }
    return Arrays.asList(docs);
  }

  private static FloatArrayColumn vectorColumn(Batch rows, SearchSpec.Vector vec) {
    Column c = rows.column(vec.column());
    if (!(c instanceof FloatArrayColumn)) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
          "column " + vec.columnName() + " does not hold vectors");
    }
    return (FloatArrayColumn) c;
  }

  private ScoredRows vector(CandidateRows rows, SearchSpec.Vector vec) {
    if (vectorIndex == null && acceptedRows == null) {
      // every row: scanned in the batches it came in, no copy of the table
      List<FloatArrayColumn> parts = new ArrayList<>();
      for (Batch b : rows.batches()) {
        Column c = b.column(vec.column());
        if (!(c instanceof FloatArrayColumn)) {
          parts = null; // some other representation: the concatenated batch below
          break;
        }
        parts.add((FloatArrayColumn) c);
      }
      if (parts != null) {
        return ExactVectorScan.search(parts, vec.query(), vec.metric(), vec.topK(), ctx);
      }
    }
    if (vectorIndex == null) {
      return ExactVectorScan.search(vectorColumn(rows.all(), vec), vec.query(), vec.metric(),
          vec.topK(), acceptedRows, ctx);
    }
    ScoredRows found = checked(vectorIndex.search(vec.query(), vec.metric(), vec.topK(),
        vec.efSearch(), acceptPredicate()), vectorIndex.explain());
    if (!vectorIndex.engineReranks()) {
      return found;
    }
    int[] candidates = rowsOf(found);
    Arrays.sort(candidates);
    return exactOver(rows, candidates, vec, vec.topK());
  }

  /**
   * The exact ranking of a few rows (ascending ordinals): fetches only those rows, scores
   * them with the exact scan's formula and keeps the best {@code topK}, ties to the earlier
   * row; answers ordinals.
   */
  private ScoredRows exactOver(CandidateRows rows, int[] ordinals, SearchSpec.Vector vec,
      int topK) {
    Batch fetched = rows.select(ordinals);
    ScoredRows r = ExactVectorScan.search(vectorColumn(fetched, vec), vec.query(), vec.metric(),
        topK, null, ctx);
    int[] mapped = new int[r.size()];
    double[] scores = new double[r.size()];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = ordinals[r.row(i)];
      scores[i] = r.score(i);
    }
    return new ScoredRows(mapped, scores);
  }

  /** SCORE_THRESHOLD, applied after top-k: {@code <=} for distances, {@code >=} for dot. */
  private static ScoredRows threshold(ScoredRows r, SearchSpec.Vector vec) {
    if (vec.threshold() == null) {
      return r;
    }
    double t = vec.threshold();
    boolean higher = vec.metric() == VectorMetric.DOT;
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      if (higher ? r.score(i) >= t : r.score(i) <= t) {
        keep.add(i);
      }
    }
    int[] rows = new int[keep.size()];
    double[] scores = new double[keep.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = r.row(keep.get(i));
      scores[i] = r.score(keep.get(i));
    }
    return new ScoredRows(rows, scores);
  }

  /**
   * Reciprocal-rank fusion: each row scores the sum over the rankings it appears in of
   * 1 / (60 + rank), ranks counted from 1; best {@code topK} by that score, ties to the
   * earlier row.
   */
  static Result fuse(ScoredRows keyword, ScoredRows vector, int topK) {
    Map<Integer, double[]> byRow = new HashMap<>();
    for (int i = 0; i < keyword.size(); i++) {
      double[] s = byRow.computeIfAbsent(keyword.row(i), r -> new double[] {Double.NaN,
          Double.NaN, 0});
      s[0] = keyword.score(i);
      s[2] += 1.0 / (SearchSpec.RRF_K + i + 1);
    }
    for (int i = 0; i < vector.size(); i++) {
      double[] s = byRow.computeIfAbsent(vector.row(i), r -> new double[] {Double.NaN,
          Double.NaN, 0});
      s[1] = vector.score(i);
      s[2] += 1.0 / (SearchSpec.RRF_K + i + 1);
    }
    TopK top = new TopK(topK, true);
    int[] rowIds = byRow.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    for (int row : rowIds) {
      top.offer(row, byRow.get(row)[2]);
    }
    int n = top.size();
    int[] rows = new int[n];
    double[] fusion = new double[n];
    top.drain(rows, fusion);
    double[] kw = new double[n];
    double[] vec = new double[n];
    for (int i = 0; i < n; i++) {
      double[] s = byRow.get(rows[i]);
      kw[i] = s[0];
      vec[i] = s[1];
    }
    return new Result(rows, kw, vec, fusion);
  }

  private static int[] rowsOf(ScoredRows r) {
    int[] out = new int[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.row(i);
    }
    return out;
  }

  private static double[] scoresOf(ScoredRows r) {
    double[] out = new double[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.score(i);
    }
    return out;
  }
}
