package io.velaria.search.keyword;

import io.velaria.engine.spi.search.KeywordRanker;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers keyword search accepts, by name. None stems or drops stop words, so the
 * scores stay easy to reason about: the document "Payments" does not match "payment".
 * <ul>
 *   <li>{@code default} (also {@code mixed}): Chinese segmented into words by smartcn's
 *       HMM model, other scripts split into words; lower-cased; punctuation dropped.</li>
 *   <li>{@code english} (also {@code standard}): Lucene's standard (UAX#29) word splitting,
 *       lower-cased; each Chinese character becomes its own token.</li>
 *   <li>{@code smartcn} (also {@code chinese}): the same as {@code default}.</li>
 * </ul>
 */
public final class TextAnalyzers {
  public static final Set<String> NAMES =
      Set.of(KeywordRanker.DEFAULT_ANALYZER, "mixed", "english", "standard", "smartcn", "chinese");

  private TextAnalyzers() {}

  /** A new Lucene analyzer for a name of {@link #NAMES} (null = default). */
  public static Analyzer create(String name) {
    String n = name == null ? KeywordRanker.DEFAULT_ANALYZER : name.toLowerCase(Locale.ROOT);
    switch (n) {
      case "english":
      case "standard":
        return analyzer(false);
      case "default":
      case "mixed":
      case "smartcn":
      case "chinese":
        return analyzer(true);
      default:
        throw new IllegalArgumentException("unknown analyzer '" + name + "'; known: "
            + String.join(", ", new java.util.TreeSet<>(NAMES)));
    }
  }

  private static Analyzer analyzer(boolean segmentChinese) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = segmentChinese ? new HMMChineseTokenizer() : new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new PunctuationFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** The tokens of {@code text}, in order. */
  public static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }
}
