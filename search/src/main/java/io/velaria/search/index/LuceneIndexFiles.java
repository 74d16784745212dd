package io.velaria.search.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * How the indexes of this package use Lucene: one document per table row, in row order, with
 * the row ordinal in a {@code row} doc-values field that is also the index sort, merged to a
 * single segment. Document id then equals row ordinal, so a WHERE clause's rows become a bit
 * set over document ids and hits need no lookup to find their row. {@link #open} checks it.
 */
final class LuceneIndexFiles {
  static final String ROW_FIELD = "row";

  private LuceneIndexFiles() {}

  /** A directory on disk, or in memory when {@code path} is null (mem: databases). */
  static Directory directory(Path path) throws IOException {
    return path == null ? new ByteBuffersDirectory() : FSDirectory.open(path);
  }

  static IndexWriterConfig writerConfig(org.apache.lucene.analysis.Analyzer analyzer,
      Codec codec, double ramBufferMb) {
    IndexWriterConfig config = analyzer == null ? new IndexWriterConfig()
        : new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setIndexSort(new Sort(new SortField(ROW_FIELD, SortField.Type.LONG)));
    config.setRAMBufferSizeMB(ramBufferMb);
    config.setCommitOnClose(false);
    if (codec != null) {
      config.setCodec(codec);
    }
    return config;
  }

  /** A new document for {@code row}. */
  static Document rowDocument(long row) {
    Document doc = new Document();
    doc.add(new NumericDocValuesField(ROW_FIELD, row));
    return doc;
  }

  /** Merges to one segment and commits. */
  static void finish(IndexWriter writer) throws IOException {
    writer.forceMerge(1);
    writer.commit();
  }

  /**
   * Opens a finished index and checks that it has one segment of {@code rows} documents whose
   * document ids are their row ordinals.
   */
  static DirectoryReader open(Directory dir, long rows) throws IOException {
    DirectoryReader reader = DirectoryReader.open(dir);
    try {
      if (reader.leaves().size() > 1 || reader.maxDoc() != rows) {
        throw new IOException("index has " + reader.leaves().size() + " segments and "
            + reader.maxDoc() + " documents, expected 1 segment of " + rows);
      }
      if (rows > 0) {
        NumericDocValues values = reader.leaves().get(0).reader().getNumericDocValues(ROW_FIELD);
        // the index sort puts row r at document r; checking the ends is enough
        for (int doc : new int[] {0, (int) rows - 1}) {
          if (values == null || !values.advanceExact(doc) || values.longValue() != doc) {
            throw new IOException("document " + doc + " is not row " + doc);
          }
          values = reader.leaves().get(0).reader().getNumericDocValues(ROW_FIELD);
        }
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
