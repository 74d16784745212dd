package io.velaria.search.index;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import io.velaria.search.keyword.TextAnalyzers;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.util.BytesRef;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * A persistent BM25 index (k1 1.2, b 0.75) over one or more text columns: each row is one
 * Lucene document whose {@code text} field holds the row's non-null values of the indexed
 * columns, so the listed columns are scored as one document. A query is analyzed with the
 * index's analyzer and becomes a disjunction of its terms; hits are ordered by score, ties to
 * the earlier row (Lucene breaks ties by document id, which is the row ordinal here).
 */
public final class Bm25KeywordIndex implements AutoCloseable {
  static final String TEXT_FIELD = "text";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final String analyzerName;
  private final Analyzer analyzer;

  private Bm25KeywordIndex(Directory directory, DirectoryReader reader, String analyzerName) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new ExactBm25Similarity());
    this.analyzerName = analyzerName;
    this.analyzer = TextAnalyzers.create(analyzerName);
  }

  /**
   * Writes an index of the columns {@code columns} of {@code batches} (all of the table's rows,
   * in scan order) into the empty directory {@code dir}; returns the number of rows.
   */
  public static long build(Directory dir, Iterator<Batch> batches, int[] columns,
      String analyzerName) {
    long row = 0;
    try (Analyzer analyzer = TextAnalyzers.create(analyzerName)) {
      IndexWriterConfig config = LuceneIndexFiles.writerConfig(analyzer, null, 256);
      config.setSimilarity(new ExactBm25Similarity());
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        while (batches.hasNext()) {
          Batch batch = batches.next();
          for (int i = 0; i < batch.rowCount(); i++, row++) {
            Document doc = LuceneIndexFiles.rowDocument(row);
            String text = documentText(batch, columns, i);
            if (text != null) {
              doc.add(new TextField(TEXT_FIELD, text, Field.Store.NO));
            }
            writer.addDocument(doc);
          }
        }
        LuceneIndexFiles.finish(writer);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot build keyword index: " + e, e);
    }
    return row;
  }

  /** Opens an index built by {@link #build} over {@code rows} rows; takes over {@code dir}. */
  public static Bm25KeywordIndex open(Directory dir, long rows, String analyzerName)
      throws IOException {
    return new Bm25KeywordIndex(dir, LuceneIndexFiles.open(dir, rows), analyzerName);
  }

  public String analyzerName() {
    return analyzerName;
  }

  public int rows() {
    return reader.maxDoc();
  }

  /**
   * The best {@code k} rows for the words of {@code text} among the rows {@code accept}
   * allows (null: all rows), best first, equal scores to the earlier row; rows without any of
   * the words are absent. Statistics (N, df, avgdl) are the whole table's.
   */
  public List<ScoredRow> search(String text, int k, IntPredicate accept) {
    int n = reader.maxDoc();
    if (k <= 0 || n == 0) {
      return List.of();
    }
    Set<String> terms = new LinkedHashSet<>(TextAnalyzers.tokens(analyzer, text));
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String t : terms) {
      words.add(new TermQuery(new Term(TEXT_FIELD, t)), BooleanClause.Occur.SHOULD);
    }
    Query query = words.build();
    if (accept != null) {
      query = new BooleanQuery.Builder()
          .add(query, BooleanClause.Occur.MUST)
          .add(new RowFilterQuery(HnswVectorIndex.toBits(accept, n)), BooleanClause.Occur.FILTER)
          .build();
    }
    try {
      // Lucene's float scores pick the candidates; a margin covers float rounding at the cut
      TopDocs top = searcher.search(query, k + Math.max(16, k));
      int[] docs = new int[top.scoreDocs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = top.scoreDocs[i].doc;
      }
      List<ScoredRow> hits = exactScores(terms, docs);
      hits.sort(Comparator.comparingDouble(ScoredRow::score).reversed()
          .thenComparingInt(ScoredRow::row));
      return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read keyword index: " + e, e);
    }
  }

  /** The double-precision BM25 score of each document (see {@link ExactBm25Similarity}). */
  private List<ScoredRow> exactScores(Set<String> terms, int[] docs) throws IOException {
    LeafReader leaf = reader.leaves().get(0).reader();
    double n = reader.maxDoc();
    Terms indexed = leaf.terms(TEXT_FIELD);
    double avgLength = indexed == null ? 0 : indexed.getSumTotalTermFreq() / n;
    double[] scores = new double[docs.length];
    int[] sorted = docs.clone();
    Arrays.sort(sorted);
    for (String t : terms) {
      BytesRef bytes = new BytesRef(t);
      int df = leaf.docFreq(new Term(TEXT_FIELD, bytes));
      if (df == 0) {
        continue;
      }
      double idf = ExactBm25Similarity.idf(n, df);
      PostingsEnum postings = leaf.postings(new Term(TEXT_FIELD, bytes), PostingsEnum.FREQS);
      NumericDocValues norms = leaf.getNormValues(TEXT_FIELD);
      for (int doc : sorted) {
        if (postings.docID() < doc) {
          postings.advance(doc);
        }
        if (postings.docID() != doc || !norms.advanceExact(doc)) {
          continue;
        }
        double tf = postings.freq();
        double norm = ExactBm25Similarity.K1 * (1 - ExactBm25Similarity.B
            + ExactBm25Similarity.B * norms.longValue() / avgLength);
        scores[Arrays.binarySearch(sorted, doc)] += idf * tf / (tf + norm);
      }
    }
    List<ScoredRow> out = new ArrayList<>();
    for (int i = 0; i < sorted.length; i++) {
      if (scores[i] > 0) {
        out.add(new ScoredRow(sorted[i], scores[i]));
      }
    }
    return out;
  }

  /** The row's text over the indexed columns: non-null values joined with a space, or null. */
  static String documentText(Batch batch, int[] columns, int row) {
    StringBuilder text = null;
    for (int c : columns) {
      Column col = batch.column(c);
      if (!col.isNull(row)) {
        if (text == null) {
          text = new StringBuilder();
        } else {
          text.append(' ');
        }
        text.append(col.getObject(row));
      }
    }
    return text == null ? null : text.toString();
  }

  @Override
  public void close() {
    try {
      analyzer.close();
      reader.close();
      directory.close();
    } catch (IOException e) {
      // nothing is written through this handle; the files stay valid
    }
  }
}
