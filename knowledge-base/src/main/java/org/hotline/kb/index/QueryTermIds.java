package org.hotline.kb.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.kb.analysis.ChineseCharacters;
import org.hotline.kb.analysis.TermSequences;

/**
 * A query's distinct terms in each field as dictionary ids, in query order, computed straight from
 * the normalised text. They are the terms {@link TermSequences} and {@link
 * TermDictionary#longestMatches} give as strings, looked up, but bigrams are found by their packed
 * character or syllable pair, so no string is built for a term the dictionary knows. Each distinct
 * term the dictionary lacks is one -1 (it still weighs against coverage). Immutable; thread-safe.
 */
public final class QueryTermIds {
  private final TermDictionary words;
  private final TermDictionary bigrams;
  private final TermDictionary pinyin;
  /** Character bigram (first char in the high half) to its id in {@link #bigrams}. */
  private final PairTable bigramOfChars;
  /** Pinyin bigram, as a pair of {@link Syllables} ids, to its id in {@link #pinyin}. */
  private final PairTable pinyinOfSyllables;
  /** Character-dictionary id of each character of the Han block, -1 when no text has it. */
  private final int[] charIdOfHan = new int[ChineseCharacters.LAST - ChineseCharacters.FIRST + 1];

  QueryTermIds(TermDictionary words, TermDictionary bigrams, TermDictionary pinyin, TermDictionary chars) {
    this.words = words;
    this.bigrams = bigrams;
    this.pinyin = pinyin;
    bigramOfChars = new PairTable(bigrams.size());
    bigrams.forEachTerm((term, id) -> {
      if (term.length() == 2 && TermSequences.isIdeograph(term.charAt(0)) && TermSequences.isIdeograph(term.charAt(1))) {
        bigramOfChars.put(charPair(term.charAt(0), term.charAt(1)), id);
      }
    });
    // A concatenation can split into syllables more than one way (xian: xi+an, xia+n); every way
    // maps to the term, as the string would.
    pinyinOfSyllables = new PairTable(pinyin.size());
    pinyin.forEachTerm((term, id) -> {
      for (int k = 1; k < term.length(); k++) {
        int first = Syllables.id(term.substring(0, k));
        int second = Syllables.id(term.substring(k));
        if (first >= 0 && second >= 0) {
          pinyinOfSyllables.put(syllablePair(first, second), id);
        }
      }
    });
    for (char c = ChineseCharacters.FIRST; c <= ChineseCharacters.LAST; c++) {
      charIdOfHan[c - ChineseCharacters.FIRST] = chars.id(String.valueOf(c));
    }
  }

  /** The first {@code max} distinct words of the text by longest match ({@link TermDictionary#longestMatches}). */
  public int[] words(String text, int max) {
    DistinctIds out = new DistinctIds(max);
    words.forEachLongestMatch(text, (start, end, id) -> {
      if (id >= 0) {
        out.add(id);
      } else {
        out.addUnknown(text.substring(start, end));
      }
    });
    return out.ids();
  }

  /** The first {@code max} distinct character bigrams of the text ({@link TermSequences#characterBigrams}). */
  public int[] bigrams(String text, int max) {
    DistinctIds out = new DistinctIds(max);
    int i = 0;
    int n = text.length();
    while (i < n && !out.full()) {
      char c = text.charAt(i);
      if (TermSequences.isIdeograph(c)) {
        int end = i + 1;
        while (end < n && TermSequences.isIdeograph(text.charAt(end))) {
          end++;
        }
        if (end - i == 1) {
          out.addTerm(bigrams, String.valueOf(c));
        } else {
          for (int k = i; k + 1 < end; k++) {
            int id = bigramOfChars.get(charPair(text.charAt(k), text.charAt(k + 1)));
            if (id >= 0) {
              out.add(id);
            } else {
              out.addUnknown(text.substring(k, k + 2));
            }
          }
        }
        i = end;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i + 1;
        while (end < n && Character.isLetterOrDigit(text.charAt(end)) && !TermSequences.isIdeograph(text.charAt(end))) {
          end++;
        }
        out.addTerm(bigrams, text.substring(i, end).toLowerCase(Locale.ROOT));
        i = end;
      } else {
        i++;
      }
    }
    return out.ids();
  }

  /** The first {@code max} distinct pinyin bigrams of the text ({@link TermSequences#pinyinBigrams}). */
  public int[] pinyin(String text, int max) {
    int n = text.length();
    // Each syllable as a Syllables id, or (a run of letters) as its text with id -1.
    int[] ids = new int[n];
    String[] texts = new String[n];
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (ChineseCharacters.isHan(c)) {
        ids[count++] = Syllables.ofHan(c);
        i++;
      } else if (c >= '0' && c <= '9') {
        ids[count++] = Syllables.ofDigit(c);
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int end = i + 1;
        while (end < n && Character.isLetter(text.charAt(end)) && !ChineseCharacters.isHan(text.charAt(end))) {
          end++;
        }
        ids[count] = -1;
        texts[count++] = text.substring(i, end).toLowerCase(Locale.ROOT);
        i = end;
      } else {
        i++;
      }
    }
    DistinctIds out = new DistinctIds(max);
    if (count == 1) {
      out.addTerm(pinyin, syllable(ids, texts, 0));
    }
    for (int k = 0; k + 1 < count && !out.full(); k++) {
      if (ids[k] >= 0 && ids[k + 1] >= 0) {
        int id = pinyinOfSyllables.get(syllablePair(ids[k], ids[k + 1]));
        if (id >= 0) {
          out.add(id);
        } else {
          out.addUnknown(syllable(ids, texts, k).concat(syllable(ids, texts, k + 1)));
        }
      } else {
        out.addTerm(pinyin, syllable(ids, texts, k).concat(syllable(ids, texts, k + 1)));
      }
    }
    return out.ids();
  }

  /** The character-dictionary ids of the first {@code max} distinct Han characters of the text. */
  public int[] chars(String text, int max) {
    int[] out = new int[Math.min(text.length(), max)];
    char[] seen = new char[out.length];
    int n = 0;
    for (int i = 0; i < text.length() && n < out.length; i++) {
      char c = text.charAt(i);
      if (!ChineseCharacters.isHan(c) || contains(seen, n, c)) {
        continue;
      }
      seen[n] = c;
      out[n++] = charIdOfHan[c - ChineseCharacters.FIRST];
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static boolean contains(char[] chars, int size, char c) {
    for (int i = 0; i < size; i++) {
      if (chars[i] == c) {
        return true;
      }
    }
    return false;
  }

  private static String syllable(int[] ids, String[] texts, int k) {
    return ids[k] >= 0 ? Syllables.text(ids[k]) : texts[k];
  }

  private static int charPair(char first, char second) {
    return first << 16 | second;
  }

  /** Syllable ids are fewer than 2^16 (one per character of the Han block at most), so pairs pack into an int. */
  private static int syllablePair(int first, int second) {
    return first << 16 | second;
  }

  /**
   * The syllables a Han character or a digit can stand for in the pinyin field: every distinct
   * {@link ChineseCharacters#fuzzyPinyin} and the ten digits, numbered once per process.
   */
  private static final class Syllables {
    private static final List<String> TEXTS = new ArrayList<>();
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final int[] OF_HAN = new int[ChineseCharacters.LAST - ChineseCharacters.FIRST + 1];
    private static final int[] OF_DIGIT = new int[10];

    static {
      for (int c = ChineseCharacters.FIRST; c <= ChineseCharacters.LAST; c++) {
        OF_HAN[c - ChineseCharacters.FIRST] = number(ChineseCharacters.fuzzyPinyin((char) c));
      }
      for (int d = 0; d < 10; d++) {
        OF_DIGIT[d] = number(String.valueOf((char) ('0' + d)));
      }
    }

    private static int number(String syllable) {
      return IDS.computeIfAbsent(syllable, s -> {
        TEXTS.add(s);
        return TEXTS.size() - 1;
      });
    }

    static int ofHan(char c) {
      return OF_HAN[c - ChineseCharacters.FIRST];
    }

    static int ofDigit(char c) {
      return OF_DIGIT[c - '0'];
    }

    /** The id of a syllable's text, or -1 when no character or digit reads so. */
    static int id(String text) {
      return IDS.getOrDefault(text, -1);
    }

    static String text(int id) {
      return TEXTS.get(id);
    }
  }

  /**
   * Open addressing (linear probing) from a pair packed into an int to a term id; -1 when absent (a
   * free slot holds value -1). Key and value sit side by side, so a probe reads one cache line.
   */
  private static final class PairTable {
    private final int[] slots;
    private final int mask;

    PairTable(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1; // load at most 1/2
      slots = new int[2 * capacity];
      java.util.Arrays.fill(slots, -1);
      mask = capacity - 1;
    }

    void put(int key, int value) {
      int slot = slot(key);
      while (slots[2 * slot + 1] >= 0 && slots[2 * slot] != key) {
        slot = (slot + 1) & mask;
      }
      slots[2 * slot] = key;
      slots[2 * slot + 1] = value;
    }

    int get(int key) {
      int slot = slot(key);
      int value;
      while ((value = slots[2 * slot + 1]) >= 0) {
        if (slots[2 * slot] == key) {
          return value;
        }
        slot = (slot + 1) & mask;
      }
      return -1;
    }

    private int slot(int key) {
      int h = key * 0x9E3779B9;
      return (h ^ (h >>> 16)) & mask;
    }
  }

  /** Distinct ids in order of first appearance, at most a cap; unknown terms told apart by text. */
  private static final class DistinctIds {
    /** Per thread: the ids being collected (one collection at a time per thread). */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

    private final int[] ids;
    private final int max;
    private int size;
    private List<String> unknown;

    DistinctIds(int max) {
      int[] scratch = SCRATCH.get();
      if (scratch.length < max) {
        scratch = new int[max];
        SCRATCH.set(scratch);
      }
      this.ids = scratch;
      this.max = max;
    }

    boolean full() {
      return size == max;
    }

    void add(int id) {
      if (full()) {
        return;
      }
      for (int i = 0; i < size; i++) {
        if (ids[i] == id) {
          return;
        }
      }
      ids[size++] = id;
    }

    void addUnknown(String term) {
      if (full()) {
        return;
      }
      if (unknown == null) {
        unknown = new ArrayList<>();
      } else if (unknown.contains(term)) {
        return;
      }
      unknown.add(term);
      ids[size++] = -1;
    }

    /** A term found as a string: by its id when the dictionary has it. */
    void addTerm(TermDictionary dictionary, String term) {
      int id = dictionary.id(term);
      if (id >= 0) {
        add(id);
      } else {
        addUnknown(term);
      }
    }

    int[] ids() {
      return java.util.Arrays.copyOf(ids, size);
    }
  }
}
