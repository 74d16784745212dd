package io.velaria.engine.embed;

import io.velaria.engine.spi.EmbeddingProvider;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic, dependency-free embedding for tests and demos: feature hashing of the
 * lower-cased words (and of each CJK character) into {@code dimension} buckets with a hash-chosen
 * sign, then L2 normalisation. Texts sharing words get close vectors; it knows nothing of
 * meaning (synonyms, paraphrases and word order are invisible to it). Text without words gets
 * the zero vector.
 */
public final class HashingEmbeddingProvider implements EmbeddingProvider {
  public static final String NAME = "hash";
  public static final int DEFAULT_DIMENSION = 384;

  private final String name;
  private final int dimension;

  /** The built-in {@code hash} model: 384 dimensions, like MiniLM, so the two interchange. */
  public HashingEmbeddingProvider() {
    this(NAME, DEFAULT_DIMENSION);
  }

  public HashingEmbeddingProvider(String name, int dimension) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive: " + dimension);
    }
    this.name = name;
    this.dimension = dimension;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embedOne(texts.get(i));
    }
    return out;
  }

  /** Never the default model: it is not semantic. */
  @Override
  public int defaultPreference() {
    return -1;
  }

  float[] embedOne(String text) {
    float[] v = new float[dimension];
    String s = text.toLowerCase(Locale.ROOT);
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (isCjk(cp)) {
        add(v, s, i, i + len);
        i += len;
      } else if (Character.isLetterOrDigit(cp)) {
        int end = i + len;
        while (end < n) {
          int c = s.codePointAt(end);
          if (!Character.isLetterOrDigit(c) || isCjk(c)) {
            break;
          }
          end += Character.charCount(c);
        }
        add(v, s, i, end);
        i = end;
      } else {
        i += len;
      }
    }
    normalize(v);
    return v;
  }

  private void add(float[] v, String s, int from, int to) {
    long h = fnv1a(s, from, to);
    int bucket = (int) Long.remainderUnsigned(h >>> 1, dimension);
    v[bucket] += (h & 1) == 0 ? 1f : -1f;
  }

  /** FNV-1a over the UTF-16 code units: stable across JVMs, unlike String.hashCode mixing. */
  private static long fnv1a(String s, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      h ^= c & 0xff;
      h *= 0x100000001b3L;
      h ^= c >>> 8;
      h *= 0x100000001b3L;
    }
    // final avalanche so that short tokens spread over all buckets
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
    return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
        || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL;
  }

  private static void normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
  }
}
