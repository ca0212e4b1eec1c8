package org.hotline.kb.analysis;

import java.util.List;

/**
 * Numbers a fixed list of strings (the {@code i}th gets {@code i}) and finds them by a span of any
 * text without building the substring: open addressing with linear probing, no boxing, one probe
 * for most lookups. Also knows, per first character, how long the longest string starting with it
 * is, so a longest-match walk tries no longer span than can match; built with prefixes, it also
 * tells a span that begins some longer term ({@link #PREFIX}) from one that begins none, so such a
 * walk can go forward and stop at the first dead end. Immutable; thread-safe.
 */
public final class TermTable {
  /** What {@link #find} returns for a span that is no term but begins one. */
  public static final int PREFIX = -2;
  private static final int FREE = -1;

  private final String[] keys;
  /**
   * Per slot, side by side: the key's hash and its number (-1: free; {@link #PREFIX}: a prefix of
   * some term, no term itself). A probe compares hashes and reads a key's characters only when
   * they are equal, so a miss rarely leaves this array.
   */
  private final int[] hashAndValue;
  private final int mask;
  /** Per first character: the length of the longest key starting with it, capped (0: none does). */
  private final short[] longestStartingWith = new short[Character.MAX_VALUE + 1];

  /** @param terms distinct strings; each is numbered by its position */
  public TermTable(List<String> terms) {
    this(terms, 0);
  }

  /**
   * @param terms distinct strings; each is numbered by its position
   * @param prefixesUpTo also holds every prefix of a term from two characters up to this length
   *     (0: none), which {@link #find} tells apart from absent spans
   */
  public TermTable(List<String> terms, int prefixesUpTo) {
    java.util.Set<String> prefixes = new java.util.LinkedHashSet<>();
    for (String term : terms) {
      for (int length = 2; length < Math.min(term.length(), prefixesUpTo + 1); length++) {
        prefixes.add(term.substring(0, length));
      }
    }
    prefixes.removeAll(new java.util.HashSet<>(terms));
    int size = terms.size() + prefixes.size();
    int capacity = Integer.highestOneBit(Math.max(4, size * 3 - 1)) << 1; // load at most 1/3
    keys = new String[capacity];
    hashAndValue = new int[2 * capacity];
    java.util.Arrays.fill(hashAndValue, FREE);
    mask = capacity - 1;
    for (int i = 0; i < terms.size(); i++) {
      insert(terms.get(i), i);
    }
    for (String prefix : prefixes) {
      insert(prefix, PREFIX);
    }
  }

  private void insert(String term, int value) {
    int slot = slotOfHash(term.hashCode());
    while (keys[slot] != null) {
      if (keys[slot].equals(term)) {
        throw new IllegalArgumentException("duplicate term " + term);
      }
      slot = (slot + 1) & mask;
    }
    keys[slot] = term;
    hashAndValue[2 * slot] = term.hashCode();
    hashAndValue[2 * slot + 1] = value;
    if (value >= 0 && !term.isEmpty()) {
      int first = term.charAt(0);
      longestStartingWith[first] = (short) Math.max(longestStartingWith[first], Math.min(term.length(), Short.MAX_VALUE));
    }
  }

  private int slotOfHash(int hashCode) {
    int h = hashCode * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The number of {@code text[start, end)}, or -1; allocates nothing. */
  public int get(String text, int start, int end) {
    int value = find(text, start, end);
    return value == PREFIX ? FREE : value;
  }

  /**
   * The number of {@code text[start, end)}; {@link #PREFIX} when it is no term but begins one (in a
   * table built with prefixes that long); otherwise -1. Allocates nothing.
   */
  public int find(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i); // String.hashCode of the span
    }
    int length = end - start;
    int slot = slotOfHash(hash);
    int value;
    while ((value = hashAndValue[2 * slot + 1]) != FREE) {
      if (hashAndValue[2 * slot] == hash) {
        String key = keys[slot];
        if (key.length() == length && key.regionMatches(0, text, start, length)) {
          return value;
        }
      }
      slot = (slot + 1) & mask;
    }
    return FREE;
  }

  /** The number of a string, or -1. */
  public int get(String term) {
    int hash = term.hashCode();
    int slot = slotOfHash(hash);
    int value;
    while ((value = hashAndValue[2 * slot + 1]) != FREE) {
      if (hashAndValue[2 * slot] == hash && keys[slot].equals(term)) {
        return value == PREFIX ? FREE : value;
      }
      slot = (slot + 1) & mask;
    }
    return FREE;
  }

  /** The length of the longest string that starts with {@code c}; 0 when none does. */
  public int longestStartingWith(char c) {
    return longestStartingWith[c];
  }
}
