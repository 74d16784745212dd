package io.velaria.search.keyword;

import java.io.IOException;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Drops tokens without a letter or digit (smartcn emits punctuation as tokens). */
final class PunctuationFilter extends FilteringTokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  PunctuationFilter(TokenStream in) {
    super(in);
  }

  @Override
  protected boolean accept() throws IOException {
    char[] b = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (Character.isLetterOrDigit(b[i])) {
        return true;
      }
    }
    return false;
  }
}
