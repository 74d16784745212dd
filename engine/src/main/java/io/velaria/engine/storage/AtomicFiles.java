package io.velaria.engine.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The write-temp, fsync, rename, fsync-directory sequence that makes a file replacement
 * atomic and durable: after a crash the target holds either the old or the new content.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static final String TEMP_SUFFIX = ".tmp";

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  /** Replaces {@code target} with {@code content} atomically and durably. */
  static void write(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    moveDurably(temp, target);
  }

  /** Renames a file that is already fsynced into place, then syncs the directory entry. */
  static void moveDurably(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(to.toAbsolutePath().getParent());
  }

  /**
   * Flushes a directory so that renames and creations in it survive a power loss. Windows
   * cannot open directories as channels; NTFS journals metadata, so skipping is acceptable.
   */
  static void syncDirectory(Path dir) throws IOException {
    if (WINDOWS) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
