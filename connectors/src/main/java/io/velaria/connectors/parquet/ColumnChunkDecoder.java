package io.velaria.connectors.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes the pages of one flat (non-repeated) column chunk of a row group into a
 * {@link PrimitiveColumnConverter}, page by page, without Parquet-MR's record-level column
 * reader. Definition levels come from Parquet-MR's level decoders; PLAIN values of fixed-width
 * types, strings and fixed-length binaries are read straight from the page's bytes; dictionary
 * pages hand the converter the dictionary once and each row its id; any other encoding goes
 * through Parquet-MR's own values reader for that encoding.
 */
final class ColumnChunkDecoder {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class,
      ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);

  private final ColumnDescriptor column;
  private final PageReader pages;
  private final PrimitiveColumnConverter out;
  private final PrimitiveTypeName physical;
  private final int maxDef;
  private final int fixedLength;
  private Dictionary dictionary;

  // the current page
  private int pageLeft;
  private LevelReader levels;
  /** Set when the page is PLAIN and decoded here: its bytes and the next value's offset. */
  private byte[] plain;
  private int plainPos;
  /** Otherwise Parquet-MR's reader for the page's encoding. */
  private ValuesReader values;
  private boolean dictionaryIds;
  /** Per row of the batch: not NULL. */
  private boolean[] defined = new boolean[0];

  ColumnChunkDecoder(ColumnDescriptor column, PageReader pages, PrimitiveColumnConverter out)
      throws IOException {
    this.column = column;
    this.pages = pages;
    this.out = out;
    this.physical = column.getPrimitiveType().getPrimitiveTypeName();
    this.maxDef = column.getMaxDefinitionLevel();
    this.fixedLength = column.getPrimitiveType().getTypeLength();
    DictionaryPage dp = pages.readDictionaryPage();
    if (dp != null) {
      dictionary = dp.getEncoding().initDictionary(column, dp);
      out.setDictionary(dictionary);
    }
  }

  /** Decodes the next {@code n} rows into rows 0..n-1 of the converter's current batch. */
  void read(int n) throws IOException {
    if (defined.length < n) {
      defined = new boolean[n];
    }
    int r = 0;
    while (r < n) {
      if (pageLeft == 0) {
        nextPage();
      }
      int end = r + Math.min(n - r, pageLeft);
      pageLeft -= end - r;
      boolean[] def = defined;
      if (maxDef > 0) {
        for (int i = r; i < end; i++) {
          if (!(def[i] = levels.next() >= maxDef)) {
            out.setNull(i, n);
          }
        }
      } else {
        java.util.Arrays.fill(def, r, end, true);
      }
      if (plain != null) {
        readPlain(r, end, def);
      } else if (dictionaryIds) {
        for (int i = r; i < end; i++) {
          if (def[i]) {
            out.row = i;
            out.addValueFromDictionary(values.readValueDictionaryId());
          }
        }
      } else {
        for (int i = r; i < end; i++) {
          if (def[i]) {
            out.row = i;
            readWithValuesReader();
          }
        }
      }
      r = end;
    }
  }

  private void readWithValuesReader() {
    switch (physical) {
      case BOOLEAN: out.addBoolean(values.readBoolean()); break;
      case INT32: out.addInt(values.readInteger()); break;
      case INT64: out.addLong(values.readLong()); break;
      case FLOAT: out.addFloat(values.readFloat()); break;
      case DOUBLE: out.addDouble(values.readDouble()); break;
      default: out.addBinary(values.readBytes()); break;
    }
  }

  /** PLAIN values of rows [r, end) straight from the page bytes; one loop per type. */
  private void readPlain(int r, int end, boolean[] def) {
    byte[] b = plain;
    int p = plainPos;
    PrimitiveColumnConverter o = out;
    switch (physical) {
      case INT32:
        for (int i = r; i < end; i++) {
          if (def[i]) {
            o.row = i;
            o.addInt((int) INT.get(b, p));
            p += 4;
          }
        }
        break;
      case INT64:
        for (int i = r; i < end; i++) {
          if (def[i]) {
            o.row = i;
            o.addLong((long) LONG.get(b, p));
            p += 8;
          }
        }
        break;
      case FLOAT:
        for (int i = r; i < end; i++) {
          if (def[i]) {
            o.row = i;
            o.addFloat(Float.intBitsToFloat((int) INT.get(b, p)));
            p += 4;
          }
        }
        break;
      case DOUBLE:
        for (int i = r; i < end; i++) {
          if (def[i]) {
            o.row = i;
            o.addDouble(Double.longBitsToDouble((long) LONG.get(b, p)));
            p += 8;
          }
        }
        break;
      case FIXED_LEN_BYTE_ARRAY: {
        int len = fixedLength;
        for (int i = r; i < end; i++) {
          if (def[i]) {
            o.row = i;
            o.addBytes(b, p, len);
            p += len;
          }
        }
        break;
      }
      default: // BINARY: a 4-byte little-endian length, then the bytes
        for (int i = r; i < end; i++) {
          if (def[i]) {
            int len = (int) INT.get(b, p);
            o.row = i;
            o.addBytes(b, p + 4, len);
            p += 4 + len;
          }
        }
        break;
    }
    plainPos = p;
  }

  private void nextPage() throws IOException {
    DataPage page = pages.readPage();
    if (page == null) {
      throw new IOException("column " + column + " ends before the row group's row count");
    }
    pageLeft = page.getValueCount();
    page.accept(new DataPage.Visitor<Void>() {
      @Override
      public Void visit(DataPageV1 v1) {
        try {
          ByteBufferInputStream in = v1.getBytes().toInputStream();
          ValuesReader rl = v1.getRlEncoding().getValuesReader(column,
              ValuesType.REPETITION_LEVEL);
          rl.initFromPage(pageLeft, in);
          ValuesReader dl = v1.getDlEncoding().getValuesReader(column,
              ValuesType.DEFINITION_LEVEL);
          dl.initFromPage(pageLeft, in);
          levels = dl::readInteger;
          startValues(v1.getValueEncoding(), in);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return null;
      }

      @Override
      public Void visit(DataPageV2 v2) {
        try {
          if (maxDef > 0) {
            RunLengthBitPackingHybridDecoder d = new RunLengthBitPackingHybridDecoder(
                BytesUtils.getWidthFromMaxInt(maxDef), v2.getDefinitionLevels().toInputStream());
            levels = () -> {
              try {
                return d.readInt();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            };
          }
          startValues(v2.getDataEncoding(), v2.getData().toInputStream());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return null;
      }
    });
  }

  private void startValues(Encoding encoding, ByteBufferInputStream in) throws IOException {
    plain = null;
    values = null;
    dictionaryIds = false;
    if (encoding == Encoding.PLAIN && physical != PrimitiveTypeName.BOOLEAN
        && physical != PrimitiveTypeName.INT96) {
      ByteBuffer bb = in.slice(in.available());
      if (bb.hasArray()) {
        plain = bb.array();
        plainPos = bb.arrayOffset() + bb.position();
      } else {
        plain = new byte[bb.remaining()];
        bb.get(plain);
        plainPos = 0;
      }
      return;
    }
    if (encoding.usesDictionary()) {
      if (dictionary == null) {
        throw new IOException("a dictionary-encoded page in column " + column
            + " without a dictionary page");
      }
      values = encoding.getDictionaryBasedValuesReader(column, ValuesType.VALUES, dictionary);
      dictionaryIds = true;
    } else {
      values = encoding.getValuesReader(column, ValuesType.VALUES);
    }
    values.initFromPage(pageLeft, in);
  }

  /** The definition levels of the current page. */
  private interface LevelReader {
    int next();
  }
}
