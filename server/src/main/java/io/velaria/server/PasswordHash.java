package io.velaria.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes for the server's user entries:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, with SALT (16 bytes) and HASH (32 bytes) in
 * standard Base64. Made by {@code velaria hash-password}.
 */
public final class PasswordHash {
  public static final String SCHEME = "pbkdf2-sha256";
  public static final int DEFAULT_ITERATIONS = 210_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  public static String hash(char[] password) {
    return hash(password, DEFAULT_ITERATIONS);
  }

  public static String hash(char[] password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] h = pbkdf2(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(h);
  }

  /** True when {@code stored} is well formed and matches {@code password}. */
  public static boolean verify(char[] password, String stored) {
    if (stored == null) {
      return false;
    }
    String[] parts = stored.trim().split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      if (iterations < 1 || expected.length == 0) {
        return false;
      }
      byte[] actual = pbkdf2(password, salt, iterations, expected.length * 8);
      return MessageDigest.isEqual(actual, expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Checks that an entry is in the format above, for config validation. */
  public static boolean isWellFormed(String stored) {
    String[] parts = stored == null ? new String[0] : stored.trim().split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      Integer.parseInt(parts[1]);
      Base64.getDecoder().decode(parts[2]);
      Base64.getDecoder().decode(parts[3]);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    return pbkdf2(password, salt, iterations, 256);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  static void wipe(char[] c) {
    if (c != null) {
      Arrays.fill(c, '\0');
    }
  }
}
