package io.velaria.engine.embed;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.EmbeddingProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The embedding models on the class path: the built-in {@code hash} provider plus every
 * {@link EmbeddingProvider} found through {@link ServiceLoader} (loaded once per JVM). Looks
 * models up by name, case-insensitively, and explains what to add when a known model's module
 * is missing.
 */
public final class EmbeddingProviders {
  /** The model of the optional {@code embeddings} module. */
  public static final String MINILM = "all-minilm-l6-v2";
  /** Maven coordinates of that module, for error messages and docs. */
  public static final String MINILM_ARTIFACT = "io.velaria:velaria-embeddings";

  private EmbeddingProviders() {}

  /** All providers by lower-case name and alias. */
  public static Map<String, EmbeddingProvider> all() {
    return Holder.BY_NAME;
  }

  /** The provider called {@code name}; null or empty means the default model. */
  public static EmbeddingProvider find(String name) {
    if (name == null || name.isBlank()) {
      return defaultProvider();
    }
    EmbeddingProvider p = Holder.BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    if (p != null) {
      return p;
    }
    if (isMiniLm(name)) {
      throw missingModule(name.trim());
    }
    throw new VelariaException(SqlStates.UNDEFINED_OBJECT, "unknown embedding model '" + name
        + "'; available: " + String.join(", ", names()));
  }

  /** The preferred semantic model; an error naming the missing module when there is none. */
  public static EmbeddingProvider defaultProvider() {
    EmbeddingProvider best = null;
    for (EmbeddingProvider p : Holder.BY_NAME.values()) {
      if (p.defaultPreference() > 0
          && (best == null || p.defaultPreference() > best.defaultPreference())) {
        best = p;
      }
    }
    if (best == null) {
      throw missingModule(MINILM);
    }
    return best;
  }

  /** Primary names of the available models. */
  public static List<String> names() {
    List<String> out = new ArrayList<>();
    for (EmbeddingProvider p : Holder.BY_NAME.values()) {
      if (!out.contains(p.name())) {
        out.add(p.name());
      }
    }
    return out;
  }

  private static boolean isMiniLm(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.equals(MINILM) || n.equals("minilm") || n.equals("all-minilm-l6-v2-q");
  }

  static VelariaException missingModule(String model) {
    return new VelariaException(SqlStates.UNDEFINED_OBJECT, "embedding model '" + model
        + "' is not available: it comes with the optional velaria-embeddings module, which is"
        + " not on the class path. Add the Maven dependency " + MINILM_ARTIFACT + " (same"
        + " version as the driver) next to the driver jar, or use EMBED(text, 'hash') for the"
        + " built-in hashing model (not semantic)");
  }

  /** Loaded once per JVM. */
  private static final class Holder {
    static final Map<String, EmbeddingProvider> BY_NAME;

    static {
      Map<String, EmbeddingProvider> map = new LinkedHashMap<>();
      register(map, new HashingEmbeddingProvider());
      for (EmbeddingProvider p : ServiceLoader.load(EmbeddingProvider.class,
          EmbeddingProvider.class.getClassLoader())) {
        register(map, p);
      }
      BY_NAME = java.util.Collections.unmodifiableMap(map);
    }

    private static void register(Map<String, EmbeddingProvider> map, EmbeddingProvider p) {
      map.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
      for (String a : p.aliases()) {
        map.putIfAbsent(a.toLowerCase(Locale.ROOT), p);
      }
    }

    private Holder() {}
  }
}
