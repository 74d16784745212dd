package io.velaria.connectors.common;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Resolves the {@code path} option of a file table and checks it eagerly. */
public final class FilePaths {
  private FilePaths() {}

  /** The absolute, normalized path named by option {@code path}; relative to the working dir. */
  public static Path resolve(TableSpec spec) {
    String text = spec.option("path");
    if (text == null || text.isBlank()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "option 'path' is required for table " + spec.tableName());
    }
    Path p;
    try {
      p = Paths.get(text);
    } catch (InvalidPathException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "invalid path '" + text + "': "
          + e.getMessage(), e);
    }
    if (!p.isAbsolute() && spec.workingDirectory() != null) {
      p = spec.workingDirectory().resolve(p);
    }
    return p.toAbsolutePath().normalize();
  }

  /** Fails with SQLState 58030 unless {@code p} is a readable regular file. */
  public static void checkReadableFile(Path p) {
    if (!Files.exists(p)) {
      throw new VelariaException(SqlStates.IO_ERROR, "file not found: " + p);
    }
    if (Files.isDirectory(p)) {
      throw new VelariaException(SqlStates.IO_ERROR, "path is a directory, not a file: " + p);
    }
    if (!Files.isReadable(p)) {
      throw new VelariaException(SqlStates.IO_ERROR, "file is not readable: " + p);
    }
  }
}
