package io.velaria.connectors.parquet;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.BytesColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes engine batches to Parquet files with Parquet-MR: the schema follows the engine types
 * (integers INT32/INT64 with INT annotations, DECIMAL as INT32/INT64 DECIMAL, DATE, TIME
 * millis, TIMESTAMP micros not adjusted to UTC, strings as STRING binary, VECTOR(n) as a
 * standard 3-level LIST of FLOAT), compressed with snappy (default), zstd, gzip or none.
 */
public final class ParquetWriters {
  private ParquetWriters() {}

  /** The {@code compression} option: snappy (default), zstd, gzip, lz4_raw or none. */
  public static CompressionCodecName codec(TableSpec spec) {
    return codec(spec.option("compression"));
  }

  public static CompressionCodecName codec(String v) {
    if (v == null) {
      return CompressionCodecName.SNAPPY;
    }
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "snappy": return CompressionCodecName.SNAPPY;
      case "zstd": return CompressionCodecName.ZSTD;
      case "gzip": return CompressionCodecName.GZIP;
      case "lz4_raw": return CompressionCodecName.LZ4_RAW;
      case "none":
      case "uncompressed": return CompressionCodecName.UNCOMPRESSED;
      default:
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "option 'compression' must be"
            + " snappy, zstd, gzip, lz4_raw or none, not '" + v + "'");
    }
  }

  /** The Parquet schema for engine columns. */
  public static MessageType schema(List<ColumnDef> columns) {
    List<Type> fields = new ArrayList<>();
    for (ColumnDef c : columns) {
      fields.add(field(c));
    }
    return new MessageType("velaria", fields);
  }

  private static Type field(ColumnDef c) {
    Type.Repetition rep = c.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    DataType t = c.type();
    String n = c.name();
    switch (t.kind()) {
      case BOOLEAN: return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(n);
      case TINYINT: return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(8, true)).named(n);
      case SMALLINT: return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.intType(16, true)).named(n);
      case INTEGER: return Types.primitive(PrimitiveTypeName.INT32, rep).named(n);
      case BIGINT: return Types.primitive(PrimitiveTypeName.INT64, rep).named(n);
      case REAL: return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(n);
      case DOUBLE: return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(n);
      case DECIMAL: return Types.primitive(t.precision() <= 9 ? PrimitiveTypeName.INT32
          : PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.decimalType(t.scale(), t.precision())).named(n);
      case CHAR:
      case VARCHAR: return Types.primitive(PrimitiveTypeName.BINARY, rep)
          .as(LogicalTypeAnnotation.stringType()).named(n);
      case DATE: return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.dateType()).named(n);
      case TIME: return Types.primitive(PrimitiveTypeName.INT32, rep)
          .as(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MILLIS))
          .named(n);
      case TIMESTAMP: return Types.primitive(PrimitiveTypeName.INT64, rep)
          .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
          .named(n);
      case VARBINARY: return Types.primitive(PrimitiveTypeName.BINARY, rep).named(n);
      case VECTOR:
        return Types.buildGroup(rep).as(LogicalTypeAnnotation.listType())
            .repeatedGroup().required(PrimitiveTypeName.FLOAT).named("element").named("list")
            .named(n);
      default:
        // an untyped NULL column: store as optional INT32
        return Types.primitive(PrimitiveTypeName.INT32, Type.Repetition.OPTIONAL).named(n);
    }
  }

  /** Opens a writer of batches to {@code file}, replacing it. */
  public static BatchFileWriter open(Path file, List<ColumnDef> columns,
      CompressionCodecName codec, int rowGroupRows) {
    return new BatchFileWriter(file, columns, codec, rowGroupRows);
  }

  /** Writes batches to one Parquet file. */
  public static final class BatchFileWriter implements AutoCloseable {
    private final ParquetWriter<Row> writer;
    private final Row row = new Row();

    BatchFileWriter(Path file, List<ColumnDef> columns, CompressionCodecName codec,
        int rowGroupRows) {
      MessageType schema = schema(columns);
      try {
        Builder b = new Builder(new LocalOutputFile(file), new BatchWriteSupport(schema))
            .withConf(new PlainParquetConfiguration())
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(codec);
        if (rowGroupRows > 0) {
          b = b.withRowGroupRowCountLimit(rowGroupRows);
        }
        writer = b.build();
      } catch (IOException | RuntimeException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot write Parquet file " + file
            + ": " + e.getMessage(), e);
      }
    }

    public void write(Batch batch) {
      row.batch = batch;
      try {
        for (int r = 0; r < batch.rowCount(); r++) {
          row.index = r;
          writer.write(row);
        }
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot write Parquet: " + e, e);
      }
    }

    @Override
    public void close() {
      try {
        writer.close();
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot finish Parquet file: " + e, e);
      }
    }
  }

  static final class Row {
    Batch batch;
    int index;
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final BatchWriteSupport support;

    Builder(LocalOutputFile file, BatchWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }

  private static final class BatchWriteSupport extends WriteSupport<Row> {
    private final MessageType schema;
    private RecordConsumer out;

    BatchWriteSupport(MessageType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
      return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public String getName() {
      return "velaria";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      out = recordConsumer;
    }

    @Override
    public void write(Row row) {
      Batch b = row.batch;
      int r = row.index;
      out.startMessage();
      for (int i = 0; i < b.columnCount(); i++) {
        Column c = b.column(i);
        if (c.isNull(r)) {
          continue;
        }
        String name = schema.getFieldName(i);
        out.startField(name, i);
        value(c, r);
        out.endField(name, i);
      }
      out.endMessage();
    }

    private void value(Column c, int r) {
      DataType t = c.type();
      switch (t.physical()) {
        case BOOLEAN:
          out.addBoolean(((BooleanColumn) c).get(r));
          return;
        case DOUBLE:
          if (t.kind() == io.velaria.engine.type.TypeKind.REAL) {
            out.addFloat((float) ((DoubleColumn) c).get(r));
          } else {
            out.addDouble(((DoubleColumn) c).get(r));
          }
          return;
        case STRING:
          out.addBinary(Binary.fromString(((StringColumn) c).get(r)));
          return;
        case BYTES:
          out.addBinary(Binary.fromConstantByteArray(((BytesColumn) c).get(r)));
          return;
        case FLOAT_ARRAY: {
          FloatArrayColumn f = (FloatArrayColumn) c;
          int n = f.dimension();
          float[] all = f.values();
          out.startGroup();
          out.startField("list", 0);
          for (int k = 0; k < n; k++) {
            out.startGroup();
            out.startField("element", 0);
            out.addFloat(all[r * n + k]);
            out.endField("element", 0);
            out.endGroup();
          }
          out.endField("list", 0);
          out.endGroup();
          return;
        }
        default: {
          long v = ((LongColumn) c).get(r);
          switch (t.kind()) {
            case BIGINT:
              out.addLong(v);
              return;
            case DECIMAL:
              if (t.precision() <= 9) {
                out.addInteger((int) v);
              } else {
                out.addLong(v);
              }
              return;
            case TIMESTAMP:
              out.addLong(Math.multiplyExact(v, 1000L));
              return;
            default:
              out.addInteger((int) v);
          }
        }
      }
    }
  }
}
