package org.hotline.kb.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Emits one token per Han character, its toneless pinyin with the initials and finals that
 * speech recognisers and southern accents confuse folded together (zh/z, ch/c, sh/s, n/l,
 * ing/in, eng/en), one token per digit (each is a syllable when spoken) and one token per run of
 * Latin letters. Other characters separate tokens. Not thread-safe (Lucene reuses one instance per thread).
 */
final class PinyinTokenizer extends Tokenizer {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private int position;
  private int pending = -2;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    int c = next();
    while (c >= 0 && !ChineseCharacters.isHan((char) c) && !Character.isLetterOrDigit(c)) {
      c = next();
    }
    if (c < 0) {
      return false;
    }
    int start = position - 1;
    if (ChineseCharacters.isHan((char) c)) {
      term.append(fuzzy(ChineseCharacters.pinyin((char) c)));
    } else if (c >= '0' && c <= '9') {
      term.append((char) c); // a digit is one spoken syllable: 12315 pairs up like 一二三一五
    } else {
      term.append(Character.toLowerCase((char) c));
      int d;
      while ((d = next()) >= 0 && Character.isLetter(d) && !ChineseCharacters.isHan((char) d)) {
        term.append(Character.toLowerCase((char) d));
      }
      if (d >= 0) {
        pending = d; // push back the character that ended the run
        position--;
      }
    }
    offset.setOffset(correctOffset(start), correctOffset(position));
    return true;
  }

  private int next() throws IOException {
    if (pending != -2) {
      int c = pending;
      pending = -2;
      position++;
      return c;
    }
    int c = input.read();
    if (c >= 0) {
      position++;
    }
    return c;
  }

  /** Folds the sound distinctions that recognisers and accents lose. */
  static String fuzzy(String syllable) {
    String s = syllable;
    if (s.startsWith("zh") || s.startsWith("ch") || s.startsWith("sh")) {
      s = s.charAt(0) + s.substring(2);
    } else if (s.startsWith("n") && !s.equals("n") && !s.equals("ng")) {
      s = "l" + s.substring(1);
    }
    if (s.endsWith("ing")) {
      s = s.substring(0, s.length() - 1);
    } else if (s.endsWith("eng")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int end = correctOffset(position);
    offset.setOffset(end, end);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    position = 0;
    pending = -2;
  }
}
