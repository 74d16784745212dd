package io.velaria.connectors.common;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  /** Fails with SQLState 58030 unless {@code p} is a readable file or directory. */
  public static void checkReadable(Path p) {
    if (!Files.exists(p)) {
      throw new VelariaException(SqlStates.IO_ERROR, "file not found: " + p);
    }
    if (!Files.isReadable(p)) {
      throw new VelariaException(SqlStates.IO_ERROR, "file is not readable: " + p);
    }
  }

  /**
   * The data files of a directory table, sorted by name: regular files whose names do not
   * start with '.' or '_' (hidden files, and temporary or marker files of writers).
   */
  public static List<Path> dataFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> {
        String n = f.getFileName().toString();
        return !n.startsWith(".") && !n.startsWith("_") && Files.isRegularFile(f);
      }).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot list directory " + dir + ": " + e,
          e);
    }
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
