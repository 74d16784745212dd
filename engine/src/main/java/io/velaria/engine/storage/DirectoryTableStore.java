package io.velaria.engine.storage;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Managed tables of a persistent database: table {@code id} lives in {@code root/id/} as a
 * {@code manifest} plus {@code seg-<version>.vseg} segment files (see {@link DirectoryTable}
 * and {@link SegmentFormat}). The root directory belongs to this store alone.
 */
public final class DirectoryTableStore implements TableStore {
  private static final Pattern STORAGE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final String DROPPED_SUFFIX = ".dropped";

  private final Path root;
  /** One instance per table, so all writers of a table share its lock. */
  private final ConcurrentHashMap<String, DirectoryTable> open = new ConcurrentHashMap<>();

  public DirectoryTableStore(Path root) {
    this.root = root.toAbsolutePath();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw ioError("cannot create table directory " + this.root, e);
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public TableData create(String storageId, List<ColumnDef> columns) {
    Path dir = tableDir(storageId);
    synchronized (open) {
      open.remove(storageId);
      try {
        // A leftover from a CREATE that crashed before the catalog recorded it.
        deleteRecursively(dir);
        Files.createDirectories(dir);
        AtomicFiles.syncDirectory(root);
        Manifest empty = new Manifest(0, List.of());
        empty.write(dir);
      } catch (IOException e) {
        throw ioError("cannot create table data directory " + dir, e);
      }
      DirectoryTable table = new DirectoryTable(dir, types(columns), Manifest.read(dir));
      open.put(storageId, table);
      return table;
    }
  }

  @Override
  public TableData open(String storageId, List<ColumnDef> columns) {
    Path dir = tableDir(storageId);
    synchronized (open) {
      DirectoryTable table = open.get(storageId);
      if (table != null) {
        return table;
      }
      if (!Files.isDirectory(dir)) {
        throw new VelariaException(SqlStates.IO_ERROR,
            "the data directory " + dir + " of a managed table is missing");
      }
      Manifest manifest = Manifest.read(dir);
      deleteOrphans(dir, manifest);
      table = new DirectoryTable(dir, types(columns), manifest);
      open.put(storageId, table);
      return table;
    }
  }

  /** Removes segment and temp files that the committed manifest does not name. */
  private static void deleteOrphans(Path dir, Manifest manifest) {
    Set<String> live = new HashSet<>();
    for (Manifest.SegmentRef ref : manifest.segments()) {
      live.add(ref.file());
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        boolean ours = name.endsWith(AtomicFiles.TEMP_SUFFIX)
            || (name.startsWith("seg-") && name.endsWith(".vseg"));
        if (ours && !live.contains(name)) {
          DirectoryTable.deleteQuietly(f);
        }
      }
    } catch (IOException e) {
      throw ioError("cannot list table data directory " + dir, e);
    }
  }

  @Override
  public void drop(String storageId) {
    Path dir = tableDir(storageId);
    synchronized (open) {
      open.remove(storageId);
      if (!Files.exists(dir)) {
        return;
      }
      try {
        // Rename first so that a crash midway never leaves a half-deleted table under its id.
        Path doomed = root.resolve(storageId + DROPPED_SUFFIX);
        deleteRecursively(doomed);
        Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncDirectory(root);
        deleteRecursively(doomed);
      } catch (IOException e) {
        throw ioError("cannot delete table data directory " + dir, e);
      }
    }
  }

  /**
   * Deletes table directories whose id is not in {@code liveStorageIds}: data of tables whose
   * CREATE or DROP was interrupted. Call after the catalog is loaded.
   */
  public void deleteTablesOtherThan(Collection<String> liveStorageIds) {
    Set<String> live = new HashSet<>(liveStorageIds);
    List<Path> doomed = new ArrayList<>();
    synchronized (open) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
        for (Path d : dirs) {
          if (!live.contains(d.getFileName().toString())) {
            doomed.add(d);
          }
        }
        for (Path d : doomed) {
          open.remove(d.getFileName().toString());
          deleteRecursively(d);
        }
      } catch (IOException e) {
        throw ioError("cannot clean up table directory " + root, e);
      }
    }
  }

  @Override
  public void close() {
    // Every commit is already durable; only forget the open tables.
    open.clear();
  }

  private Path tableDir(String storageId) {
    if (storageId == null || !STORAGE_ID.matcher(storageId).matches()
        || storageId.endsWith(DROPPED_SUFFIX)) {
      throw new IllegalArgumentException("invalid storage id '" + storageId + "'");
    }
    return root.resolve(storageId);
  }

  private static List<DataType> types(List<ColumnDef> columns) {
    List<DataType> types = new ArrayList<>();
    for (ColumnDef c : columns) {
      types.add(c.type());
    }
    return types;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  static VelariaException ioError(String what, IOException e) {
    return new VelariaException(SqlStates.IO_ERROR, what + ": " + e, e);
  }
}
