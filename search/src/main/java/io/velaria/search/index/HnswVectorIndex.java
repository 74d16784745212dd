package io.velaria.search.index;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.VectorMetric;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;

/**
 * An HNSW index over one VECTOR column, stored as a Lucene index ({@link KnnFloatVectorField},
 * Lucene99HnswVectorsFormat with the index's m and ef_construction). Lucene was chosen over
 * driving HnswGraphBuilder directly because it persists and memory-maps the graph and the
 * float vectors, merges in parallel, and does filtered kNN (falling back to an exact pass
 * over the filter when the filter is very selective) without code of ours.
 *
 * <p>Metric semantics: the graph is built for one {@link IndexMetric}; its Lucene similarity
 * only chooses candidates. Every candidate is scored again with the exact SPEC formula from
 * the float vectors stored in the index, and results are ordered by (exact score, row). For
 * cosine, zero vectors (score exactly 1, which Lucene cannot index) are kept out of the graph
 * and added back as score-1 candidates; a zero query vector (every row scores 1) is answered
 * without the graph.
 */
public final class HnswVectorIndex implements AutoCloseable {
  static final String VECTOR_FIELD = "v";
  static final String ZERO_FIELD = "zero";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final HnswParams params;
  private final int dimension;
  /** Rows whose vector is all zeros (cosine only): score 1, not in the graph. */
  private final FixedBitSet zeroRows;

  private HnswVectorIndex(Directory directory, DirectoryReader reader, HnswParams params,
      int dimension, FixedBitSet zeroRows) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.params = params;
    this.dimension = dimension;
    this.zeroRows = zeroRows;
  }

  /** What a build did. */
  public record BuildStats(long rows, long vectors) {}

  /**
   * Writes an index of the vectors in column {@code column} of {@code batches} (all of the
   * table's rows, in scan order) into the empty directory {@code dir}.
   *
   * <p>Why it is built this way (HNSW insertion dominates and is CPU-bound):
   * <ul>
   *   <li>Several indexing threads: Lucene gives each concurrently indexing thread its own
   *       in-memory segment with its own graph, so the graphs grow in parallel; the RAM buffer
   *       is large so each thread's segment is flushed once, at the end.</li>
   *   <li>The final merge to one segment uses Lucene's concurrent HNSW merge (several merge
   *       workers): it starts from the largest segment's graph and inserts the other
   *       segments' vectors in parallel.</li>
   *   <li>Cosine: vectors are stored normalized to unit length under Lucene's DOT_PRODUCT,
   *       which orders exactly like COSINE but costs one product per component instead of
   *       three (about 2.4x faster without the Panama vector API, i.e. on JDK 17).</li>
   * </ul>
   */
  public static BuildStats build(Directory dir, Iterator<Batch> batches, int column,
      int dimension, HnswParams params) {
    int threads = buildThreads();
    ExecutorService mergers = Executors.newFixedThreadPool(threads, daemon("velaria-hnsw-merge"));
    ExecutorService indexers = Executors.newFixedThreadPool(threads, daemon("velaria-hnsw-build"));
    // Lucene refuses a merge executor with one merge worker
    ExecutorService mergeExec = threads == 1 ? null : mergers;
    KnnVectorsFormat format = params.int8()
        ? new Lucene99HnswScalarQuantizedVectorsFormat(params.m(), params.efConstruction(),
            threads, 7, false, null, mergeExec)
        : new Lucene99HnswVectorsFormat(params.m(), params.efConstruction(), threads, mergeExec);
    Lucene912Codec codec = new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
    AtomicLong vectors = new AtomicLong();
    long rows;
    try (IndexWriter writer = new IndexWriter(dir,
        LuceneIndexFiles.writerConfig(null, codec, ramBufferMb()))) {
      try {
        rows = addAll(writer, batches, column, dimension, params.metric(), indexers, vectors);
      } catch (RuntimeException e) {
        stop(indexers); // no thread may still be adding when the writer closes
        throw e;
      }
      LuceneIndexFiles.finish(writer);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot build vector index: " + e, e);
    } finally {
      indexers.shutdownNow();
      mergers.shutdownNow();
    }
    return new BuildStats(rows, vectors.get());
  }

  /** Hands the batches to the indexing threads; returns the row count when all are indexed. */
  private static long addAll(IndexWriter writer, Iterator<Batch> batches, int column,
      int dimension, VectorMetric metric, ExecutorService indexers, AtomicLong vectors) {
    int threads = buildThreads();
    long row = 0;
    // at most two batches per thread waiting: external tables' batches are read fresh
    Semaphore inFlight = new Semaphore(2 * threads);
    List<Future<?>> pending = new ArrayList<>();
    while (batches.hasNext()) {
      Batch batch = batches.next();
      Column col = batch.column(column);
      float[] values = col instanceof FloatArrayColumn ? ((FloatArrayColumn) col).values()
          : null;
      if (values == null && batch.rowCount() > 0) {
        for (int i = 0; i < batch.rowCount(); i++) {
          if (!col.isNull(i)) {
            throw new VelariaException(SqlStates.DATATYPE_MISMATCH,
                "vector index column is not a VECTOR column (row " + (row + i + 1) + ")");
          }
        }
      }
      long first = row;
      int n = batch.rowCount();
      row += n;
      inFlight.acquireUninterruptibly();
      pending.add(indexers.submit(() -> {
        try {
          vectors.addAndGet(addBatch(writer, col, values, first, n, dimension, metric));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          inFlight.release();
        }
        return null;
      }));
      failFast(pending);
    }
    for (Future<?> f : pending) {
      waitFor(f);
    }
    return row;
  }

  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds one batch's rows (ordinals from {@code first}); returns how many vectors it indexed. */
  private static long addBatch(IndexWriter writer, Column col, float[] values, long first,
      int n, int dimension, VectorMetric metric) throws IOException {
    long vectors = 0;
    for (int i = 0; i < n; i++) {
      long row = first + i;
      Document doc = LuceneIndexFiles.rowDocument(row);
      if (!col.isNull(i)) {
        float[] v = Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
        checkFinite(v, row);
        if (metric == VectorMetric.COSINE && isZero(v)) {
          doc.add(new NumericDocValuesField(ZERO_FIELD, 1));
        } else {
          if (metric == VectorMetric.COSINE) {
            normalize(v);
          }
          doc.add(new KnnFloatVectorField(VECTOR_FIELD, v, HnswMetrics.lucene(metric)));
          vectors++;
        }
      }
      writer.addDocument(doc);
    }
    return vectors;
  }

  /**
   * Threads for building: the cores, at most 4 (the machine is shared with the queries), or
   * the system property {@code velaria.hnsw.threads}. One thread builds one graph and skips
   * the final merge (which re-inserts the smaller segments' vectors): less CPU in all, so the
   * better choice when the process gets about one core anyway.
   */
  public static int buildThreads() {
    int cores = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    return Math.max(1, Integer.getInteger("velaria.hnsw.threads", cores));
  }

  /** A quarter of the heap, at most 3.8 GB: large enough that segments flush once. */
  private static double ramBufferMb() {
    double quarter = Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20);
    return Math.max(64, Math.min(3800, quarter));
  }

  private static void failFast(List<Future<?>> pending) {
    for (Future<?> f : pending) {
      if (f.isDone()) {
        waitFor(f);
      }
    }
    pending.removeIf(Future::isDone);
  }

  private static void waitFor(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VelariaException(SqlStates.QUERY_CANCELED, "vector index build interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException) {
        c = c.getCause();
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new VelariaException(SqlStates.IO_ERROR, "cannot build vector index: " + c, c);
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Scales {@code v} (not all zero) to unit length, computing the norm in double. */
  static void normalize(float[] v) {
    double sum = 0;
    for (float f : v) {
      sum += (double) f * f;
    }
    double inv = 1 / Math.sqrt(sum);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] * inv);
    }
  }

  /** Opens an index built by {@link #build} over {@code rows} rows; takes over {@code dir}. */
  public static HnswVectorIndex open(Directory dir, long rows, int dimension, HnswParams params)
      throws IOException {
    DirectoryReader reader = LuceneIndexFiles.open(dir, rows);
    FixedBitSet zero = new FixedBitSet(Math.max(1, reader.maxDoc()));
    if (reader.maxDoc() > 0) {
      NumericDocValues flags = reader.leaves().get(0).reader().getNumericDocValues(ZERO_FIELD);
      if (flags != null) {
        for (int d = flags.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = flags.nextDoc()) {
          zero.set(d);
        }
      }
    }
    return new HnswVectorIndex(dir, reader, params, dimension, zero);
  }

  public HnswParams params() {
    return params;
  }

  public int dimension() {
    return dimension;
  }

  public int rows() {
    return reader.maxDoc();
  }

  /**
   * The best {@code k} rows for {@code query} among the rows {@code accept} allows (null: all
   * rows), best first, with exact scores.
   */
  public List<ScoredRow> search(float[] query, int k, IntPredicate accept) {
    return search(query, k, params.efSearch(), accept);
  }

  /**
   * {@link #search(float[], int, IntPredicate)} asking the graph for max(k, efSearch)
   * candidates instead of the index's own ef_search.
   */
  public List<ScoredRow> search(float[] query, int k, int efSearch, IntPredicate accept) {
    if (query.length != dimension) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "query vector has "
          + query.length + " dimensions, the index has " + dimension);
    }
    for (float f : query) {
      if (!Float.isFinite(f)) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION,
            "query vector has a non-finite value: " + f);
      }
    }
    int n = reader.maxDoc();
    if (n == 0 || k <= 0) {
      return List.of();
    }
    FixedBitSet filter = accept == null ? null : toBits(accept, n);
    if (params.metric() == VectorMetric.COSINE && isZero(query)) {
      return firstNonNullRows(k, filter);
    }
    int candidates = Math.max(k, efSearch);
    List<ScoredRow> hits = new ArrayList<>();
    float[] graphQuery = query;
    if (params.metric() == VectorMetric.COSINE) {
      graphQuery = query.clone(); // the graph holds unit vectors (DOT_PRODUCT)
      normalize(graphQuery);
    }
    try {
      KnnFloatVectorQuery q = filter == null
          ? new KnnFloatVectorQuery(VECTOR_FIELD, graphQuery, candidates)
          : new KnnFloatVectorQuery(VECTOR_FIELD, graphQuery, candidates,
              new RowFilterQuery(filter));
      TopDocs top = searcher.search(q, candidates);
      int[] docs = new int[top.scoreDocs.length];
      int i = 0;
      for (ScoreDoc sd : top.scoreDocs) {
        docs[i++] = sd.doc;
      }
      Arrays.sort(docs);
      rescore(query, docs, hits);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read vector index: " + e, e);
    }
    addZeroRows(k, filter, hits);
    VectorMetric metric = params.metric();
    Comparator<ScoredRow> best = (a, b) -> HnswMetrics.compare(metric, a.score(), b.score());
    hits.sort(best.thenComparingInt(ScoredRow::row));
    return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
  }

  /**
   * Scores of the candidate documents (ascending ids) by the exact formula, from the vectors
   * stored in the index: exact for l2 and dot; for cosine the stored vectors are normalized,
   * which changes the score only by float rounding (the engine re-scores from the table).
   */
  private void rescore(float[] query, int[] docs, List<ScoredRow> out) throws IOException {
    LeafReader leaf = reader.leaves().get(0).reader();
    FloatVectorValues values = leaf.getFloatVectorValues(VECTOR_FIELD);
    if (values == null) {
      return;
    }
    for (int doc : docs) {
      if (values.docID() < doc) {
        values.advance(doc);
      }
      if (values.docID() == doc) {
        out.add(new ScoredRow(doc, HnswMetrics.score(params.metric(), query, values.vectorValue(), 0)));
      }
    }
  }

  /**
   * A zero query vector under cosine: every non-null row scores exactly 1, so the answer is
   * the first k accepted rows that have a vector (which the graph cannot find: no direction).
   */
  private List<ScoredRow> firstNonNullRows(int k, FixedBitSet filter) {
    List<ScoredRow> out = new ArrayList<>();
    try {
      FloatVectorValues values = reader.leaves().get(0).reader().getFloatVectorValues(VECTOR_FIELD);
      int next = values == null ? DocIdSetIterator.NO_MORE_DOCS : values.nextDoc();
      for (int r = 0; r < reader.maxDoc() && out.size() < k; r++) {
        while (next < r) {
          next = values.nextDoc();
        }
        boolean hasVector = next == r || zeroRows.get(r);
        if (hasVector && (filter == null || filter.get(r))) {
          out.add(new ScoredRow(r, 1.0));
        }
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read vector index: " + e, e);
    }
    return out;
  }

  /** Cosine zero vectors score exactly 1: the first k allowed ones compete with the graph's. */
  private void addZeroRows(int k, FixedBitSet filter, List<ScoredRow> hits) {
    int added = 0;
    int n = reader.maxDoc();
    for (int r = zeroRows.nextSetBit(0); r < n && r != DocIdSetIterator.NO_MORE_DOCS
        && added < k; r = r + 1 < zeroRows.length() ? zeroRows.nextSetBit(r + 1)
            : DocIdSetIterator.NO_MORE_DOCS) {
      if (filter == null || filter.get(r)) {
        hits.add(new ScoredRow(r, 1.0));
        added++;
      }
    }
  }

  /** The accepted rows as a bit set over document ids (which are row ordinals). */
  static FixedBitSet toBits(IntPredicate accept, int n) {
    FixedBitSet bits = new FixedBitSet(n);
    for (int r = 0; r < n; r++) {
      if (accept.test(r)) {
        bits.set(r);
      }
    }
    return bits;
  }

  /** {@link #search} in the SPI's form. */
  static ScoredRows toScoredRows(List<ScoredRow> hits) {
    int[] rows = new int[hits.size()];
    double[] scores = new double[hits.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = hits.get(i).row();
      scores[i] = hits.get(i).score();
    }
    return new ScoredRows(rows, scores);
  }

  private static boolean isZero(float[] v) {
    for (float f : v) {
      if (f != 0f) {
        return false;
      }
    }
    return true;
  }

  private static void checkFinite(float[] v, long row) {
    for (float f : v) {
      if (!Float.isFinite(f)) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION,
            "row " + (row + 1) + " has a non-finite vector value: cannot index it");
      }
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      // nothing is written through this handle; the files stay valid
    }
  }
}
