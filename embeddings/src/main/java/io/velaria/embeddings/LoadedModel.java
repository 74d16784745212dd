package io.velaria.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model, loaded and warmed up once per JVM on first use (lazy holder idiom: the class
 * initializer runs once, thread-safely, when {@link #get()} is first called). Loading reads
 * ~90 MB of ONNX weights and takes seconds; it is logged and reported by
 * {@link #report()} (shown by EXPLAIN) rather than paid per query.
 */
final class LoadedModel {
  private static final System.Logger LOG = System.getLogger(LoadedModel.class.getName());
  private static volatile String report;

  private final AllMiniLmL6V2EmbeddingModel model;

  private LoadedModel(AllMiniLmL6V2EmbeddingModel model) {
    this.model = model;
  }

  static LoadedModel get() {
    return Holder.INSTANCE;
  }

  /** "loaded in 3.9 s (warm-up 0.1 s)", or null before the first use. */
  static String report() {
    return report;
  }

  float[][] embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t));
    }
    List<Embedding> result;
    try {
      result = model.embedAll(segments).content();
    } catch (RuntimeException e) {
      throw new VelariaException(SqlStates.INTERNAL_ERROR,
          "embedding model all-minilm-l6-v2 failed: " + e.getMessage(), e);
    }
    float[][] out = new float[result.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = result.get(i).vector();
    }
    return out;
  }

  private static final class Holder {
    static final LoadedModel INSTANCE = load();

    private static LoadedModel load() {
      long t0 = System.nanoTime();
      AllMiniLmL6V2EmbeddingModel m;
      try {
        // the texts of a batch are embedded in parallel on these threads (daemon: they
        // must not keep an application's JVM alive)
        m = new AllMiniLmL6V2EmbeddingModel(workers());
      } catch (RuntimeException | LinkageError e) {
        throw new VelariaException(SqlStates.INTERNAL_ERROR,
            "could not load embedding model all-minilm-l6-v2 (ONNX Runtime): " + e, e);
      }
      long t1 = System.nanoTime();
      m.embed("warm up");
      long t2 = System.nanoTime();
      report = String.format(Locale.ROOT, "loaded in %.1f s (warm-up %.2f s)",
          (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      LOG.log(System.Logger.Level.INFO, "embedding model all-minilm-l6-v2 " + report);
      return new LoadedModel(m);
    }

    private static ExecutorService workers() {
      AtomicInteger n = new AtomicInteger();
      return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
        Thread t = new Thread(r, "velaria-embed-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }

    private Holder() {}
  }
}
