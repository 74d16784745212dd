package io.velaria.engine.storage;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a database directory through an OS lock on {@code velaria.lock}.
 * The OS releases the lock when the process dies, even by {@code kill -9}, so a stale lock
 * file never blocks a restart. The file itself is left in place: deleting it would let two
 * processes lock different files of the same name.
 */
public final class DatabaseLock implements AutoCloseable {
  public static final String FILE_NAME = "velaria.lock";

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private DatabaseLock(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code directory} (creating it if needed).
   *
   * @throws VelariaException SQLState 58030 if another process, or another open database in
   *     this JVM, holds it
   */
  public static DatabaseLock acquire(Path directory) {
    Path dir = directory.toAbsolutePath();
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(dir.resolve(FILE_NAME),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new VelariaException(SqlStates.IO_ERROR,
            "database " + dir + " is in use by another process");
      }
      return new DatabaseLock(dir, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new VelariaException(SqlStates.IO_ERROR,
          "database " + dir + " is already open in this process", e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new VelariaException(SqlStates.IO_ERROR,
          "cannot lock database " + dir + ": " + e, e);
    }
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
