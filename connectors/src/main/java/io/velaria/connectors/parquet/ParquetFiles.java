package io.velaria.connectors.parquet;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/** Opens Parquet files with Parquet-MR, turning its failures into errors that name the file. */
final class ParquetFiles {
  private ParquetFiles() {}

  static ParquetFileReader open(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + file + ": " + e, e);
    }
    if (size < 12) {
      throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "file " + file + " is not a Parquet"
          + " file: " + size + " bytes is too short for the header and footer");
    }
    try {
      return ParquetFileReader.open(new LocalInputFile(file),
          ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    } catch (IOException | RuntimeException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot read the Parquet footer of"
          + " file " + file + " (" + size + " bytes; the footer length is at byte offset "
          + (size - 8) + "): " + msg, e);
    }
  }

  static VelariaException readError(Path file, int rowGroup, Exception e) {
    if (e instanceof VelariaException) {
      return (VelariaException) e;
    }
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    return new VelariaException(SqlStates.BAD_COPY_FORMAT, "cannot read row group " + rowGroup
        + " of Parquet file " + file + ": " + msg, e);
  }
}
