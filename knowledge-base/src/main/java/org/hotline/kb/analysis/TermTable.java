package org.hotline.kb.analysis;

import java.util.List;

/**
 * Numbers a fixed list of strings (the {@code i}th gets {@code i}) and finds them by a span of any
 * text without building the substring: open addressing with linear probing, no boxing, one probe
 * for most lookups. Also knows, per first character, how long the longest string starting with it
 * is, so a longest-match walk tries no longer span than can match. Immutable; thread-safe.
 */
public final class TermTable {
  private final String[] keys;
  /**
   * Per slot, side by side: the key's hash and its number (-1: free). A probe compares hashes and
   * reads a key's characters only when they are equal, so a miss rarely leaves this array.
   */
  private final int[] hashAndValue;
  private final int mask;
  /** Per first character: the length of the longest key starting with it, capped (0: none does). */
  private final short[] longestStartingWith = new short[Character.MAX_VALUE + 1];

  /** @param terms distinct strings; each is numbered by its position */
  public TermTable(List<String> terms) {
    int capacity = Integer.highestOneBit(Math.max(4, terms.size() * 3 - 1)) << 1; // load at most 1/3
    keys = new String[capacity];
    hashAndValue = new int[2 * capacity];
    java.util.Arrays.fill(hashAndValue, -1);
    mask = capacity - 1;
    for (int i = 0; i < terms.size(); i++) {
      String term = terms.get(i);
      int slot = slotOfHash(term.hashCode());
      while (keys[slot] != null) {
        if (keys[slot].equals(term)) {
          throw new IllegalArgumentException("duplicate term " + term);
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = term;
      hashAndValue[2 * slot] = term.hashCode();
      hashAndValue[2 * slot + 1] = i;
      if (!term.isEmpty()) {
        int first = term.charAt(0);
        longestStartingWith[first] = (short) Math.max(longestStartingWith[first], Math.min(term.length(), Short.MAX_VALUE));
      }
    }
  }

  private int slotOfHash(int hashCode) {
    int h = hashCode * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The number of {@code text[start, end)}, or -1; allocates nothing. */
  public int get(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i); // String.hashCode of the span
    }
    int length = end - start;
    int slot = slotOfHash(hash);
    int value;
    while ((value = hashAndValue[2 * slot + 1]) >= 0) {
      if (hashAndValue[2 * slot] == hash) {
        String key = keys[slot];
        if (key.length() == length && key.regionMatches(0, text, start, length)) {
          return value;
        }
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The number of a string, or -1. */
  public int get(String term) {
    int hash = term.hashCode();
    int slot = slotOfHash(hash);
    int value;
    while ((value = hashAndValue[2 * slot + 1]) >= 0) {
      if (hashAndValue[2 * slot] == hash && keys[slot].equals(term)) {
        return value;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The length of the longest string that starts with {@code c}; 0 when none does. */
  public int longestStartingWith(char c) {
    return longestStartingWith[c];
  }
}
